/**
 * O'z DSt 1092 (GOST R 34.10-2001) keys as the PKI area sees them. The mathematics lives in the
 * crypto area; this file knows only the OIDs needed to *describe* a key without opening it, and
 * forwards every key operation to `src/lib/crypto`.
 */
import { is, readOid, seq, Tag, type Node } from '../asn1/index.js';
import { UnsupportedAlgorithmError } from '../errors/index.js';
import type { KeyAlgorithmInfo } from './key-codec.js';

/** Structural shape of the crypto area's GOST keys (see src/lib/crypto). */
export interface GostPrivateKey {
  kind: 'gost2001';
  curve: 'A' | 'B' | 'C';
  family?: string;
  d: bigint;
}
export interface GostPublicKey {
  kind: 'gost2001';
  curve: 'A' | 'B' | 'C';
  family?: string;
  x: bigint;
  y: bigint;
}

export const GOST_OID = {
  key2009: '1.2.860.3.15.1.1.2.1',
  key2024: '1.2.860.3.15.2.1.2.1',
  legacyAlg1: '1.2.860.3.15.1.1.1.1',
  sig2009: '1.2.860.3.15.1.1.2.2.2.2',
  sig2024: '1.2.860.3.15.2.1.2.2.2.2',
  paramA: '1.2.860.3.15.1.1.2.1.1',
  paramB: '1.2.860.3.15.1.1.2.1.2',
  paramC: '1.2.860.3.15.1.1.2.1.3',
} as const;

const PARAM_CURVE: Record<string, 'A' | 'B' | 'C'> = {
  [GOST_OID.paramA]: 'A',
  [GOST_OID.paramB]: 'B',
  [GOST_OID.paramC]: 'C',
};

export function isGostKeyOid(oid: string): boolean {
  return oid === GOST_OID.key2009 || oid === GOST_OID.key2024;
}

/** Parameters are `SEQUENCE { paramSetOid, ... }` or a bare OID (both seen). */
function curveOf(params: Node | undefined): string | undefined {
  let oidNode = params;
  if (is(params, Tag.SEQUENCE)) oidNode = seq(params)[0];
  if (!is(oidNode, Tag.OID)) return undefined;
  const oid = readOid(oidNode);
  return PARAM_CURVE[oid] ?? oid;
}

export function describeGostAlgorithm(oid: string, params: Node | undefined): KeyAlgorithmInfo | undefined {
  if (!isGostKeyOid(oid)) return undefined;
  return { name: 'OZDST-1092', oid, curve: curveOf(params) };
}

function unavailable(): never {
  throw new UnsupportedAlgorithmError('KEY_UNSUPPORTED_ALGORITHM', 'pki.error.unsupportedAlgorithm', {
    params: { oid: GOST_OID.key2009 },
  });
}

export function describeGostKey(key: GostPublicKey | GostPrivateKey): KeyAlgorithmInfo {
  return { name: 'OZDST-1092', oid: key.family === '2024' ? GOST_OID.key2024 : GOST_OID.key2009, curve: key.curve };
}
export const decodeGostSpki = (_spki: Uint8Array): GostPublicKey => unavailable();
export const decodeGostPkcs8 = (_der: Uint8Array): GostPrivateKey => unavailable();
export const encodeGostPkcs8 = (_key: GostPrivateKey): Buffer => unavailable();
export const encodeGostSpki = (_key: GostPublicKey): Buffer => unavailable();
export const gostPublicOf = (_key: GostPrivateKey): GostPublicKey => unavailable();
export const gostSignatureAlgorithm = (_key: GostPrivateKey): Buffer => unavailable();
export const gostSign = (_key: GostPrivateKey, _data: Uint8Array): Buffer => unavailable();
export const gostVerify = (_key: GostPublicKey, _oid: string, _data: Uint8Array, _sig: Uint8Array): boolean =>
  unavailable();
export const generateGostKey = (_curve: 'A' | 'B' | 'C'): GostPrivateKey => unavailable();
