/**
 * The algorithm registry: one entry per OID the project meets in keys, certificates and CMS,
 * each saying what the OID is and how to hash, sign, verify and make keys with it. Every other
 * area asks here instead of switching on OIDs itself.
 */
import { UnsupportedAlgorithmError } from '../errors/index.js';
import type { GostCurve } from './curves.js';
import { keyMismatch, unsupportedAlgorithm } from './errors.js';
import type { HashAlg } from './hash.js';
import {
  describeKey,
  generateKeyPair,
  isKeyObject,
  type GostFamily,
  type KeyPair,
  type PrivateKey,
  type PublicKey,
} from './keys.js';
import { OID, OID_NAMES } from './oids.js';
import {
  sign as signAny,
  signDigest as signDigestAny,
  verify as verifyAny,
  verifyDigest as verifyDigestAny,
  type SignOptions,
} from './signature.js';

export type AlgorithmKind = 'signature' | 'key' | 'digest';
export type KeyType = 'gost2001' | 'rsa' | 'ec';

export interface Algorithm {
  oid: string;
  name: string;
  kind: AlgorithmKind;
  /** The digest this algorithm hashes with (for a key OID: its usual signature's digest). */
  hash: HashAlg;
  /** Which keys it works with (absent for digests). */
  keyType?: KeyType;
  /** GOST: the OID family a key made here is written with. */
  family?: GostFamily;
  /** A fixed curve (GOST parameter-set and EC curve OIDs). */
  curve?: GostCurve | 'P-256' | 'P-384';
  /**
   * Hash `data` with `hash` and sign. Throws UnsupportedAlgorithmError for digests, wrong keys
   * and verification-only algorithms (SHA-1).
   */
  sign(privateKey: PrivateKey, data: Uint8Array, opts?: Pick<SignOptions, 'k'>): Buffer;
  verify(publicKey: PublicKey | PrivateKey, data: Uint8Array, signature: Uint8Array): boolean;
  /** Sign a digest already computed with `hash`. */
  signDigest(privateKey: PrivateKey, digest: Uint8Array, opts?: Pick<SignOptions, 'k'>): Buffer;
  verifyDigest(publicKey: PublicKey | PrivateKey, digest: Uint8Array, signature: Uint8Array): boolean;
  /** A fresh key pair for this algorithm, where that makes sense. */
  keygen?(): KeyPair;
}

interface Def {
  oid: string;
  kind: AlgorithmKind;
  hash: HashAlg;
  keyType?: KeyType;
  family?: GostFamily;
  curve?: GostCurve | 'P-256' | 'P-384';
  /** Key generation defaults for this OID. */
  gen?: () => KeyPair;
  /** Accepted in signatures others made (old certificates), never used to make new ones. */
  verifyOnly?: boolean;
}

function keyTypeOf(k: PrivateKey | PublicKey): KeyType | 'other' {
  if (!isKeyObject(k)) return 'gost2001';
  const t = k.asymmetricKeyType;
  return t === 'rsa' || t === 'ec' ? t : 'other';
}

function build(def: Def): Algorithm {
  const name = OID_NAMES[def.oid] ?? def.oid;
  const check = (k: PrivateKey | PublicKey): void => {
    if (def.kind === 'digest') throw notSignature(def.oid, name);
    if (keyTypeOf(k) !== def.keyType) throw keyMismatch(describeKey(k), name);
  };
  const checkSigning = (k: PrivateKey): void => {
    check(k);
    if (def.verifyOnly) throw unsupportedAlgorithm(def.oid, `${name} (verification only)`);
  };
  const alg: Algorithm = {
    oid: def.oid,
    name,
    kind: def.kind,
    hash: def.hash,
    sign(privateKey, data, opts = {}) {
      checkSigning(privateKey);
      return signAny(privateKey, data, { ...opts, hash: def.hash });
    },
    verify(publicKey, data, signature) {
      check(publicKey);
      return verifyAny(publicKey, data, signature, { hash: def.hash });
    },
    signDigest(privateKey, digest, opts = {}) {
      checkSigning(privateKey);
      return signDigestAny(privateKey, digest, { ...opts, hash: def.hash });
    },
    verifyDigest(publicKey, digest, signature) {
      check(publicKey);
      return verifyDigestAny(publicKey, digest, signature, { hash: def.hash });
    },
  };
  if (def.keyType) alg.keyType = def.keyType;
  if (def.family) alg.family = def.family;
  if (def.curve) alg.curve = def.curve;
  if (def.gen) alg.keygen = def.gen;
  return Object.freeze(alg);
}

function notSignature(oid: string, name: string): UnsupportedAlgorithmError {
  return new UnsupportedAlgorithmError('CRYPTO_NOT_A_SIGNATURE', 'crypto.error.notSignature', {
    params: { oid, name },
  });
}

const gost =
  (family: GostFamily, curve: GostCurve = 'A') =>
  () =>
    generateKeyPair({ alg: 'ozdst', curve, family });
const rsa = () => generateKeyPair({ alg: 'rsa' });
const ec = (curve: 'P-256' | 'P-384') => () => generateKeyPair({ alg: 'ec', curve });

const DEFS: Def[] = [
  // O'z DSt 2009 family
  { oid: OID.ozdst1106Digest, kind: 'digest', hash: 'ozdst-1106' },
  {
    oid: OID.ozdst1092Key,
    kind: 'key',
    hash: 'ozdst-1106',
    keyType: 'gost2001',
    family: 'ozdst2009',
    gen: gost('ozdst2009'),
  },
  ...(['A', 'B', 'C'] as const).map((c): Def => ({
    oid: { A: OID.ozdst1092ParamA, B: OID.ozdst1092ParamB, C: OID.ozdst1092ParamC }[c],
    kind: 'key',
    hash: 'ozdst-1106',
    keyType: 'gost2001',
    family: 'ozdst2009',
    curve: c,
    gen: gost('ozdst2009', c),
  })),
  {
    oid: OID.ozdst1106WithOzdst1092,
    kind: 'signature',
    hash: 'ozdst-1106',
    keyType: 'gost2001',
    family: 'ozdst2009',
    gen: gost('ozdst2009'),
  },
  // O'z MSt 2024 family
  { oid: OID.ozmst2024Digest, kind: 'digest', hash: 'ozdst-1106' },
  {
    oid: OID.ozmst2024Key,
    kind: 'key',
    hash: 'ozdst-1106',
    keyType: 'gost2001',
    family: 'ozmst2024',
    gen: gost('ozmst2024'),
  },
  ...(['A', 'B', 'C'] as const).map((c): Def => ({
    oid: { A: OID.ozmst2024ParamA, B: OID.ozmst2024ParamB, C: OID.ozmst2024ParamC }[c],
    kind: 'key',
    hash: 'ozdst-1106',
    keyType: 'gost2001',
    family: 'ozmst2024',
    curve: c,
    gen: gost('ozmst2024', c),
  })),
  {
    oid: OID.ozmst2024Signature,
    kind: 'signature',
    hash: 'ozdst-1106',
    keyType: 'gost2001',
    family: 'ozmst2024',
    gen: gost('ozmst2024'),
  },
  // The same algorithms under the Russian OIDs (OpenSSL's GOST engine, RFC 4491 certificates)
  { oid: OID.gostR3411_94, kind: 'digest', hash: 'ozdst-1106' },
  {
    oid: OID.gostR3410_2001,
    kind: 'key',
    hash: 'ozdst-1106',
    keyType: 'gost2001',
    family: 'ozdst2009',
    gen: gost('ozdst2009'),
  },
  { oid: OID.gostR3411_94WithGostR3410_2001, kind: 'signature', hash: 'ozdst-1106', keyType: 'gost2001' },
  // RSA, PKCS#1 v1.5
  { oid: OID.rsaEncryption, kind: 'key', hash: 'sha256', keyType: 'rsa', gen: rsa },
  // SHA-1: still found in old CA certificates, so verified; no new SHA-1 signatures are made.
  { oid: OID.sha1WithRSAEncryption, kind: 'signature', hash: 'sha1', keyType: 'rsa', verifyOnly: true },
  { oid: OID.sha256WithRSAEncryption, kind: 'signature', hash: 'sha256', keyType: 'rsa', gen: rsa },
  { oid: OID.sha384WithRSAEncryption, kind: 'signature', hash: 'sha384', keyType: 'rsa', gen: rsa },
  { oid: OID.sha512WithRSAEncryption, kind: 'signature', hash: 'sha512', keyType: 'rsa', gen: rsa },
  // ECDSA
  { oid: OID.ecPublicKey, kind: 'key', hash: 'sha256', keyType: 'ec', gen: ec('P-256') },
  { oid: OID.prime256v1, kind: 'key', hash: 'sha256', keyType: 'ec', curve: 'P-256', gen: ec('P-256') },
  { oid: OID.secp384r1, kind: 'key', hash: 'sha384', keyType: 'ec', curve: 'P-384', gen: ec('P-384') },
  { oid: OID.ecdsaWithSHA256, kind: 'signature', hash: 'sha256', keyType: 'ec', gen: ec('P-256') },
  { oid: OID.ecdsaWithSHA384, kind: 'signature', hash: 'sha384', keyType: 'ec', gen: ec('P-384') },
  { oid: OID.ecdsaWithSHA512, kind: 'signature', hash: 'sha512', keyType: 'ec' },
  // Digests
  { oid: OID.sha1, kind: 'digest', hash: 'sha1' },
  { oid: OID.sha256, kind: 'digest', hash: 'sha256' },
  { oid: OID.sha384, kind: 'digest', hash: 'sha384' },
  { oid: OID.sha512, kind: 'digest', hash: 'sha512' },
];

const REGISTRY: ReadonlyMap<string, Algorithm> = new Map(DEFS.map((d) => [d.oid, build(d)]));

/** The algorithm of an OID; UnsupportedAlgorithmError (naming it when we know it) otherwise. */
export function algorithmFor(oid: string): Algorithm {
  const alg = REGISTRY.get(oid);
  if (!alg) throw unsupportedAlgorithm(oid, OID_NAMES[oid]);
  return alg;
}

export function isSupportedAlgorithm(oid: string): boolean {
  return REGISTRY.has(oid);
}

/** Every supported OID (for listings and tests). */
export function supportedAlgorithms(): Algorithm[] {
  return [...REGISTRY.values()];
}

/**
 * The signature algorithm a key signs with by default, and its digest OID: what a CMS SignerInfo,
 * a PKCS#10 request or a certificate records for it.
 */
export function signatureAlgorithmFor(key: PrivateKey | PublicKey): {
  signature: Algorithm;
  digestOid: string;
} {
  if (!isKeyObject(key)) {
    return key.family === 'ozmst2024'
      ? { signature: algorithmFor(OID.ozmst2024Signature), digestOid: OID.ozmst2024Digest }
      : { signature: algorithmFor(OID.ozdst1106WithOzdst1092), digestOid: OID.ozdst1106Digest };
  }
  const t = key.asymmetricKeyType;
  if (t === 'rsa') return { signature: algorithmFor(OID.sha256WithRSAEncryption), digestOid: OID.sha256 };
  if (t === 'ec') {
    const c = key.asymmetricKeyDetails?.namedCurve;
    if (c === 'prime256v1') return { signature: algorithmFor(OID.ecdsaWithSHA256), digestOid: OID.sha256 };
    if (c === 'secp384r1') return { signature: algorithmFor(OID.ecdsaWithSHA384), digestOid: OID.sha384 };
  }
  throw keyMismatch(describeKey(key), 'RSA / ECDSA P-256 / P-384 / OZDST-1092');
}
