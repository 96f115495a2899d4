/**
 * Certificate issuing, the one place that writes X.509 certificates and CRLs:
 * - `buildCertificate` / `buildCrl`: the TBS structures, signed by a `CertificateSigner` (the
 *   sandbox CA builds on these, with its keys kept in its database);
 * - `createCa` / `issueCertificate`: a small in-memory authority (self-signed key applications,
 *   tests) issuing certificates with the Uzbek subject attributes (PINFL, TIN, UID, CN, O, T…)
 *   for RSA, EC and O'z DSt 1092 keys, so realistic key files can be made without a network.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { OID } from '../crypto/index.js';
import { w } from '../asn1/index.js';
import { parseCertificate, type Certificate, type KeyUsage } from './certificate.js';
import { encodeExtensions, extension, keyIdentifier, type ExtensionsInput } from './extensions.js';
import * as gost from './gost-bridge.js';
import {
  encodePublicKey,
  publicKeyOf,
  signatureAlgorithmFor,
  signWith,
  type PrivateKey,
  type PublicKey,
} from './key-codec.js';
import { encodeName, type NameInput } from './name.js';

export type KeySpec =
  | { alg: 'rsa'; bits?: number }
  | { alg: 'ec'; curve?: 'P-256' | 'P-384' }
  | { alg: 'ozdst'; curve?: 'A' | 'B' | 'C' };

/** Generate a private key: node:crypto for RSA/EC, the crypto area for O'z DSt 1092. */
export function generatePrivateKey(spec: KeySpec): PrivateKey {
  if (spec.alg === 'rsa') return generateKeyPairSync('rsa', { modulusLength: spec.bits ?? 2048 }).privateKey;
  if (spec.alg === 'ec') return generateKeyPairSync('ec', { namedCurve: spec.curve ?? 'P-256' }).privateKey;
  return gost.generateGostKey(spec.curve ?? 'A');
}

export interface CertificateAuthority {
  certificate: Certificate;
  privateKey: PrivateKey;
  /** The CA certificate followed by its own issuers (for PFX chains). */
  chain: Certificate[];
}

export interface IssueInput {
  /** Subject attributes: `CN`, `O`, `T`, `UID`, `PINFL`, `TIN`, `NAME`, `SURNAME`, `L`, `ST`, `C`, or OIDs. */
  subject: NameInput;
  /** The subject's public key (object or SubjectPublicKeyInfo DER). */
  publicKey: PublicKey | Uint8Array;
  serial?: bigint;
  notBefore?: Date;
  notAfter?: Date;
  /** Used when notAfter is not given (default 365). */
  validityDays?: number;
  keyUsage?: KeyUsage[];
  extKeyUsage?: string[];
  policies?: string[];
  ca?: boolean;
  pathLength?: number;
  /** subjectAltName entries (a TLS server certificate). */
  subjectAltNames?: ExtensionsInput['subjectAltNames'];
  /** A CA's nameConstraints: the only names it may vouch for. */
  permittedSubtrees?: ExtensionsInput['permittedSubtrees'];
}

function randomSerial(): bigint {
  const b = randomBytes(8);
  b[0] = (b[0]! & 0x7f) | 0x01; // positive, non-zero, fixed length
  return BigInt('0x' + b.toString('hex'));
}

/** Whole seconds: certificates carry no fractions, and aliases compare to the second. */
function wholeSeconds(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** What signs a certificate or CRL: the issuer's signature AlgorithmIdentifier, key and SPKI. */
export interface CertificateSigner {
  algorithm: Buffer;
  sign(tbs: Uint8Array): Buffer;
  /** SubjectPublicKeyInfo of the signing key. */
  spki: Buffer;
}

/** The signer of a private key: its usual signature algorithm (SHA-256 for RSA/EC, GOST for GOST keys). */
export function certificateSigner(key: PrivateKey): CertificateSigner {
  return {
    algorithm: signatureAlgorithmFor(key),
    sign: (tbs) => signWith(key, tbs),
    spki: encodePublicKey(publicKeyOf(key)),
  };
}

export interface CertificateFields {
  /** Default: random, positive, 8 octets. */
  serial?: bigint | Uint8Array;
  /** The issuer's Name, DER. */
  issuer: Uint8Array;
  subject: NameInput | Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** The subject's SubjectPublicKeyInfo, DER. */
  spki: Uint8Array;
  extensions: ExtensionsInput;
}

/** A signed X.509 v3 certificate, DER. */
export function buildCertificate(f: CertificateFields, signer: CertificateSigner): Buffer {
  const exts = encodeExtensions(f.extensions);
  const tbs = w.sequence(
    w.explicit(0, w.integer(2)),
    w.integer(f.serial ?? randomSerial()),
    signer.algorithm,
    Buffer.from(f.issuer),
    w.sequence(w.time(f.notBefore), w.time(f.notAfter)),
    f.subject instanceof Uint8Array ? Buffer.from(f.subject) : encodeName(f.subject),
    Buffer.from(f.spki),
    ...(exts ? [w.explicit(3, exts)] : []),
  );
  return w.sequence(tbs, signer.algorithm, w.bitString(signer.sign(tbs)));
}

export interface RevokedEntry {
  serial: Uint8Array;
  revokedAt: Date;
  /** RFC 5280 CRLReason code; 0 (unspecified) is left out of the entry, as RFC 5280 advises. */
  reason?: number;
}

/** The CRLReason codes (RFC 5280 §5.3.1) by name; 7 is not used. */
export const REVOCATION_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;
export type RevocationReason = keyof typeof REVOCATION_REASONS;

/** The name of a CRLReason code (`unspecified` for an unknown one). */
export function revocationReasonName(code: number): RevocationReason {
  const hit = Object.entries(REVOCATION_REASONS).find(([, c]) => c === code);
  return (hit?.[0] as RevocationReason | undefined) ?? 'unspecified';
}

export interface CrlFields {
  /** The issuer's Name, DER. */
  issuer: Uint8Array;
  number: number;
  thisUpdate: Date;
  nextUpdate: Date;
  revoked: RevokedEntry[];
  /** The issuer's subjectKeyIdentifier (hex). */
  authorityKeyId: string;
}

/** A signed X.509 v2 CRL, DER. */
export function buildCrl(f: CrlFields, signer: CertificateSigner): Buffer {
  const parts = [
    w.integer(1),
    signer.algorithm,
    Buffer.from(f.issuer),
    w.time(f.thisUpdate),
    w.time(f.nextUpdate),
  ];
  if (f.revoked.length)
    parts.push(
      w.sequence(
        ...f.revoked.map((r) =>
          w.sequence(
            w.integer(r.serial),
            w.time(r.revokedAt),
            ...(r.reason ? [w.sequence(extension(OID.cRLReason, false, w.enumerated(r.reason)))] : []),
          ),
        ),
      ),
    );
  parts.push(
    w.explicit(
      0,
      w.sequence(
        extension(
          OID.authorityKeyIdentifier,
          false,
          w.sequence(w.implicitPrimitive(0, Buffer.from(f.authorityKeyId, 'hex'))),
        ),
        extension(OID.cRLNumber, false, w.integer(f.number)),
      ),
    ),
  );
  const tbs = w.sequence(...parts);
  return w.sequence(tbs, signer.algorithm, w.bitString(signer.sign(tbs)));
}

function signCertificate(
  issuerName: Buffer,
  issuerKey: PrivateKey,
  issuerKeyId: string | undefined,
  input: IssueInput,
): Certificate {
  const spki =
    input.publicKey instanceof Uint8Array ? Buffer.from(input.publicKey) : encodePublicKey(input.publicKey);
  const notBefore = wholeSeconds(input.notBefore ?? new Date(Date.now() - 60_000));
  const notAfter = wholeSeconds(
    input.notAfter ?? new Date(notBefore.getTime() + (input.validityDays ?? 365) * 86_400_000),
  );
  const der = buildCertificate(
    {
      serial: input.serial,
      issuer: issuerName,
      subject: input.subject,
      notBefore,
      notAfter,
      spki,
      extensions: {
        ca: input.ca ?? false,
        pathLength: input.pathLength,
        keyUsage:
          input.keyUsage ?? (input.ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature', 'nonRepudiation']),
        extKeyUsage: input.extKeyUsage,
        policies: input.policies,
        subjectAltNames: input.subjectAltNames,
        permittedSubtrees: input.permittedSubtrees,
        subjectSpki: spki,
        authorityKeyId: issuerKeyId,
      },
    },
    certificateSigner(issuerKey),
  );
  return parseCertificate(der);
}

export interface CreateCaInput {
  subject?: NameInput;
  key?: PrivateKey | KeySpec;
  validityDays?: number;
  notBefore?: Date;
  notAfter?: Date;
  /** Issue an intermediate CA under this one instead of a self-signed root. */
  parent?: CertificateAuthority;
  pathLength?: number;
  extKeyUsage?: string[];
  permittedSubtrees?: IssueInput['permittedSubtrees'];
}

export function createCa(input: CreateCaInput = {}): CertificateAuthority {
  const key =
    input.key === undefined
      ? generatePrivateKey({ alg: 'ec' })
      : 'alg' in input.key
        ? generatePrivateKey(input.key)
        : input.key;
  const subject = input.subject ?? { CN: 'OneID Sandbox Root CA', O: 'OneID Sandbox', C: 'UZ' };
  const issue: IssueInput = {
    subject,
    publicKey: publicKeyOf(key),
    notBefore: input.notBefore,
    notAfter: input.notAfter,
    validityDays: input.validityDays ?? 3650,
    ca: true,
    pathLength: input.pathLength,
    extKeyUsage: input.extKeyUsage,
    permittedSubtrees: input.permittedSubtrees,
  };
  if (input.parent) {
    const certificate = issueCertificate(input.parent, issue);
    return { certificate, privateKey: key, chain: [certificate, ...input.parent.chain] };
  }
  const name = encodeName(subject);
  const certificate = signCertificate(name, key, keyIdentifier(encodePublicKey(publicKeyOf(key))), issue);
  return { certificate, privateKey: key, chain: [certificate] };
}

export function issueCertificate(ca: CertificateAuthority, input: IssueInput): Certificate {
  return signCertificate(
    Buffer.from(ca.certificate.subject.der),
    ca.privateKey,
    ca.certificate.subjectKeyId ?? keyIdentifier(ca.certificate.spki),
    input,
  );
}
