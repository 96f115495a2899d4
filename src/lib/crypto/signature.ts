/**
 * sign / verify for every key type, on data (hash + private-key operation) or on a digest.
 * - O'z DSt 1092 (GOST R 34.10-2001): our code; the signature is the 64-octet s‖r (RFC 4491).
 * - RSA: PKCS#1 v1.5 through node:crypto; ECDSA: node:crypto, DER `ECDSA-Sig-Value` as CMS and
 *   X.509 carry it. Signing a ready digest with ECDSA (which node:crypto cannot do) uses
 *   @noble/curves' P-256/P-384 with the same DER output.
 * Verification never throws on a bad signature: malformed, wrong length or wrong key → false.
 */
import nodeCrypto, { constants, createPublicKey, type KeyObject } from 'node:crypto';
import { p256, p384 } from '@noble/curves/nist.js';
import { w } from '../asn1/index.js';
import { badDigestLength, keyMismatch, malformedKey, unsupportedHash } from './errors.js';
import { decodeSignature, digestToE, encodeSignature, signE, verifyE } from './gost2001.js';
import { curve } from './curves.js';
import { hashSync, HASH_SIZE, isHashAlg, type HashAlg } from './hash.js';
import {
  describeKey,
  isGostPrivateKey,
  isKeyObject,
  type GostPublicKey,
  type PrivateKey,
  type PublicKey,
} from './keys.js';
import { OID } from './oids.js';

export interface SignOptions {
  /** Hash algorithm. Defaults: `ozdst-1106` for GOST keys, SHA-256 for RSA and P-256, SHA-384 for P-384. */
  hash?: HashAlg;
  /** GOST only, tests only: the per-signature secret k (known-answer vectors). Never reuse one. */
  k?: bigint;
}

export interface VerifyOptions {
  hash?: HashAlg;
}

const NODE_HASHES = new Set<HashAlg>(['sha1', 'sha256', 'sha384', 'sha512']);
const DIGEST_OID: Record<string, string> = {
  sha1: OID.sha1,
  sha256: OID.sha256,
  sha384: OID.sha384,
  sha512: OID.sha512,
};

type NodeKeyKind = { type: 'rsa' } | { type: 'ec'; curve: 'P-256' | 'P-384' };

function nodeKeyKind(k: KeyObject): NodeKeyKind {
  const t = k.asymmetricKeyType;
  if (t === 'rsa') return { type: 'rsa' };
  if (t === 'ec') {
    const c = k.asymmetricKeyDetails?.namedCurve;
    if (c === 'prime256v1') return { type: 'ec', curve: 'P-256' };
    if (c === 'secp384r1') return { type: 'ec', curve: 'P-384' };
  }
  throw keyMismatch(describeKey(k), 'RSA / ECDSA P-256 / P-384');
}

function defaultHash(kind: NodeKeyKind): HashAlg {
  return kind.type === 'ec' && kind.curve === 'P-384' ? 'sha384' : 'sha256';
}

/** The hash for an RSA/EC key; a GOST hash there is a key/algorithm mismatch. */
function nodeHash(h: HashAlg | undefined, kind: NodeKeyKind, key: KeyObject): HashAlg {
  const alg = h ?? defaultHash(kind);
  if (!NODE_HASHES.has(alg)) throw isHashAlg(alg) ? keyMismatch(describeKey(key), alg) : unsupportedHash(alg);
  return alg;
}

/** The hash for a GOST key: O'z DSt 1106, or the test S-box variant for RFC vectors. */
function gostHash(h: HashAlg | undefined, key: PrivateKey | PublicKey): HashAlg {
  const alg = h ?? 'ozdst-1106';
  if (alg === 'ozdst-1106' || alg === 'gost94-test') return alg;
  throw isHashAlg(alg) ? keyMismatch(describeKey(key), alg) : unsupportedHash(alg);
}

/** Signing needs the private half; a public key here is a caller's mistake, reported as such. */
function assertPrivate(key: PrivateKey): void {
  const isPrivate = isKeyObject(key) ? key.type === 'private' : isGostPrivateKey(key);
  if (!isPrivate) throw malformedKey('a public key cannot sign');
}

function gostPublic(k: PublicKey | PrivateKey): GostPublicKey {
  return isGostPrivateKey(k) ? k.publicKey : (k as GostPublicKey);
}

export function sign(privateKey: PrivateKey, data: Uint8Array, opts: SignOptions = {}): Buffer {
  assertPrivate(privateKey);
  if (!isKeyObject(privateKey))
    return signDigest(privateKey, hashSync(gostHash(opts.hash, privateKey), data), opts);
  const kind = nodeKeyKind(privateKey);
  const alg = nodeHash(opts.hash, kind, privateKey);
  if (kind.type === 'rsa')
    return nodeCrypto.sign(alg, data, { key: privateKey, padding: constants.RSA_PKCS1_PADDING });
  return nodeCrypto.sign(alg, data, { key: privateKey, dsaEncoding: 'der' });
}

export function verify(
  publicKey: PublicKey | PrivateKey,
  data: Uint8Array,
  signature: Uint8Array,
  opts: VerifyOptions = {},
): boolean {
  if (!isKeyObject(publicKey))
    return verifyDigest(publicKey, hashSync(gostHash(opts.hash, publicKey), data), signature);
  const kind = nodeKeyKind(publicKey);
  const alg = nodeHash(opts.hash, kind, publicKey);
  try {
    if (kind.type === 'rsa')
      return nodeCrypto.verify(
        alg,
        data,
        { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
        signature,
      );
    return nodeCrypto.verify(alg, data, { key: publicKey, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/** The hash a digest of this length comes from (RSA/ECDSA digest signing without `opts.hash`). */
function hashForDigest(
  digest: Uint8Array,
  h: HashAlg | undefined,
  kind: NodeKeyKind,
  key: KeyObject,
): HashAlg {
  if (h) return nodeHash(h, kind, key);
  const bySize: Record<number, HashAlg> = { 20: 'sha1', 32: 'sha256', 48: 'sha384', 64: 'sha512' };
  const alg = bySize[digest.length];
  if (!alg) throw badDigestLength(HASH_SIZE[defaultHash(kind)], digest.length);
  return alg;
}

function digestInfo(alg: HashAlg, digest: Uint8Array): Buffer {
  return w.sequence(w.sequence(w.oid(DIGEST_OID[alg]!), w.NULL), w.octetString(digest));
}

function nobleCurve(c: 'P-256' | 'P-384') {
  return c === 'P-256' ? p256 : p384;
}

function b64u(s: string | undefined): Buffer {
  return Buffer.from(s ?? '', 'base64url');
}

/** Sign a ready digest (GOST: 32 octets in `md_gost94` order; RSA/ECDSA: the SHA value). */
export function signDigest(privateKey: PrivateKey, digest: Uint8Array, opts: SignOptions = {}): Buffer {
  assertPrivate(privateKey);
  if (!isKeyObject(privateKey)) {
    if (digest.length !== 32) throw badDigestLength(32, digest.length);
    const q = curve(privateKey.curve).params.n;
    return encodeSignature(signE(privateKey.curve, privateKey.d, digestToE(digest, q), opts.k));
  }
  const kind = nodeKeyKind(privateKey);
  const alg = hashForDigest(digest, opts.hash, kind, privateKey);
  if (digest.length !== HASH_SIZE[alg]) throw badDigestLength(HASH_SIZE[alg], digest.length);
  if (kind.type === 'rsa') {
    return nodeCrypto.privateEncrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
      digestInfo(alg, digest),
    );
  }
  const d = b64u(privateKey.export({ format: 'jwk' }).d);
  // lowS off: node:crypto / OpenSSL do not normalise s, and neither do we.
  return Buffer.from(nobleCurve(kind.curve).sign(digest, d, { prehash: false, lowS: false, format: 'der' }));
}

export function verifyDigest(
  publicKey: PublicKey | PrivateKey,
  digest: Uint8Array,
  signature: Uint8Array,
  opts: VerifyOptions = {},
): boolean {
  if (!isKeyObject(publicKey)) {
    const pub = gostPublic(publicKey);
    const sig = decodeSignature(signature);
    if (!sig || digest.length !== 32) return false;
    const q = curve(pub.curve).params.n;
    return verifyE(pub.curve, pub, digestToE(digest, q), sig);
  }
  const key = publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey;
  const kind = nodeKeyKind(key);
  try {
    const alg = hashForDigest(digest, opts.hash, kind, key);
    if (kind.type === 'rsa') {
      const recovered = nodeCrypto.publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
      return recovered.equals(digestInfo(alg, digest));
    }
    const jwk = key.export({ format: 'jwk' });
    const point = Buffer.concat([Buffer.from([4]), b64u(jwk.x), b64u(jwk.y)]);
    return nobleCurve(kind.curve).verify(signature, digest, point, {
      prehash: false,
      lowS: false,
      format: 'der',
    });
  } catch {
    return false;
  }
}
