/**
 * RFC 3161 timestamp tokens: a SignedData whose content is a TSTInfo. Read the TSTInfo, check
 * that its message imprint is the hash of what was timestamped (for CMS: the signature value,
 * RFC 3161 appendix A) and that the TSA's own signature holds; with trust anchors, also that the
 * TSA's certificate chains to one of them, was valid at the token's time and is meant for
 * time-stamping (extended key usage id-kp-timeStamping, RFC 3161 §2.3). Only such a token is
 * "trusted": only its time can prove that a signature was made before a revocation.
 */
import { OID } from '../crypto/index.js';
import { parse, readBigInt, readOctets, readOid, readTime, seq, Tag } from '../asn1/index.js';
import { SignatureError } from '../errors/index.js';
import { digestNameFor, verifyWithSpki } from './algorithms.js';
import { readCertificate, type CertFields } from './certificate.js';
import { parseSignedData } from './cms-decode.js';
import { digestBuffer } from './digest.js';
import { identityOf } from './identity.js';
import { parseCertificate } from '../pki/index.js';
import { MessageCertificates } from './chain.js';
import type { VerifyCache } from './verify-cache.js';

export interface TstInfo {
  policy: string;
  imprintAlgorithm: string;
  imprint: Buffer;
  serial: string;
  genTime: Date;
  nonce?: bigint;
}

export interface TimestampInfo {
  time: string;
  serial: string;
  tsa?: string;
  imprintMatches: boolean;
  signatureValid: boolean;
  /**
   * With trust anchors: whether the TSA's certificate chains to one of them, was valid at the
   * token's time and has the timeStamping extended key usage. Absent without anchors.
   */
  trusted?: boolean;
}

/** Whether a token's time may be relied on: it verifies and (when anchors were given) is trusted. */
export const timestampHolds = (ts: TimestampInfo | undefined): boolean =>
  !!ts && ts.imprintMatches && ts.signatureValid && ts.trusted !== false;

export function readTstInfo(der: Uint8Array): TstInfo {
  const parts = seq(parse(der), 'TSTInfo');
  const [alg, hashed] = seq(parts[2], 'MessageImprint');
  const out: TstInfo = {
    policy: readOid(parts[1]),
    imprintAlgorithm: readOid(seq(alg)[0]),
    imprint: Buffer.from(readOctets(hashed)),
    serial: readBigInt(parts[3]).toString(16),
    genTime: readTime(parts[4]),
  };
  for (const p of parts.slice(5)) if (p.tag === Tag.INTEGER && p.cls === 0) out.nonce = readBigInt(p);
  return out;
}

function tokenError(what: string): SignatureError {
  return new SignatureError('SIGN_TIMESTAMP_MALFORMED', 'sign.error.timestampMalformed', {
    params: { what },
  });
}

/** More certificates than any TSA puts in a token (its own and its chain). */
const MAX_TOKEN_CERTIFICATES = 16;

/**
 * Verify a token against the bytes it should cover (the SignerInfo's signature value); with
 * `trust`, also whether its TSA is trusted (see the file's comment).
 */
export async function checkTimestampToken(
  token: Uint8Array,
  covered: Uint8Array,
  trust?: { trusted: Uint8Array[]; cache?: VerifyCache },
): Promise<TimestampInfo> {
  const sd = parseSignedData(token);
  if (sd.eContentType !== OID.tstInfo || !sd.content) throw tokenError('not a TSTInfo');
  const tst = readTstInfo(sd.content);
  const expected = digestBuffer(covered, [digestNameFor(tst.imprintAlgorithm)])
    .values()
    .next().value!;
  const info: TimestampInfo = {
    time: tst.genTime.toISOString(),
    serial: tst.serial,
    imprintMatches: expected.equals(tst.imprint),
    signatureValid: false,
  };
  const si = sd.signers[0];
  // The TSA's certificate, parsed lazily; a token is one signer with one or two certificates, so a
  // token stuffed with hundreds is not read at all (it simply does not verify).
  let cert: CertFields | undefined;
  if (si?.serial && si.issuer && sd.certificates.length <= MAX_TOKEN_CERTIFICATES)
    for (const der of sd.certificates) {
      const c = readCertificate(der);
      if (c.serial.equals(si.serial) && c.issuer.equals(si.issuer)) {
        cert = c;
        break;
      }
    }
  if (si && cert) {
    info.tsa = identityOf(cert).cn;
    const d = digestBuffer(sd.content, [digestNameFor(si.digestOid)])
      .values()
      .next().value!;
    const attrsOk = !si.signedAttrs || (si.messageDigest?.equals(d) ?? false);
    const data = si.signedAttrs ?? sd.content;
    try {
      info.signatureValid =
        attrsOk &&
        verifyWithSpki(
          cert.spki,
          cert.keyOid,
          si.signatureOid,
          digestNameFor(si.digestOid),
          data,
          si.signature,
        );
    } catch {
      info.signatureValid = false;
    }
  }
  if (trust)
    info.trusted = info.signatureValid && !!cert && (await tsaTrusted(cert, sd.certificates, tst, trust));
  return info;
}

/** The TSA certificate chains to an anchor, was valid at genTime and may stamp time. */
async function tsaTrusted(
  cert: CertFields,
  certificates: Uint8Array[],
  tst: TstInfo,
  trust: { trusted: Uint8Array[]; cache?: VerifyCache },
): Promise<boolean> {
  if (tst.genTime < cert.notBefore || tst.genTime > cert.notAfter) return false;
  try {
    if (!parseCertificate(cert.der).extKeyUsage?.includes(OID.timeStamping)) return false;
    const pool = new MessageCertificates(
      certificates,
      trust.trusted,
      { signers: 1, certificates: MAX_TOKEN_CERTIFICATES, checks: MAX_TOKEN_CERTIFICATES },
      trust.cache,
    );
    const own = pool.all.find((c) => c.der.equals(cert.der));
    return !!own && (await pool.chainOf(own)).status === 'trusted';
  } catch {
    return false; // a damaged certificate or the check budget spent: not trusted
  }
}
