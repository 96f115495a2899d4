/**
 * Key types and key generation. RSA and ECDSA keys are node:crypto KeyObjects (OpenSSL does the
 * work); O'z DSt 1092 keys are plain objects with bigint coordinates.
 */
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { curve, type GostCurve } from './curves.js';
import { badKeySpec } from './errors.js';
import { publicPoint, randomScalar } from './gost2001.js';

export type { GostCurve } from './curves.js';

/** Which OID family a GOST key is written with: O'z DSt 1092:2009 or O'z MSt 286:2024. */
export type GostFamily = 'ozdst2009' | 'ozmst2024';

export interface GostPublicKey {
  kind: 'gost2001';
  curve: GostCurve;
  family: GostFamily;
  x: bigint;
  y: bigint;
}

export interface GostPrivateKey {
  kind: 'gost2001';
  curve: GostCurve;
  family: GostFamily;
  d: bigint;
  publicKey: GostPublicKey;
}

export type PrivateKey = KeyObject | GostPrivateKey;
export type PublicKey = KeyObject | GostPublicKey;

export interface KeyPair<Priv extends PrivateKey = PrivateKey, Pub extends PublicKey = PublicKey> {
  privateKey: Priv;
  publicKey: Pub;
}

export type KeySpec =
  | { alg: 'ozdst'; curve?: GostCurve; family?: GostFamily }
  | { alg: 'rsa'; bits?: number }
  | { alg: 'ec'; curve?: 'P-256' | 'P-384' };

export function isKeyObject(k: unknown): k is KeyObject {
  return k instanceof KeyObject;
}

export function isGostPrivateKey(k: unknown): k is GostPrivateKey {
  return typeof k === 'object' && k !== null && (k as GostPrivateKey).kind === 'gost2001' && 'd' in k;
}

export function isGostPublicKey(k: unknown): k is GostPublicKey {
  return (
    typeof k === 'object' && k !== null && (k as GostPublicKey).kind === 'gost2001' && 'x' in k && !('d' in k)
  );
}

/** A GOST key pair from a known scalar (PKCS#8 import, tests). */
export function gostKeyFromScalar(c: GostCurve, d: bigint, family: GostFamily = 'ozdst2009'): GostPrivateKey {
  if (d <= 0n || d >= curve(c).params.n) throw badKeySpec('the private scalar is out of range');
  const { x, y } = publicPoint(c, d);
  return { kind: 'gost2001', curve: c, family, d, publicKey: { kind: 'gost2001', curve: c, family, x, y } };
}

export function generateKeyPair(spec: {
  alg: 'ozdst';
  curve?: GostCurve;
  family?: GostFamily;
}): KeyPair<GostPrivateKey, GostPublicKey>;
export function generateKeyPair(
  spec: { alg: 'rsa'; bits?: number } | { alg: 'ec'; curve?: 'P-256' | 'P-384' },
): KeyPair<KeyObject, KeyObject>;
export function generateKeyPair(spec: KeySpec): KeyPair;
export function generateKeyPair(spec: KeySpec): KeyPair {
  switch (spec.alg) {
    case 'ozdst': {
      const c = spec.curve ?? 'A';
      if (c !== 'A' && c !== 'B' && c !== 'C') throw badKeySpec(`unknown curve ${String(c)}`);
      const family = spec.family ?? 'ozdst2009';
      if (family !== 'ozdst2009' && family !== 'ozmst2024')
        throw badKeySpec(`unknown family ${String(family)}`);
      const priv = gostKeyFromScalar(c, randomScalar(curve(c).params.n), family);
      return { privateKey: priv, publicKey: priv.publicKey };
    }
    case 'rsa': {
      const bits = spec.bits ?? 2048;
      if (!Number.isInteger(bits) || bits < 2048 || bits > 8192 || bits % 8 !== 0)
        throw badKeySpec('RSA keys must have 2048 to 8192 bits');
      return generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 0x10001 });
    }
    case 'ec': {
      const named = { 'P-256': 'prime256v1', 'P-384': 'secp384r1' }[spec.curve ?? 'P-256'];
      if (!named) throw badKeySpec(`unknown curve ${String(spec.curve)}`);
      return generateKeyPairSync('ec', { namedCurve: named });
    }
    default:
      throw badKeySpec(`unknown algorithm ${String((spec as { alg: unknown }).alg)}`);
  }
}

/** Describe a key for messages: `RSA`, `EC P-256`, `OZDST-1092 (curve A)`. */
export function describeKey(k: PrivateKey | PublicKey): string {
  if (isKeyObject(k)) {
    const t = k.asymmetricKeyType ?? 'unknown';
    if (t === 'ec') return `EC ${k.asymmetricKeyDetails?.namedCurve ?? ''}`.trim();
    return t.toUpperCase();
  }
  return `${k.family === 'ozmst2024' ? 'OZMST-286-2024' : 'OZDST-1092-2009'} (curve ${k.curve})`;
}
