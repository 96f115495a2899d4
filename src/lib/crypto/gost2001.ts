/**
 * GOST R 34.10-2001 (RFC 5832), the mathematics of O'z DSt 1092:2009: signature generation and
 * verification on a hash value, over the curves of `curves.ts`.
 *
 * Conventions (RFC 4491 §2.2, and the OpenSSL GOST engine we check against):
 * - the hash value (our digest octets, `md_gost94` order) is read as a LITTLE-endian integer α,
 *   e = α mod q, and e = 1 when that is 0;
 * - the signature value is 64 octets: s then r, each 32 octets big-endian.
 * k comes from the CSPRNG (the standard has no deterministic k); tests may inject one to reproduce
 * the RFC 5832 example.
 */
import { randomBytes } from 'node:crypto';
import { invert } from '@noble/curves/abstract/modular.js';
import { curve, type Curve, type GostCurveId } from './curves.js';

export interface Signature {
  r: bigint;
  s: bigint;
}

export function bytesToBigLE(b: Uint8Array): bigint {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
  return v;
}

export function bytesToBigBE(b: Uint8Array): bigint {
  return b.length === 0 ? 0n : BigInt('0x' + Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex'));
}

export function bigToBytesBE(v: bigint, len: number): Buffer {
  const hex = v.toString(16);
  if (hex.length > len * 2) throw new RangeError('integer does not fit');
  return Buffer.from(hex.padStart(len * 2, '0'), 'hex');
}

export function bigToBytesLE(v: bigint, len: number): Buffer {
  return bigToBytesBE(v, len).reverse();
}

/** e of the signature equation from a hash value in digest octet order. */
export function digestToE(digest: Uint8Array, q: bigint): bigint {
  const e = bytesToBigLE(digest) % q;
  return e === 0n ? 1n : e;
}

/** A uniformly random scalar in [1, q-1] (rejection sampling, no modulo bias). */
export function randomScalar(q: bigint): bigint {
  const bits = q.toString(2).length;
  const bytes = Math.ceil(bits / 8);
  const mask = (1n << BigInt(bits)) - 1n;
  for (;;) {
    const v = bytesToBigBE(randomBytes(bytes)) & mask;
    if (v > 0n && v < q) return v;
  }
}

/** Q = d·G as affine coordinates. */
export function publicPoint(id: GostCurveId, d: bigint): { x: bigint; y: bigint } {
  const c = curve(id);
  if (d <= 0n || d >= c.params.n) throw new RangeError('private scalar out of range');
  return c.mulBase(d).toAffine();
}

/**
 * Sign e with d. With an injected `k` (tests), a degenerate r or s throws instead of retrying.
 */
export function signE(id: GostCurveId, d: bigint, e: bigint, k?: bigint): Signature {
  const c = curve(id);
  const q = c.params.n;
  if (d <= 0n || d >= q) throw new RangeError('private scalar out of range');
  for (;;) {
    const kk = k ?? randomScalar(q);
    if (kk <= 0n || kk >= q) throw new RangeError('k out of range');
    const r = c.mulBase(kk).toAffine().x % q;
    const s = r === 0n ? 0n : (r * d + kk * e) % q;
    if (r !== 0n && s !== 0n) return { r, s };
    if (k !== undefined) throw new RangeError('the injected k gives r = 0 or s = 0');
  }
}

/**
 * Public points seen recently, by value. A key verified a second time gets a precomputed wNAF
 * table (window 4: about 2.5 verifications' worth of work once), after which z2·Q costs ~64
 * additions instead of ~256 doublings: batch verification of one signer's documents, or a
 * portal checking a user's repeated logins, runs about 2-3× faster. Bounded LRU.
 */
type CachedPoint = { P: ReturnType<Curve['Point']['fromAffine']>; uses: number };
const pointCache = new Map<string, CachedPoint>();
const POINT_CACHE_SIZE = 32;
const TABLE_WINDOW = 4;

function publicPointFor(c: Curve, Q: { x: bigint; y: bigint }): CachedPoint['P'] | undefined {
  const key = `${c.id}:${Q.x.toString(36)}:${Q.y.toString(36)}`;
  let hit = pointCache.get(key);
  if (hit) {
    pointCache.delete(key); // re-insert: most recently used last
    if (++hit.uses === 2) hit.P.precompute(TABLE_WINDOW, false);
  } else {
    const P = c.Point.fromAffine(Q);
    try {
      P.assertValidity();
    } catch {
      return undefined; // not a point of the curve: nothing verifies against it
    }
    hit = { P, uses: 1 };
    if (pointCache.size >= POINT_CACHE_SIZE) pointCache.delete(pointCache.keys().next().value!);
  }
  pointCache.set(key, hit);
  return hit.P;
}

/** Verify (r, s) on e against Q. */
export function verifyE(id: GostCurveId, Q: { x: bigint; y: bigint }, e: bigint, sig: Signature): boolean {
  const c = curve(id);
  const { n: q, p } = c.params;
  const { r, s } = sig;
  if (r <= 0n || r >= q || s <= 0n || s >= q) return false;
  const P = publicPointFor(c, Q);
  if (!P) return false;
  const v = invert(e % q, q);
  const z1 = (s * v) % q;
  const z2 = (q - ((r * v) % q)) % q;
  // C = z1·G + z2·Q: the base point uses its precomputed table, Q a wNAF (or its cached table).
  const C = c.Point.BASE.multiplyUnsafe(z1).add(P.multiplyUnsafe(z2));
  if (C.is0()) return false;
  // x_C mod q = r, checked without an inversion: x_C = X/Z is r or r + q (when below p).
  const { X, Z } = C;
  for (let x = r; x < p; x += q) if ((X - x * Z) % p === 0n) return true;
  return false;
}

/** 64 octets: s ‖ r, each big-endian (RFC 4491 §2.2.2). */
export function encodeSignature(sig: Signature): Buffer {
  return Buffer.concat([bigToBytesBE(sig.s, 32), bigToBytesBE(sig.r, 32)]);
}

export function decodeSignature(b: Uint8Array): Signature | undefined {
  if (b.length !== 64) return undefined;
  return { s: bytesToBigBE(b.subarray(0, 32)), r: bytesToBigBE(b.subarray(32, 64)) };
}
