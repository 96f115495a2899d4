/**
 * CMS SignedData verification with a per-signer report in the E-IMZO-SERVER spirit: signature
 * valid, chain, certificate valid at signing time, signing time, identity and status code.
 * The report is data; `assertValid` turns the first failure into a typed SignatureError.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { parse, readBitString, readUnsignedBytes, seq, serialHex } from '../asn1/index.js';
import { MalformedError, SignatureError, UsageError } from '../errors/index.js';
import { digestNameFor, type DigestName } from './algorithms.js';
import type { CertFields } from './certificate.js';
import {
  limitError,
  MessageCertificates,
  type ChainResult,
  type ChainStatus,
  type VerifyLimits,
} from './chain.js';
import { parseSignedData, type ParsedSignedData, type ParsedSignerInfo } from './cms-decode.js';
import { digestBuffer, digestFile } from './digest.js';
import { identityOf, type SignerIdentity } from './identity.js';
import { checkTimestampToken, timestampHolds, type TimestampInfo } from './timestamp-token.js';
import { checkRevocation, type SignerRevocation, type VerifyRevocation } from './revocation-step.js';
import { STATUS } from './status.js';
import type { VerifyCache } from './verify-cache.js';
import { reasonText, sourceText, whyText } from '../revocation/index.js';

export type { VerifyLimits } from './chain.js';
export { STATUS } from './status.js';

/**
 * Ceilings per message, far above what E-IMZO produces (one signer certificate per signer, often
 * with its 1–3 CA certificates; documents rarely carry more than a handful of signers), low enough
 * that the worst message allowed costs well under a second on one core (docs/decisions.md).
 */
export const VERIFY_LIMITS: Readonly<VerifyLimits> = { signers: 32, certificates: 128, checks: 256 };

/** Failure codes, most serious first: the first that applies is the signer's `code`. */
export type SignerFailure =
  | 'SIGNATURE_SIGNER_CERT_MISSING'
  | 'SIGNATURE_CONTENT_DIFFERS'
  | 'SIGNATURE_SIGNER_KEY_DAMAGED'
  | 'SIGNATURE_CONTENT_TAMPERED'
  | 'SIGNATURE_CONTENT_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_CHAIN_UNTRUSTED'
  | 'SIGNATURE_CERT_EXPIRED'
  | 'SIGNATURE_CERT_NOT_YET_VALID'
  | 'SIGNATURE_CERT_REVOKED'
  | 'SIGNATURE_REVOCATION_UNKNOWN';

export type VerifyWarning =
  | 'DIGEST_REVERSED'
  | 'CHAIN_UNCHECKED'
  | 'NO_SIGNING_TIME'
  | 'TIMESTAMP_INVALID'
  | 'TIMESTAMP_UNTRUSTED'
  | 'REVOCATION_UNKNOWN';

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
  /**
   * Who the certificate whose key verified this signature names; absent when no certificate's key
   * did. Trust it only together with `chain: 'trusted'`: `verifiedSigner()` does both checks.
   */
  signer?: SignerIdentity;
  /** The serial number the SignerInfo itself names (for messages; not an identity). */
  signerSerial?: string;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  warnings: VerifyWarning[];
  /** The revocation check's finding (when one was asked for: `revocation` option). */
  revocation?: SignerRevocation;
  /**
   * DER (base64) of the certificates from the signer up the trusted chain, for the revocation
   * post-step (which may run in another thread than the verification). Not part of `--json`.
   */
  chainCertificates?: string[];
}

export interface VerifyReport {
  valid: boolean;
  detached: boolean;
  contentLength: number;
  signers: SignerReport[];
}

export interface VerifyOptions {
  /**
   * The signed content: a file path or the bytes. It is what gets checked: for a detached
   * signature it is required; for an attached one that embeds different content the signers fail
   * with SIGNATURE_CONTENT_DIFFERS.
   */
  content?: string | Uint8Array;
  /** Content used only when the signature turns out to be detached (the file beside a `.p7s`). */
  contentIfDetached?: string | Uint8Array;
  /** Trust anchors (DER certificates or PEM bundles). Without them the chain is reported `unchecked`. */
  trusted?: Uint8Array[];
  /** Time used when a signer has neither signingTime nor a timestamp (default: now). */
  now?: Date;
  /** Lower (or raise) the per-message ceilings; default `VERIFY_LIMITS`. */
  limits?: Partial<VerifyLimits>;
  /**
   * Shared by the verifications of one batch (`new VerifyCache()`): certificates parsed, keys
   * decoded and certificate signatures checked once for the whole batch. Same results without it.
   */
  cache?: VerifyCache;
  /** Check the signers' revocation status afterwards (see revocation-step.ts). */
  revocation?: VerifyRevocation;
}

/** The signer certificate whose key verified the signature and whose chain to an anchor verified. */
export interface VerifiedSigner {
  /** DER of that certificate (and of no other certificate in the message). */
  certificate: Buffer;
  identity: SignerIdentity;
}

/** Reports made here, with the certificate that earned `verifiedSigner()`; reports built elsewhere never have one. */
const VERIFIED = new WeakMap<SignerReport, CertFields>();

/**
 * The one place identity comes from: the certificate whose key verified this signer's signature
 * over the content, and whose chain to a trusted anchor verified. Undefined otherwise (no anchors,
 * untrusted chain, bad signature, content mismatch). Validity time and revocation are the caller's
 * to check (`status`).
 */
export function verifiedSigner(report: SignerReport): VerifiedSigner | undefined {
  const cert = VERIFIED.get(report);
  if (!cert || !report.signatureValid || !report.digestMatches || report.chain !== 'trusted')
    return undefined;
  return { certificate: Buffer.from(cert.der), identity: identityOf(cert) };
}

/** Per signer: DER of the certificate `verifiedSigner()` gives, if any (sent beside a report that leaves its thread). */
export function verifiedCertificates(report: VerifyReport): Array<Uint8Array | undefined> {
  // A copy of exactly the certificate: a view would carry its whole backing buffer across.
  return report.signers.map((s) => {
    const der = VERIFIED.get(s)?.der;
    return der && new Uint8Array(der);
  });
}

/**
 * A report that crossed from one of our verification workers (a structured clone) loses what
 * earned `verifiedSigner()`; with the certificates `verifiedCertificates()` gave there, it works
 * here as on the thread that verified. Only for reports made by our own code.
 */
export function adoptVerified(
  report: VerifyReport,
  certificates: Array<Uint8Array | undefined>,
  cache: VerifyCache,
): void {
  report.signers.forEach((s, i) => {
    const der = certificates[i];
    if (der) VERIFIED.set(s, cache.certificate(der));
  });
}

/** Certificates the SignerInfo's identifier names (issuer + serial, or key identifier). */
function signerCandidates(si: ParsedSignerInfo, certs: CertFields[]): CertFields[] {
  if (si.issuer && si.serial)
    return certs.filter((c) => c.serial.equals(si.serial!) && c.issuer.equals(si.issuer!));
  // SubjectKeyIdentifier: the key identifier as RFC 5280 §4.2.1.2 (1) derives it, which is what
  // OpenSSL and most CAs write: SHA-1 of the subjectPublicKey bits.
  if (si.subjectKeyId)
    return certs.filter((c) => createHash('sha1').update(spkiBits(c.spki)).digest().equals(si.subjectKeyId!));
  return [];
}

function spkiBits(spki: Buffer): Uint8Array {
  return readBitString(seq(parse(spki))[1]);
}

function serialOf(si: ParsedSignerInfo): string | undefined {
  if (!si.serial) return undefined;
  return serialHex(readUnsignedBytes(parse(si.serial)));
}

const reversed = (b: Buffer): Buffer => Buffer.from(b).reverse();

/** Whether the given content (path or bytes) is byte for byte the embedded content. */
async function sameContent(given: string | Uint8Array, embedded: Buffer): Promise<boolean> {
  if (typeof given !== 'string') return embedded.equals(given);
  // The embedded content is in memory already: a file of the same size can be read whole.
  if ((await stat(given)).size !== embedded.length) return false;
  return embedded.equals(await readFile(given));
}

export async function verifySignature(
  signature: Uint8Array,
  opts: VerifyOptions = {},
): Promise<VerifyReport> {
  const limits: VerifyLimits = { ...VERIFY_LIMITS, ...opts.limits };
  const sd = parseSignedData(signature);
  if (sd.signers.length > limits.signers) throw limitError('signers', sd.signers.length, limits.signers);
  if (sd.certificates.length > limits.certificates)
    throw limitError('certificates', sd.certificates.length, limits.certificates);
  const detached = sd.content === undefined;
  const names = [...new Set(sd.signers.map((s) => digestNameFor(s.digestOid)))];
  const given = opts.content ?? (detached ? opts.contentIfDetached : undefined);
  let digests: Map<DigestName, Buffer>;
  let contentLength: number;
  let contentBytes: Buffer | undefined = sd.content;
  let contentDiffers = false;
  if (given === undefined) {
    if (detached) throw new UsageError('SIGNATURE_CONTENT_REQUIRED', 'sign.error.contentRequired');
    digests = digestBuffer(sd.content!, names);
    contentLength = sd.content!.length;
  } else {
    // The content given is the content checked, attached signature or not.
    if (!detached) contentDiffers = !(await sameContent(given, sd.content!));
    const small = typeof given === 'string' ? opts.cache?.readSmall(given) : undefined;
    if (small) {
      contentBytes = small;
      digests = digestBuffer(small, names);
      contentLength = small.length;
    } else if (typeof given === 'string') {
      const fd = await digestFile(given, names);
      digests = fd.digests;
      contentLength = fd.size;
      contentBytes = fd.content;
    } else {
      contentBytes = Buffer.from(given);
      digests = digestBuffer(contentBytes, names);
      contentLength = contentBytes.length;
    }
  }
  const pool = new MessageCertificates(sd.certificates, opts.trusted, limits, opts.cache);
  const signers: SignerReport[] = [];
  for (const si of sd.signers) {
    const digest = digests.get(digestNameFor(si.digestOid))!;
    signers.push(await verifySigner(pool, sd, si, digest, opts, { detached, contentBytes, contentDiffers }));
    await pool.breathe();
  }
  const report: VerifyReport = {
    valid: signers.length > 0 && signers.every((s) => s.status === STATUS.ok),
    detached,
    contentLength,
    signers,
  };
  if (opts.revocation) await checkRevocation(report, opts.revocation);
  return report;
}

/** Read a signature file (and detached content path) and verify. */
export async function verifyFile(signaturePath: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  return verifySignature(opts.cache?.readSmall(signaturePath) ?? (await readFile(signaturePath)), opts);
}

const isDamagedKey = (e: unknown): boolean =>
  e instanceof MalformedError && e.code === 'SIGN_PUBLIC_KEY_DAMAGED';

async function verifySigner(
  pool: MessageCertificates,
  sd: ParsedSignedData,
  si: ParsedSignerInfo,
  digest: Buffer,
  opts: VerifyOptions,
  c: { detached: boolean; contentBytes: Buffer | undefined; contentDiffers: boolean },
): Promise<SignerReport> {
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
  const serial = serialOf(si);
  if (serial) r.signerSerial = serial;
  if (si.signingTime) r.signingTime = si.signingTime.toISOString();
  const candidates = signerCandidates(si, pool.all);
  if (candidates.length === 0) {
    fail('SIGNATURE_SIGNER_CERT_MISSING', STATUS.certificateInvalid);
    return r;
  }
  if (c.contentDiffers) fail('SIGNATURE_CONTENT_DIFFERS', STATUS.signatureInvalid);

  const digestName = digestNameFor(si.digestOid);
  let signed: Buffer | undefined;
  if (si.signedAttrs) {
    // E-IMZO's hash byte order is the engine's; accept the reversed order, with a warning.
    if (si.messageDigest?.equals(digest)) r.digestMatches = true;
    else if (digestName === 'ozdst-1106' && si.messageDigest?.equals(reversed(digest))) {
      r.digestMatches = true;
      r.warnings.push('DIGEST_REVERSED');
    }
    if (si.contentType !== undefined && si.contentType !== sd.eContentType) r.digestMatches = false;
    signed = si.signedAttrs;
  } else {
    // No signed attributes: the signature is over the content itself (needs it in memory).
    r.digestMatches = true;
    signed = c.contentBytes;
  }

  // The signer is the certificate whose key verifies the signature; when the identifier names
  // several (a look-alike beside the real one), the first whose chain is not untrusted wins.
  let cert: CertFields | undefined;
  let chain: ChainResult | undefined;
  let keyDamaged = false;
  if (signed !== undefined)
    for (const candidate of candidates) {
      let ok = false;
      try {
        ok = pool.verify(candidate, si.signatureOid, digestName, signed, si.signature);
      } catch (e) {
        if (!isDamagedKey(e)) throw e;
        keyDamaged = true;
      }
      await pool.breathe();
      if (!ok) continue;
      const path = await pool.chainOf(candidate);
      if (!cert || (chain!.status === 'untrusted' && path.status !== 'untrusted')) {
        cert = candidate;
        chain = path;
      }
      if (path.status !== 'untrusted') break;
    }

  if (!cert || !chain) {
    if (keyDamaged) fail('SIGNATURE_SIGNER_KEY_DAMAGED', STATUS.certificateInvalid);
    if (!r.digestMatches)
      fail(c.detached ? 'SIGNATURE_CONTENT_MISMATCH' : 'SIGNATURE_CONTENT_TAMPERED', STATUS.signatureInvalid);
    fail('SIGNATURE_INVALID', STATUS.signatureInvalid);
    return r;
  }
  r.signatureValid = true;
  r.signer = identityOf(cert);
  if (!r.digestMatches)
    fail(c.detached ? 'SIGNATURE_CONTENT_MISMATCH' : 'SIGNATURE_CONTENT_TAMPERED', STATUS.signatureInvalid);

  r.chain = chain.status;
  r.chainSerials = chain.path.map((x) => x.serialHex);
  if (chain.status === 'trusted') r.chainCertificates = chain.path.map((x) => x.der.toString('base64'));
  if (chain.status === 'unchecked') r.warnings.push('CHAIN_UNCHECKED');
  if (chain.status === 'untrusted') fail('SIGNATURE_CHAIN_UNTRUSTED', STATUS.certificateInvalid);

  if (si.timestampToken) {
    const ts = await checkTimestampToken(
      si.timestampToken,
      si.signature,
      opts.trusted && { trusted: opts.trusted, cache: opts.cache },
    );
    r.timestamp = ts;
    if (!ts.imprintMatches || !ts.signatureValid) r.warnings.push('TIMESTAMP_INVALID');
    else if (ts.trusted === false) r.warnings.push('TIMESTAMP_UNTRUSTED');
  }
  // The time the signature was made: a valid (and, with anchors, trusted) timestamp beats the
  // signer's own clock.
  const tsTime = timestampHolds(r.timestamp) ? new Date(r.timestamp!.time) : undefined;
  const at = tsTime ?? si.signingTime ?? opts.now ?? new Date();
  if (!tsTime && !si.signingTime) r.warnings.push('NO_SIGNING_TIME');
  if (at < cert.notBefore) fail('SIGNATURE_CERT_NOT_YET_VALID', STATUS.notValidAtSigningTime);
  else if (at > cert.notAfter) fail('SIGNATURE_CERT_EXPIRED', STATUS.notValidAtSigningTime);
  else r.certificateValidAtSigningTime = true;
  if (r.digestMatches && chain.status === 'trusted') VERIFIED.set(r, cert);
  return r;
}

const FAILURE_KEYS: Record<SignerFailure, string> = {
  SIGNATURE_SIGNER_CERT_MISSING: 'sign.error.signerCertMissing',
  SIGNATURE_CONTENT_DIFFERS: 'sign.error.contentDiffers',
  SIGNATURE_SIGNER_KEY_DAMAGED: 'sign.error.signerKeyDamaged',
  SIGNATURE_CONTENT_TAMPERED: 'sign.error.contentTampered',
  SIGNATURE_CONTENT_MISMATCH: 'sign.error.contentMismatch',
  SIGNATURE_INVALID: 'sign.error.signatureInvalid',
  SIGNATURE_CHAIN_UNTRUSTED: 'sign.error.chainUntrusted',
  SIGNATURE_CERT_EXPIRED: 'sign.error.certExpired',
  SIGNATURE_CERT_NOT_YET_VALID: 'sign.error.certNotYetValid',
  SIGNATURE_CERT_REVOKED: 'sign.error.certRevoked',
  SIGNATURE_REVOCATION_UNKNOWN: 'sign.error.revocationUnknown',
};

export function failureError(
  code: SignerFailure,
  s: SignerReport,
  data?: Record<string, unknown>,
): SignatureError {
  return new SignatureError(code, FAILURE_KEYS[code], {
    params: {
      signer: s.signer?.cn ?? s.signer?.serialNumber ?? s.signerSerial ?? '?',
      time: s.signingTime ?? '',
      ...(s.revocation ? revocationParams(s.revocation) : {}),
    },
    data,
  });
}

/** Revocation date, reason, source and why, in words, for the revocation failures' messages. */
function revocationParams(r: SignerRevocation): Record<string, string> {
  return {
    date: r.revokedAt ?? '',
    reason: reasonText(r.reason),
    source: sourceText(r),
    why: whyText(r),
  };
}

/** Throw the first signer's failure as a SignatureError (exit 6); no signers is a failure too. */
export function assertValid(report: VerifyReport): void {
  if (report.signers.length === 0) throw new SignatureError('SIGNATURE_NO_SIGNERS', 'sign.error.noSigners');
  for (const s of report.signers) if (s.code) throw failureError(s.code, s, { report });
}
