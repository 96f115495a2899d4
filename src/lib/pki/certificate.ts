/**
 * X.509 certificates: a strict reader that exposes what signing, listing and support need
 * (issuer, serial, SPKI, validity, extensions, Uzbek identity attributes) without copying the
 * input. The public key object is built lazily: listing a thousand keys never touches crypto.
 */
import { createHash } from 'node:crypto';
import {
  children,
  content,
  expect,
  is,
  isContext,
  parse,
  raw,
  readBigInt,
  readBitString,
  readBoolean,
  readOctets,
  readOid,
  readSmallInt,
  readTime,
  seq,
  Tag,
  type Node,
} from '../asn1/index.js';
import { isOneIdError, KeyUnusableError, MalformedError } from '../errors/index.js';
import {
  describeSpki,
  decodePublicKey,
  verifyWith,
  type KeyAlgorithmInfo,
  type PublicKey,
} from './key-codec.js';
import { nameValue, readName, type DistinguishedName } from './name.js';
import { OID } from '../crypto/index.js';

export interface Extension {
  oid: string;
  critical: boolean;
  /** DER of the extension value (the content of extnValue). */
  value: Uint8Array;
}

/**
 * Who the certificate belongs to, in E-IMZO terms: the one type for a certificate's owner. The
 * sign area's reports (`SignerIdentity`), the account flows (`KeyIdentity`) and the sandbox's
 * signed-challenge check are views of it (its fields, plus serial and validity).
 */
export interface CertificateIdentity {
  /** Personal identification number, 14 digits (attribute 1.2.860.3.16.1.2). */
  pinfl?: string;
  /** Legal entity TIN (attribute 1.2.860.3.16.1.1); absent for individuals. */
  tin?: string;
  /** UID: the individual's TIN in E-IMZO certificates. */
  uid?: string;
  cn?: string;
  o?: string;
  t?: string;
  name?: string;
  surname?: string;
}

export interface Certificate {
  /** The whole certificate DER. */
  raw: Uint8Array;
  /** The DER of tbsCertificate (what the issuer signed). */
  tbs: Uint8Array;
  version: number;
  /** Serial number, lower-case hex without leading zeros (as E-IMZO aliases print it). */
  serialHex: string;
  serial: bigint;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  /** SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
  publicKeyAlgorithm: KeyAlgorithmInfo;
  /** Built on first access; throws UnsupportedAlgorithmError for keys the crypto area lacks. */
  readonly publicKey: PublicKey;
  signatureAlgorithmOid: string;
  signature: Uint8Array;
  extensions: Extension[];
  keyUsage?: KeyUsage[];
  extKeyUsage?: string[];
  basicConstraints?: { ca: boolean; pathLength?: number };
  policies?: string[];
  subjectKeyId?: string;
  authorityKeyId?: string;
  identity: CertificateIdentity;
  selfIssued: boolean;
}

export type KeyUsage =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

export const KEY_USAGE_BITS: KeyUsage[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

function malformedCert(cause: unknown): never {
  throw new MalformedError('CERT_MALFORMED', 'pki.error.certificate', { cause });
}

/** Accepts DER bytes, or PEM text/bytes with a CERTIFICATE block. */
export function parseCertificate(input: Uint8Array | string): Certificate {
  const der = typeof input === 'string' || looksLikePem(input) ? pemToDer(input, 'CERTIFICATE') : input;
  try {
    return readCertificate(der);
  } catch (e) {
    if (isOneIdError(e)) throw e;
    malformedCert(e); // a bug-shaped error on hostile input still ends typed
  }
}

function looksLikePem(b: Uint8Array): boolean {
  return b.length > 10 && Buffer.from(b.subarray(0, 64)).toString('latin1').includes('-----BEGIN');
}

export function pemToDer(input: Uint8Array | string, label: string): Buffer {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text);
  if (!m) throw new MalformedError('PEM_MALFORMED', 'pki.error.pem', { params: { label } });
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

export function derToPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}

function readCertificate(der: Uint8Array): Certificate {
  const root = parse(der);
  const [tbsNode, sigAlg, sigValue] = seq(root, 'Certificate');
  const t = seq(tbsNode, 'TBSCertificate');
  let i = 0;
  let version = 1;
  if (isContext(t[i], 0)) version = readSmallInt(children(t[i++]!)[0]) + 1;
  const serial = readBigInt(t[i++]);
  const innerSigAlg = t[i++]; // must equal the outer one (checked below)
  const issuer = readName(t[i++]!);
  const [nb, na] = seq(t[i++], 'Validity');
  const subject = readName(t[i++]!);
  const spkiNode = expect(t[i++], Tag.SEQUENCE, 'SubjectPublicKeyInfo');
  let extensions: Extension[] = [];
  for (; i < t.length; i++) if (isContext(t[i], 3)) extensions = readExtensions(children(t[i]!)[0]);

  const sigOid = readOid(seq(sigAlg, 'AlgorithmIdentifier')[0]);
  if (!innerSigAlg || !Buffer.from(raw(innerSigAlg)).equals(Buffer.from(raw(sigAlg!)))) {
    throw new MalformedError('CERT_MALFORMED', 'pki.error.certificate', {
      params: { what: 'signature algorithm mismatch' },
    });
  }
  const spki = raw(spkiNode);
  const publicKeyAlgorithm = describeSpki(spki);
  let cachedKey: PublicKey | undefined;
  const cert: Certificate = {
    raw: der,
    tbs: raw(tbsNode!),
    version,
    serial,
    serialHex: (serial < 0n ? -serial : serial).toString(16),
    subject,
    issuer,
    notBefore: readTime(nb),
    notAfter: readTime(na),
    spki,
    publicKeyAlgorithm,
    get publicKey(): PublicKey {
      cachedKey ??= decodePublicKey(spki);
      return cachedKey;
    },
    signatureAlgorithmOid: sigOid,
    signature: readBitString(sigValue),
    extensions,
    identity: {
      pinfl: nameValue(subject, OID.PINFL),
      tin: nameValue(subject, OID.TIN),
      uid: nameValue(subject, OID.UID),
      cn: nameValue(subject, OID.CN),
      o: nameValue(subject, OID.O),
      t: nameValue(subject, OID.T),
      name: nameValue(subject, OID.NAME) ?? nameValue(subject, OID.GIVENNAME),
      surname: nameValue(subject, OID.SURNAME),
    },
    selfIssued: Buffer.from(subject.der).equals(Buffer.from(issuer.der)),
  };
  for (const ext of extensions) readKnownExtension(cert, ext);
  return cert;
}

function readExtensions(n: Node | undefined): Extension[] {
  return seq(n, 'Extensions').map((e) => {
    const items = seq(e, 'Extension');
    const oid = readOid(items[0]);
    const critical = is(items[1], Tag.BOOLEAN) ? readBoolean(items[1]) : false;
    return { oid, critical, value: readOctets(items[items.length - 1]) };
  });
}

function readKnownExtension(cert: Certificate, ext: Extension): void {
  const v = () => parse(ext.value);
  switch (ext.oid) {
    case OID.keyUsage: {
      const bits = readBitString(v());
      cert.keyUsage = KEY_USAGE_BITS.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
      break;
    }
    case OID.extKeyUsage:
      cert.extKeyUsage = seq(v()).map((o) => readOid(o));
      break;
    case OID.basicConstraints: {
      const items = seq(v());
      let k = 0;
      const ca = is(items[k], Tag.BOOLEAN) ? readBoolean(items[k++]) : false;
      cert.basicConstraints = {
        ca,
        pathLength: is(items[k], Tag.INTEGER) ? readSmallInt(items[k]) : undefined,
      };
      break;
    }
    case OID.certificatePolicies:
      cert.policies = seq(v()).map((p) => readOid(seq(p)[0]));
      break;
    case OID.subjectKeyIdentifier:
      cert.subjectKeyId = Buffer.from(readOctets(v())).toString('hex');
      break;
    case OID.authorityKeyIdentifier: {
      const id = seq(v()).find((c) => isContext(c, 0));
      if (id) cert.authorityKeyId = Buffer.from(content(id)).toString('hex');
      break;
    }
    default:
  }
}

export function fingerprint(cert: Certificate, alg: 'sha1' | 'sha256' = 'sha256'): string {
  return createHash(alg).update(cert.raw).digest('hex');
}

export type ValidityState = 'valid' | 'expired' | 'not-yet-valid';

/** Where `now` falls in a validity period: of a certificate, or the dates of an E-IMZO alias. */
export function validityState(
  period: Pick<Certificate, 'notBefore' | 'notAfter'>,
  now = new Date(),
): ValidityState {
  if (now < period.notBefore) return 'not-yet-valid';
  if (now > period.notAfter) return 'expired';
  return 'valid';
}

/**
 * The one validity check of a certificate whose key is about to sign (sign-in proofs, `key sign`):
 * exit 5 with KEY_EXPIRED or KEY_NOT_YET_VALID, whatever the flow. E-IMZO-SERVER would reject
 * every signature of such a key (-12).
 */
export function assertValidNow(cert: Certificate, now = new Date()): void {
  const state = validityState(cert, now);
  if (state === 'valid') return;
  const params = {
    serial: cert.serialHex,
    from: cert.notBefore.toISOString().slice(0, 10),
    to: cert.notAfter.toISOString().slice(0, 10),
  };
  if (state === 'expired')
    throw new KeyUnusableError('KEY_EXPIRED', 'pki.error.keyExpired', { params, hintKey: 'pki.hint.newKey' });
  throw new KeyUnusableError('KEY_NOT_YET_VALID', 'pki.error.keyNotYetValid', { params });
}

/** Whole days until notAfter (negative once expired). */
export function daysLeft(cert: Certificate, now = new Date()): number {
  return daysUntil(cert.notAfter, now);
}

/**
 * Whole days from `now` until `date`, rounded toward zero both ways: a certificate that expired
 * yesterday evening is -1 ("expired 1 day ago"), not -2, and 0 means "today" on either side.
 */
export function daysUntil(date: Date, now = new Date()): number {
  return Math.trunc((date.getTime() - now.getTime()) / 86_400_000) || 0;
}

/**
 * Refuse a certificate whose public key cannot be decoded (bad encoding, an EC point off its
 * curve…): MalformedError `CERT_PUBLIC_KEY_DAMAGED` (exit 5). Key types this tool cannot decode
 * at all are left to the commands that need them.
 */
export function assertReadablePublicKey(cert: Certificate): void {
  try {
    void cert.publicKey;
  } catch (e) {
    if (e instanceof MalformedError)
      throw new MalformedError('CERT_PUBLIC_KEY_DAMAGED', 'pki.error.certificateKey', {
        params: { serial: cert.serialHex },
        cause: e,
      });
  }
}

/** True when `issuer` names and signed `cert` (issuer name match + signature check). */
export function verifyCertificateSignature(cert: Certificate, issuer: Certificate): boolean {
  if (!Buffer.from(cert.issuer.der).equals(Buffer.from(issuer.subject.der))) return false;
  return verifyWith(issuer.publicKey, cert.signatureAlgorithmOid, cert.tbs, cert.signature);
}

/**
 * Order `certs` as a chain starting at `leaf` (leaf, its issuer, …) using name matching and
 * signatures; certificates that do not belong are left out.
 */
export function buildChain(leaf: Certificate, certs: Certificate[]): Certificate[] {
  const chain = [leaf];
  let cur = leaf;
  while (!cur.selfIssued && chain.length < 10) {
    const next = certs.find(
      (c) => !chain.includes(c) && Buffer.from(c.subject.der).equals(Buffer.from(cur.issuer.der)),
    );
    if (!next) break;
    chain.push(next);
    cur = next;
  }
  return chain;
}
