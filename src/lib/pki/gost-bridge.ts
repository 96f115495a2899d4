/**
 * O'z DSt 1092 (GOST R 34.10-2001) keys as the PKI area sees them. The mathematics and the key
 * encodings live in the crypto area; this file only knows the OIDs needed to *describe* a key
 * without opening it (listing), and forwards every key operation to `src/lib/crypto`.
 */
import { is, readOid, seq, Tag, w, type Node } from '../asn1/index.js';
import {
  decodePkcs8,
  decodeSpki,
  encodePkcs8,
  encodeSpki,
  generateKeyPair,
  sign,
  verify,
  CURVE_BY_PARAMSET_OID,
  OID,
  type GostPrivateKey,
  type GostPublicKey,
} from '../crypto/index.js';
import { UnsupportedAlgorithmError } from '../errors/index.js';
import type { KeyAlgorithmInfo } from './key-info.js';

export type { GostPrivateKey, GostPublicKey };

export function isGostKeyOid(oid: string): boolean {
  return oid === OID.ozdst1092Key || oid === OID.ozmst2024Key;
}

function gostKind(k: unknown): boolean {
  return typeof k === 'object' && k !== null && (k as { kind?: string }).kind === 'gost2001';
}
export const isGostKey = gostKind;

/** Parameters are `SEQUENCE { paramSetOid, ... }` or a bare OID (both seen). */
function curveOf(params: Node | undefined): string | undefined {
  let oidNode = params;
  if (is(params, Tag.SEQUENCE)) oidNode = seq(params)[0];
  if (!is(oidNode, Tag.OID)) return undefined;
  const oid = readOid(oidNode);
  return CURVE_BY_PARAMSET_OID[oid] ?? oid;
}

export function describeGostAlgorithm(oid: string, params: Node | undefined): KeyAlgorithmInfo | undefined {
  if (oid === OID.ozdst1092Legacy) return { name: 'OZDST-1092 alg-1 (unsupported)', oid };
  if (!isGostKeyOid(oid)) return undefined;
  return { name: 'OZDST-1092', oid, curve: curveOf(params) };
}

export function describeGostKey(key: GostPublicKey | GostPrivateKey): KeyAlgorithmInfo {
  return {
    name: 'OZDST-1092',
    oid: key.family === 'ozmst2024' ? OID.ozmst2024Key : OID.ozdst1092Key,
    curve: key.curve,
  };
}

export const decodeGostSpki = (spki: Uint8Array): GostPublicKey => decodeSpki(spki) as GostPublicKey;
export const decodeGostPkcs8 = (der: Uint8Array): GostPrivateKey => decodePkcs8(der) as GostPrivateKey;
export const encodeGostPkcs8 = (key: GostPrivateKey): Buffer => encodePkcs8(key);
export const encodeGostSpki = (key: GostPublicKey): Buffer => encodeSpki(key);
export const gostPublicOf = (key: GostPrivateKey): GostPublicKey => key.publicKey;
export const generateGostKey = (curve: 'A' | 'B' | 'C'): GostPrivateKey =>
  generateKeyPair({ alg: 'ozdst', curve }).privateKey;

/** Certificates and requests signed by a GOST key carry the 1106-with-1092 signature OID. */
export function gostSignatureAlgorithm(key: GostPrivateKey): Buffer {
  return w.algorithmIdentifier(
    key.family === 'ozmst2024' ? OID.ozmst2024Signature : OID.ozdst1106WithOzdst1092,
  );
}

export function gostSign(key: GostPrivateKey, data: Uint8Array): Buffer {
  return sign(key, data);
}

/** Readers accept the signature OID and, as E-IMZO writers sometimes put it there, the key OID. */
export function gostVerify(
  key: GostPublicKey,
  sigAlgOid: string,
  data: Uint8Array,
  sig: Uint8Array,
): boolean {
  const known = [
    OID.ozdst1106WithOzdst1092,
    OID.ozmst2024Signature,
    OID.ozdst1092Key,
    OID.ozmst2024Key,
  ] as string[];
  if (!known.includes(sigAlgOid)) {
    throw new UnsupportedAlgorithmError('KEY_UNSUPPORTED_ALGORITHM', 'pki.error.unsupportedAlgorithm', {
      params: { oid: sigAlgOid },
    });
  }
  return verify(key, data, sig);
}
