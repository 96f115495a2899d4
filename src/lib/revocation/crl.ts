/**
 * X.509 v2 CRLs (RFC 5280 §5): a strict reader, and the checks a client makes before it believes
 * one — signed by the certificate's issuer, issued under the issuer's name, not stale.
 */
import {
  children,
  content,
  isContext,
  parse,
  raw,
  readBitString,
  readOctets,
  readOid,
  readTime,
  readUnsignedBytes,
  seq,
  serialHex,
  is,
  Tag,
  type Node,
} from '../asn1/index.js';
import { OID } from '../crypto/index.js';
import { MalformedError } from '../errors/index.js';
import { pemToDer, verifyWith, type Certificate } from '../pki/index.js';

export interface CrlEntry {
  revokedAt: Date;
  /** RFC 5280 CRLReason code, when the entry carries one. */
  reason?: number;
}

export interface Crl {
  der: Buffer;
  tbs: Buffer;
  signatureOid: string;
  signature: Buffer;
  /** DER of the issuer Name. */
  issuer: Buffer;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Revoked serials: lower-case hex without leading zeros (as `Certificate.serialHex`). */
  revoked: Map<string, CrlEntry>;
}

const isTime = (n: Node | undefined): boolean => is(n, Tag.UTCTime) || is(n, Tag.GeneralizedTime);

/** Decode a CRL (DER, or PEM with an X509 CRL block). A damaged one is a MalformedError. */
export function parseCrl(input: Uint8Array): Crl {
  const text = Buffer.from(input.subarray(0, 64)).toString('latin1');
  const der = text.includes('-----BEGIN') ? pemToDer(input, 'X509 CRL') : Buffer.from(input);
  try {
    const [tbsNode, alg, sig] = seq(parse(der), 'CertificateList');
    const items = seq(tbsNode, 'TBSCertList');
    let i = 0;
    if (is(items[i], Tag.INTEGER)) i++; // version
    i++; // signature AlgorithmIdentifier
    const issuer = Buffer.from(raw(items[i++]!));
    const thisUpdate = readTime(items[i++]);
    const nextUpdate = isTime(items[i]) ? readTime(items[i++]) : undefined;
    const revoked = new Map<string, CrlEntry>();
    if (items[i] && !isContext(items[i], 0))
      for (const e of seq(items[i++], 'revokedCertificates')) {
        const [serial, at, exts] = seq(e, 'revokedCertificate');
        const entry: CrlEntry = { revokedAt: readTime(at) };
        if (exts)
          for (const x of seq(exts, 'crlEntryExtensions')) {
            const parts = seq(x, 'Extension');
            if (readOid(parts[0]) === OID.cRLReason)
              entry.reason = content(parse(readOctets(parts[parts.length - 1])))[0] ?? 0;
          }
        revoked.set(serialHex(readUnsignedBytes(serial)), entry);
      }
    return {
      der,
      tbs: Buffer.from(raw(tbsNode!)),
      signatureOid: readOid(seq(alg, 'AlgorithmIdentifier')[0]),
      signature: Buffer.from(readBitString(sig)),
      issuer,
      thisUpdate,
      ...(nextUpdate ? { nextUpdate } : {}),
      revoked,
    };
  } catch (e) {
    if (e instanceof MalformedError) throw e;
    throw new MalformedError('CRL_MALFORMED', 'revocation.error.crlMalformed', { cause: e });
  }
}

/** Allowed difference between our clock and the issuer's. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Why a CRL cannot be used for `issuer`'s certificates at `now`; undefined when it can. */
export function crlProblem(crl: Crl, issuer: Certificate, now: Date): string | undefined {
  if (!crl.issuer.equals(Buffer.from(issuer.subject.der))) return 'crl-issuer';
  let ok: boolean;
  try {
    ok = verifyWith(issuer.publicKey, crl.signatureOid, crl.tbs, crl.signature);
  } catch {
    ok = false;
  }
  if (!ok) return 'crl-signature';
  if (crl.thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS) return 'crl-future';
  if (crl.nextUpdate && crl.nextUpdate.getTime() < now.getTime() - CLOCK_SKEW_MS) return 'crl-expired';
  return undefined;
}

/** The URIs of a certificate's extension: CRL distribution points or AIA OCSP responders. */
function uris(cert: Certificate, oid: string, pick: (n: Node) => Node[]): string[] {
  const ext = cert.extensions.find((e) => e.oid === oid);
  if (!ext) return [];
  const out: string[] = [];
  try {
    for (const n of pick(parse(ext.value)))
      if (isContext(n, 6)) out.push(Buffer.from(content(n)).toString('latin1'));
  } catch {
    return out; // a damaged extension names nothing usable
  }
  return out.filter((u) => /^https?:\/\//i.test(u));
}

/** The http(s) CRL distribution point URLs of a certificate (fullName URIs). */
export function crlUrls(cert: Certificate): string[] {
  return uris(cert, OID.crlDistributionPoints, (root) =>
    children(root).flatMap((dp) => {
      const name = children(dp).find((c) => isContext(c, 0)); // distributionPoint
      const full = name && children(name).find((c) => isContext(c, 0)); // fullName
      return full ? children(full) : [];
    }),
  );
}

/** The http(s) OCSP responder URLs of a certificate's Authority Information Access. */
export function ocspUrls(cert: Certificate): string[] {
  return uris(cert, OID.authorityInfoAccess, (root) =>
    children(root)
      .map((ad) => children(ad))
      .filter(([m]) => readOid(m) === OID.adOcsp)
      .map(([, loc]) => loc!),
  );
}
