/**
 * Bridge between key encodings (SubjectPublicKeyInfo, PKCS#8) and usable key objects.
 * RSA and EC go through node:crypto KeyObjects (native speed); O'z DSt 1092 (GOST R 34.10-2001)
 * keys go through the crypto area, which owns those algorithms.
 */
import {
  createPrivateKey,
  createPublicKey,
  sign as nodeSign,
  verify as nodeVerify,
  KeyObject,
} from 'node:crypto';
import { is, parse, readBitString, readOid, seq, Tag, w } from '../asn1/index.js';
import type { PrivateKey, PublicKey } from '../crypto/index.js';
import { MalformedError, UnsupportedAlgorithmError } from '../errors/index.js';
import { OID } from '../crypto/index.js';
import * as gost from './gost-bridge.js';
import type { KeyAlgorithmInfo } from './key-info.js';

export type { KeyAlgorithmInfo } from './key-info.js';

// One key type for the whole tool: node:crypto KeyObjects (RSA, EC) or the crypto area's GOST keys.
export type { PrivateKey, PublicKey };

const EC_CURVES: Record<string, string> = {
  [OID.prime256v1]: 'prime256v1',
  [OID.secp384r1]: 'secp384r1',
  [OID.secp521r1]: 'secp521r1',
  [OID.secp256k1]: 'secp256k1',
};

function malformedKey(cause: unknown): never {
  throw new MalformedError('KEY_MALFORMED', 'pki.error.key', { cause });
}

function isKeyObject(k: unknown): k is KeyObject {
  return k instanceof KeyObject;
}

/** Read the algorithm of a SubjectPublicKeyInfo without building a key (cheap, for listings). */
export function describeSpki(spki: Uint8Array): KeyAlgorithmInfo {
  const [alg, bits] = seq(parse(spki), 'SubjectPublicKeyInfo');
  const [oidNode, params] = seq(alg, 'AlgorithmIdentifier');
  const oid = readOid(oidNode);
  if (oid === OID.rsaEncryption) {
    const [n] = seq(parse(readBitString(bits)), 'RSAPublicKey');
    const c = n!.end - n!.contentStart;
    const lead = n!.buf[n!.contentStart] === 0 ? 1 : 0;
    return { name: 'RSA', oid, bits: (c - lead) * 8 };
  }
  if (oid === OID.ecPublicKey) {
    const curveOid = is(params, Tag.OID) ? readOid(params) : undefined;
    return { name: 'EC', oid, curve: curveOid ? (EC_CURVES[curveOid] ?? curveOid) : undefined };
  }
  const g = gost.describeGostAlgorithm(oid, params);
  if (g) return g;
  return { name: oid, oid };
}

export function decodePublicKey(spki: Uint8Array): PublicKey {
  const info = describeSpki(spki);
  if (info.name === 'OZDST-1092') return gost.decodeGostSpki(spki);
  if (info.name !== 'RSA' && info.name !== 'EC') unsupportedKey(info.oid);
  try {
    return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch (e) {
    malformedKey(e);
  }
}

function unsupportedKey(oid: string): never {
  throw new UnsupportedAlgorithmError('KEY_UNSUPPORTED_ALGORITHM', 'pki.error.unsupportedAlgorithm', {
    params: { oid },
  });
}

/** The algorithm OID of a PKCS#8 PrivateKeyInfo. */
export function pkcs8AlgorithmOid(pkcs8: Uint8Array): string {
  const items = seq(parse(pkcs8), 'PrivateKeyInfo');
  return readOid(seq(items[1], 'AlgorithmIdentifier')[0]);
}

export function decodePrivateKey(pkcs8: Uint8Array): PrivateKey {
  const oid = pkcs8AlgorithmOid(pkcs8);
  if (gost.isGostKeyOid(oid)) return gost.decodeGostPkcs8(pkcs8);
  if (oid !== OID.rsaEncryption && oid !== OID.ecPublicKey) unsupportedKey(oid);
  try {
    return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  } catch (e) {
    malformedKey(e);
  }
}

export function encodePrivateKey(key: PrivateKey): Buffer {
  if (isKeyObject(key)) return key.export({ format: 'der', type: 'pkcs8' });
  return gost.encodeGostPkcs8(key);
}

export function encodePublicKey(key: PublicKey): Buffer {
  if (isKeyObject(key)) return key.export({ format: 'der', type: 'spki' });
  return gost.encodeGostSpki(key);
}

export function publicKeyOf(key: PrivateKey): PublicKey {
  if (isKeyObject(key)) return createPublicKey(key);
  return gost.gostPublicOf(key);
}

/** Same public key (compares SPKI encodings). */
export function sameKey(a: PublicKey, b: PublicKey): boolean {
  return encodePublicKey(a).equals(encodePublicKey(b));
}

/** Signature algorithm we use for certificates/requests signed by `key`, as AlgorithmIdentifier DER. */
export function signatureAlgorithmFor(key: PrivateKey): Buffer {
  if (!isKeyObject(key)) return gost.gostSignatureAlgorithm(key);
  if (key.asymmetricKeyType === 'rsa') return w.algorithmIdentifier(OID.sha256WithRSAEncryption, w.NULL);
  if (key.asymmetricKeyType === 'ec') return w.algorithmIdentifier(OID.ecdsaWithSHA256);
  return unsupportedKey(String(key.asymmetricKeyType));
}

export function signWith(key: PrivateKey, data: Uint8Array): Buffer {
  if (!isKeyObject(key)) return gost.gostSign(key, data);
  return nodeSign('sha256', data, key);
}

const SIG_HASH: Record<string, string> = {
  [OID.sha1WithRSAEncryption]: 'sha1',
  [OID.sha256WithRSAEncryption]: 'sha256',
  [OID.sha384WithRSAEncryption]: 'sha384',
  [OID.sha512WithRSAEncryption]: 'sha512',
  [OID.ecdsaWithSHA1]: 'sha1',
  [OID.ecdsaWithSHA256]: 'sha256',
  [OID.ecdsaWithSHA384]: 'sha384',
  [OID.ecdsaWithSHA512]: 'sha512',
};

/** Verify a signature made with `sigAlgOid` (X.509 / PKCS#10 style) over `data`. */
export function verifyWith(
  key: PublicKey,
  sigAlgOid: string,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (!isKeyObject(key)) return gost.gostVerify(key, sigAlgOid, data, signature);
  const hash = SIG_HASH[sigAlgOid];
  if (!hash) unsupportedKey(sigAlgOid);
  try {
    return nodeVerify(hash, data, key, signature);
  } catch {
    return false; // e.g. an ECDSA signature that is not valid DER
  }
}

/** Human-readable key description from a key object. */
export function describeKey(key: PublicKey | PrivateKey): KeyAlgorithmInfo {
  if (!isKeyObject(key)) return gost.describeGostKey(key);
  const d = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') return { name: 'RSA', oid: OID.rsaEncryption, bits: d.modulusLength };
  if (key.asymmetricKeyType === 'ec') return { name: 'EC', oid: OID.ecPublicKey, curve: d.namedCurve };
  return { name: String(key.asymmetricKeyType), oid: '' };
}
