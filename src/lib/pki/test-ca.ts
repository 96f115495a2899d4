/**
 * A small certificate authority for tests and the sandbox portal: issues certificates with the
 * Uzbek subject attributes (PINFL, TIN, UID, CN, O, T…) for RSA, EC and O'z DSt 1092 keys, so
 * realistic key files can be made without a network. Not a production CA: no CRLs, no OCSP.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { w } from '../asn1/index.js';
import { parseCertificate, type Certificate, type KeyUsage } from './certificate.js';
import { encodeExtensions, keyIdentifier } from './extensions.js';
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
  const alg = signatureAlgorithmFor(issuerKey);
  const exts = encodeExtensions({
    ca: input.ca ?? false,
    pathLength: input.pathLength,
    keyUsage:
      input.keyUsage ?? (input.ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature', 'nonRepudiation']),
    extKeyUsage: input.extKeyUsage,
    policies: input.policies,
    subjectSpki: spki,
    authorityKeyId: issuerKeyId,
  });
  const tbs = w.sequence(
    w.explicit(0, w.integer(2)),
    w.integer(input.serial ?? randomSerial()),
    alg,
    issuerName,
    w.sequence(w.time(notBefore), w.time(notAfter)),
    encodeName(input.subject),
    spki,
    w.explicit(3, exts!),
  );
  return parseCertificate(w.sequence(tbs, alg, w.bitString(signWith(issuerKey, tbs))));
}

export interface CreateCaInput {
  subject?: NameInput;
  key?: PrivateKey | KeySpec;
  validityDays?: number;
  notBefore?: Date;
  notAfter?: Date;
  /** Issue an intermediate CA under this one instead of a self-signed root. */
  parent?: CertificateAuthority;
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
