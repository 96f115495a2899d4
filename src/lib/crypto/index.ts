/**
 * The crypto area: O'z DSt 1106 hash (GOST R 34.11-94), O'z DSt 1092 signatures (GOST R 34.10-2001
 * on the CryptoPro curves), RSA and ECDSA through node:crypto, key encodings, and the algorithm
 * registry by OID. Other areas import only this file.
 */
export {
  createHash,
  hash,
  hashSync,
  isHashAlg,
  HASH_ALGS,
  HASH_SIZE,
  type Hash,
  type HashAlg,
  type HashInput,
} from './hash.js';
export {
  generateKeyPair,
  gostKeyFromScalar,
  isGostPrivateKey,
  isGostPublicKey,
  isKeyObject,
  describeKey,
  type GostCurve,
  type GostFamily,
  type GostPrivateKey,
  type GostPublicKey,
  type KeyPair,
  type KeySpec,
  type PrivateKey,
  type PublicKey,
} from './keys.js';
export { sign, signDigest, verify, verifyDigest, type SignOptions, type VerifyOptions } from './signature.js';
export {
  decodePkcs8,
  decodeSpki,
  encodeOpenSslGostPkcs8,
  encodeOpenSslGostSpki,
  encodePkcs8,
  encodeSpki,
  gostPublicKeyFromPoint,
  toOpenSslGost,
  toPem,
} from './encoding.js';
export {
  algorithmFor,
  isSupportedAlgorithm,
  signatureAlgorithmFor,
  supportedAlgorithms,
  type Algorithm,
  type AlgorithmKind,
  type KeyType,
} from './registry.js';
export { OID, OID_NAMES, GOST_KEY_OIDS, type OidName } from './oids.js';
export { CURVE_BY_PARAMSET_OID, CURVE_PARAMS, isOnCurve, type GostCurveId } from './curves.js';
