/**
 * CMS SignedData verification with a per-signer report in the E-IMZO-SERVER spirit: signature
 * valid, chain, certificate valid at signing time, signing time, identity and status code.
 * The report is data; `assertValid` turns the first failure into a typed SignatureError.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse, readBitString, seq } from '../asn1/index.js';
import { SignatureError, UsageError } from '../errors/index.js';
import { digestNameFor, verifyWithSpki, type DigestName } from './algorithms.js';
import { readCertificate, splitCertificates, type CertFields } from './certificate.js';
import { buildChain, type ChainStatus } from './chain.js';
import { parseSignedData, type ParsedSignedData, type ParsedSignerInfo } from './cms-decode.js';
import { digestBuffer, digestFile } from './digest.js';
import { identityOf, type SignerIdentity } from './identity.js';
import { checkTimestampToken, type TimestampInfo } from './timestamp-token.js';

/** E-IMZO-SERVER status codes (REFERENCES §3). */
export const STATUS = {
  ok: 1,
  signatureInvalid: -10,
  certificateInvalid: -11,
  notValidAtSigningTime: -12,
} as const;

/** Failure codes, most serious first: the first that applies is the signer's `code`. */
export type SignerFailure =
  | 'SIGNATURE_SIGNER_CERT_MISSING'
  | 'SIGNATURE_CONTENT_TAMPERED'
  | 'SIGNATURE_CONTENT_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_CHAIN_UNTRUSTED'
  | 'SIGNATURE_CERT_EXPIRED'
  | 'SIGNATURE_CERT_NOT_YET_VALID';

export type VerifyWarning = 'DIGEST_REVERSED' | 'CHAIN_UNCHECKED' | 'NO_SIGNING_TIME' | 'TIMESTAMP_INVALID';

export interface SignerReport {
  status: number;
  code?: SignerFailure;
  signatureValid: boolean;
  digestMatches: boolean;
  chain: ChainStatus;
  /** Serial numbers from the signer to the anchor (or as far as the chain went). */
  chainSerials: string[];
  certificateValidAtSigningTime: boolean;
  signingTime?: string;
  timestamp?: TimestampInfo;
  signer?: SignerIdentity;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  warnings: VerifyWarning[];
}

export interface VerifyReport {
  valid: boolean;
  detached: boolean;
  contentLength: number;
  signers: SignerReport[];
}

export interface VerifyOptions {
  /** Detached content: a file path or the bytes. */
  content?: string | Uint8Array;
  /** Trust anchors (DER certificates or PEM bundles). Without them the chain is reported `unchecked`. */
  trusted?: Uint8Array[];
  /** Time used when a signer has neither signingTime nor a timestamp (default: now). */
  now?: Date;
}

function findSignerCert(si: ParsedSignerInfo, certs: CertFields[]): CertFields | undefined {
  if (si.issuer && si.serial)
    return certs.find((c) => c.serial.equals(si.serial!) && c.issuer.equals(si.issuer!));
  // SubjectKeyIdentifier: the key identifier as RFC 5280 §4.2.1.2 (1) derives it, which is what
  // OpenSSL and most CAs write: SHA-1 of the subjectPublicKey bits.
  if (si.subjectKeyId)
    return certs.find((c) => createHash('sha1').update(spkiBits(c.spki)).digest().equals(si.subjectKeyId!));
  return undefined;
}

function spkiBits(spki: Buffer): Uint8Array {
  return readBitString(seq(parse(spki))[1]);
}

const reversed = (b: Buffer): Buffer => Buffer.from(b).reverse();

export async function verifySignature(
  signature: Uint8Array,
  opts: VerifyOptions = {},
): Promise<VerifyReport> {
  const sd = parseSignedData(signature);
  const detached = sd.content === undefined;
  const names = [...new Set(sd.signers.map((s) => digestNameFor(s.digestOid)))];
  let digests: Map<DigestName, Buffer>;
  let contentLength: number;
  let contentBytes: Buffer | undefined = sd.content;
  if (detached) {
    if (opts.content === undefined)
      throw new UsageError('SIGNATURE_CONTENT_REQUIRED', 'sign.error.contentRequired');
    if (typeof opts.content === 'string') {
      const fd = await digestFile(opts.content, names);
      digests = fd.digests;
      contentLength = fd.size;
      contentBytes = fd.content;
    } else {
      contentBytes = Buffer.from(opts.content);
      digests = digestBuffer(contentBytes, names);
      contentLength = contentBytes.length;
    }
  } else {
    digests = digestBuffer(sd.content!, names);
    contentLength = sd.content!.length;
  }
  const signers = sd.signers.map((si) =>
    verifySigner(sd, si, digests.get(digestNameFor(si.digestOid))!, opts, detached, contentBytes),
  );
  return {
    valid: signers.length > 0 && signers.every((s) => s.status === STATUS.ok),
    detached,
    contentLength,
    signers,
  };
}

/** Read a signature file (and detached content path) and verify. */
export async function verifyFile(signaturePath: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  return verifySignature(await readFile(signaturePath), opts);
}

function verifySigner(
  sd: ParsedSignedData,
  si: ParsedSignerInfo,
  digest: Buffer,
  opts: VerifyOptions,
  detached: boolean,
  content: Buffer | undefined,
): SignerReport {
  const certs = sd.certificates.map((c) => readCertificate(c));
  const anchors = opts.trusted?.flatMap((c) => splitCertificates(c)).map((c) => readCertificate(c));
  const cert = findSignerCert(si, [...certs, ...(anchors ?? [])]);
  const r: SignerReport = {
    status: STATUS.ok,
    signatureValid: false,
    digestMatches: false,
    chain: 'unchecked',
    chainSerials: [],
    certificateValidAtSigningTime: false,
    digestAlgorithm: si.digestOid,
    signatureAlgorithm: si.signatureOid,
    warnings: [],
  };
  const fail = (code: SignerFailure, status: number) => {
    if (!r.code) {
      r.code = code;
      r.status = status;
    }
  };
  if (si.signingTime) r.signingTime = si.signingTime.toISOString();
  if (!cert) {
    fail('SIGNATURE_SIGNER_CERT_MISSING', STATUS.certificateInvalid);
    return r;
  }
  r.signer = identityOf(cert);

  if (si.signedAttrs) {
    // E-IMZO's hash byte order is the engine's; accept the reversed order, with a warning.
    if (si.messageDigest?.equals(digest)) r.digestMatches = true;
    else if (digestNameFor(si.digestOid) === 'ozdst-1106' && si.messageDigest?.equals(reversed(digest))) {
      r.digestMatches = true;
      r.warnings.push('DIGEST_REVERSED');
    }
    if (si.contentType !== undefined && si.contentType !== sd.eContentType) r.digestMatches = false;
    r.signatureValid = verifyWithSpki(
      cert.spki,
      cert.keyOid,
      si.signatureOid,
      digestNameFor(si.digestOid),
      si.signedAttrs,
      si.signature,
    );
  } else {
    // No signed attributes: the signature is over the content itself (needs it in memory).
    r.digestMatches = true;
    r.signatureValid =
      content !== undefined &&
      verifyWithSpki(
        cert.spki,
        cert.keyOid,
        si.signatureOid,
        digestNameFor(si.digestOid),
        content,
        si.signature,
      );
  }
  if (!r.digestMatches)
    fail(detached ? 'SIGNATURE_CONTENT_MISMATCH' : 'SIGNATURE_CONTENT_TAMPERED', STATUS.signatureInvalid);
  if (!r.signatureValid) fail('SIGNATURE_INVALID', STATUS.signatureInvalid);

  const chain = buildChain(cert, certs, anchors);
  r.chain = chain.status;
  r.chainSerials = chain.path.map((c) => c.serialHex);
  if (chain.status === 'unchecked') r.warnings.push('CHAIN_UNCHECKED');
  if (chain.status === 'untrusted') fail('SIGNATURE_CHAIN_UNTRUSTED', STATUS.certificateInvalid);

  if (si.timestampToken) {
    r.timestamp = checkTimestampToken(si.timestampToken, si.signature);
    if (!r.timestamp.imprintMatches || !r.timestamp.signatureValid) r.warnings.push('TIMESTAMP_INVALID');
  }
  // The time the signature was made: a valid timestamp beats the signer's own clock.
  const tsTime =
    r.timestamp?.imprintMatches && r.timestamp.signatureValid ? new Date(r.timestamp.time) : undefined;
  const at = tsTime ?? si.signingTime ?? opts.now ?? new Date();
  if (!tsTime && !si.signingTime) r.warnings.push('NO_SIGNING_TIME');
  if (at < cert.notBefore) fail('SIGNATURE_CERT_NOT_YET_VALID', STATUS.notValidAtSigningTime);
  else if (at > cert.notAfter) fail('SIGNATURE_CERT_EXPIRED', STATUS.notValidAtSigningTime);
  else r.certificateValidAtSigningTime = true;
  return r;
}

const FAILURE_KEYS: Record<SignerFailure, string> = {
  SIGNATURE_SIGNER_CERT_MISSING: 'sign.error.signerCertMissing',
  SIGNATURE_CONTENT_TAMPERED: 'sign.error.contentTampered',
  SIGNATURE_CONTENT_MISMATCH: 'sign.error.contentMismatch',
  SIGNATURE_INVALID: 'sign.error.signatureInvalid',
  SIGNATURE_CHAIN_UNTRUSTED: 'sign.error.chainUntrusted',
  SIGNATURE_CERT_EXPIRED: 'sign.error.certExpired',
  SIGNATURE_CERT_NOT_YET_VALID: 'sign.error.certNotYetValid',
};

export function failureError(
  code: SignerFailure,
  s: SignerReport,
  data?: Record<string, unknown>,
): SignatureError {
  return new SignatureError(code, FAILURE_KEYS[code], {
    params: { signer: s.signer?.cn ?? s.signer?.serialNumber ?? '?', time: s.signingTime ?? '' },
    data,
  });
}

/** Throw the first signer's failure as a SignatureError (exit 6); no signers is a failure too. */
export function assertValid(report: VerifyReport): void {
  if (report.signers.length === 0) throw new SignatureError('SIGNATURE_NO_SIGNERS', 'sign.error.noSigners');
  for (const s of report.signers) if (s.code) throw failureError(s.code, s, { report });
}
