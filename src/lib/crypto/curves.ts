/**
 * The elliptic curves of GOST R 34.10-2001 / O'z DSt 1092:2009: CryptoPro A, B, C (RFC 4357 §11.4)
 * and the test curve of the standard's own example (RFC 5832 §7.1, known-answer tests only).
 * Point arithmetic is @noble/curves' `weierstrass` (projective coordinates, wNAF with precomputed
 * base-point tables); each curve is built on first use, so loading this module costs nothing.
 */
import { weierstrass, type WeierstrassPoint, type WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import { OID } from './oids.js';

export type GostCurve = 'A' | 'B' | 'C';
export type GostCurveId = GostCurve | 'test';

export interface CurveParams {
  p: bigint;
  a: bigint;
  b: bigint;
  /** Order q of the base point (the cofactor is 1 on all four curves). */
  n: bigint;
  Gx: bigint;
  Gy: bigint;
}

export const CURVE_PARAMS: Record<GostCurveId, CurveParams> = {
  // id-GostR3410-2001-CryptoPro-A-ParamSet (also XchA)
  A: {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd97n,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd94n,
    b: 0xa6n,
    n: 0xffffffffffffffffffffffffffffffff6c611070995ad10045841b09b761b893n,
    Gx: 1n,
    Gy: 0x8d91e471e0989cda27df505a453f2b7635294f2ddf23e3b122acc99c9e9f1e14n,
  },
  // id-GostR3410-2001-CryptoPro-B-ParamSet
  B: {
    p: 0x8000000000000000000000000000000000000000000000000000000000000c99n,
    a: 0x8000000000000000000000000000000000000000000000000000000000000c96n,
    b: 0x3e1af419a269a5f866a7d3c25c3df80ae979259373ff2b182f49d4ce7e1bbc8bn,
    n: 0x800000000000000000000000000000015f700cfff1a624e5e497161bcc8a198fn,
    Gx: 1n,
    Gy: 0x3fa8124359f96680b83d1c3eb2c070e5c545c9858d03ecfb744bf8d717717efcn,
  },
  // id-GostR3410-2001-CryptoPro-C-ParamSet (also XchB)
  C: {
    p: 0x9b9f605f5a858107ab1ec85e6b41c8aacf846e86789051d37998f7b9022d759bn,
    a: 0x9b9f605f5a858107ab1ec85e6b41c8aacf846e86789051d37998f7b9022d7598n,
    b: 0x805an,
    n: 0x9b9f605f5a858107ab1ec85e6b41c8aa582ca3511eddfb74f02f3a6598980bb9n,
    Gx: 0n,
    Gy: 0x41ece55743711a8c3cbf3783cd08c0ee4d4dc440d4641a8f366e550dfdb3bb67n,
  },
  // id-GostR3410-2001-TestParamSet: the example of GOST R 34.10-2001 (RFC 5832 §7.1)
  test: {
    p: 0x8000000000000000000000000000000000000000000000000000000000000431n,
    a: 7n,
    b: 0x5fbff498aa938ce739b8e022fbafef40563f6e6a3472fc2a514c0ce9dae23b7en,
    n: 0x8000000000000000000000000000000150fe8a1892976154c59cfc193accf5b3n,
    Gx: 2n,
    Gy: 0x08e2a8a0e65147d4bd6316030e16d19c85c97f0a9ca267122b96abbcea7e8fc8n,
  },
};

export type Point = WeierstrassPoint<bigint>;

export interface Curve {
  id: GostCurveId;
  params: CurveParams;
  Point: WeierstrassPointCons<bigint>;
}

/**
 * wNAF window for the base point. noble's default is 6; 8 makes `k·G` (signing, key generation)
 * about a third faster for 256-bit scalars at the price of a bigger one-time table per curve.
 */
const BASE_WINDOW = 8;

const built = new Map<GostCurveId, Curve>();

export function curve(id: GostCurveId): Curve {
  let c = built.get(id);
  if (!c) {
    const prm = CURVE_PARAMS[id];
    const Point = weierstrass({ p: prm.p, n: prm.n, h: 1n, a: prm.a, b: prm.b, Gx: prm.Gx, Gy: prm.Gy });
    Point.BASE.precompute(BASE_WINDOW);
    c = { id, params: prm, Point };
    built.set(id, c);
  }
  return c;
}

/** Is (x, y) a point of the curve (not the identity)? Cheap: one equation check. */
export function isOnCurve(id: GostCurveId, x: bigint, y: bigint): boolean {
  const { p, a, b } = CURVE_PARAMS[id];
  if (x < 0n || y < 0n || x >= p || y >= p) return false;
  return (y * y - (x * x * x + a * x + b)) % p === 0n;
}

/** Parameter-set OIDs, per family, for writing. */
export const PARAMSET_OID: Record<'ozdst2009' | 'ozmst2024' | 'gost', Record<GostCurve, string>> = {
  ozdst2009: { A: OID.ozdst1092ParamA, B: OID.ozdst1092ParamB, C: OID.ozdst1092ParamC },
  ozmst2024: { A: OID.ozmst2024ParamA, B: OID.ozmst2024ParamB, C: OID.ozmst2024ParamC },
  gost: { A: OID.gostR3410_2001CryptoProA, B: OID.gostR3410_2001CryptoProB, C: OID.gostR3410_2001CryptoProC },
};

/** Every parameter-set OID we read, Uzbek or Russian, to its curve. */
export const CURVE_BY_PARAMSET_OID: Readonly<Record<string, GostCurve>> = {
  [OID.ozdst1092ParamA]: 'A',
  [OID.ozdst1092ParamB]: 'B',
  [OID.ozdst1092ParamC]: 'C',
  [OID.ozmst2024ParamA]: 'A',
  [OID.ozmst2024ParamB]: 'B',
  [OID.ozmst2024ParamC]: 'C',
  [OID.gostR3410_2001CryptoProA]: 'A',
  [OID.gostR3410_2001CryptoProB]: 'B',
  [OID.gostR3410_2001CryptoProC]: 'C',
  [OID.gostR3410_2001CryptoProXchA]: 'A',
  [OID.gostR3410_2001CryptoProXchB]: 'C',
};
