/**
 * Full inspection of one key file for `key info`: certificate details, chain, PFX protection,
 * alias vs certificate consistency; with a password also proof that key and certificate match.
 */
import {
  aliasMismatches,
  assertReadablePublicKey,
  buildChain,
  daysLeft,
  fingerprint,
  parseAlias,
  publicKeyOf,
  readPfx,
  readPfxPublic,
  sameKey,
  validityState,
  type Certificate,
  type CertificateIdentity,
  type KeyUsage,
  type NameAttribute,
  type PfxProtection,
  type ValidityState,
} from '../pki/index.js';
import { summarizePfx, type KeySummary } from './list.js';
import { readKeyFile } from './store.js';

export interface CertificateDetails {
  subject: string;
  subjectAttributes: NameAttribute[];
  issuer: string;
  serial: string;
  validFrom: string;
  validTo: string;
  daysLeft: number;
  state: ValidityState;
  identity: CertificateIdentity;
  key: { algorithm: string; oid: string; curve?: string; bits?: number };
  signatureAlgorithm: string;
  keyUsage?: KeyUsage[];
  extKeyUsage?: string[];
  policies?: string[];
  ca: boolean;
  fingerprints: { sha1: string; sha256: string };
}

export interface KeyInspection {
  path: string;
  alias?: string;
  /** Certificate details; absent when the certificate is encrypted and no password was given. */
  certificate?: CertificateDetails;
  /** The issuers found in the file, leaf first excluded. */
  chain: CertificateDetails[];
  /** Listing-level summary (from the alias when the certificate could not be read). */
  summary: KeySummary;
  /** Alias fields that disagree with the certificate (`serialnumber`, `validto`, `cn`…). */
  aliasMismatch: string[];
  protection: PfxProtection;
  /** What could not be read without the password. */
  unreadable: string[];
  passwordChecked: boolean;
  /** With a password: the private key belongs to the certificate. */
  keyMatchesCertificate?: boolean;
}

export function certificateDetails(cert: Certificate, now = new Date()): CertificateDetails {
  return {
    subject: cert.subject.text,
    subjectAttributes: cert.subject.attributes,
    issuer: cert.issuer.text,
    serial: cert.serialHex,
    validFrom: cert.notBefore.toISOString(),
    validTo: cert.notAfter.toISOString(),
    daysLeft: daysLeft(cert, now),
    state: validityState(cert, now),
    identity: cert.identity,
    key: {
      algorithm: cert.publicKeyAlgorithm.name,
      oid: cert.publicKeyAlgorithm.oid,
      curve: cert.publicKeyAlgorithm.curve,
      bits: cert.publicKeyAlgorithm.bits,
    },
    signatureAlgorithm: cert.signatureAlgorithmOid,
    keyUsage: cert.keyUsage,
    extKeyUsage: cert.extKeyUsage,
    policies: cert.policies,
    ca: cert.basicConstraints?.ca ?? false,
    fingerprints: { sha1: fingerprint(cert, 'sha1'), sha256: fingerprint(cert, 'sha256') },
  };
}

/** Inspect a key file; opens the private key only when `password` is given. */
export async function inspectKey(file: string, password?: string, now = new Date()): Promise<KeyInspection> {
  const bytes = await readKeyFile(file);
  const pub = readPfxPublic(bytes);
  let leaf = pub.certificate;
  let certs = pub.certificates;
  let keyMatchesCertificate: boolean | undefined;
  let alias = pub.alias;
  if (password !== undefined) {
    const opened = readPfx(bytes, password);
    leaf = opened.certificate;
    certs = opened.certificates;
    alias = opened.alias ?? alias;
    try {
      keyMatchesCertificate = sameKey(publicKeyOf(opened.privateKey), opened.certificate.publicKey);
    } catch {
      keyMatchesCertificate = undefined; // an algorithm the crypto area cannot derive yet
    }
  }
  // A certificate whose public key is damaged makes the key unusable: exit 5, not a quiet report.
  if (leaf) assertReadablePublicKey(leaf);
  let aliasMismatch: string[] = [];
  if (alias && leaf) {
    try {
      aliasMismatch = aliasMismatches(parseAlias(alias), leaf);
    } catch {
      aliasMismatch = ['format'];
    }
  }
  const summary = summarizePfx(
    file,
    '',
    { ...pub, alias, certificate: leaf, certificates: certs, unreadable: leaf ? [] : pub.unreadable },
    now,
  );
  return {
    path: file,
    alias,
    certificate: leaf ? certificateDetails(leaf, now) : undefined,
    chain: leaf
      ? buildChain(leaf, certs)
          .slice(1)
          .map((c) => certificateDetails(c, now))
      : [],
    summary,
    aliasMismatch,
    protection: pub.protection,
    unreadable: password !== undefined ? [] : pub.unreadable,
    passwordChecked: password !== undefined,
    keyMatchesCertificate,
  };
}
