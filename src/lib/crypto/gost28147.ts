/**
 * The GOST 28147-89 block cipher core, as GOST R 34.11-94 uses it: encryption of one 64-bit block
 * under a 256-bit key, 32 rounds, no modes. Built for speed in JavaScript: 32-bit integer words,
 * the eight 4-bit S-boxes and the 11-bit rotation folded into four 256-entry tables (one per input
 * byte), so a round is one add, four table loads and three XORs. Nothing is allocated per block.
 */

/** Eight S-boxes `k1..k8`, `k1` substituting the lowest nibble of the round input. */
export type SBoxes = readonly [
  readonly number[],
  readonly number[],
  readonly number[],
  readonly number[],
  readonly number[],
  readonly number[],
  readonly number[],
  readonly number[],
];

/**
 * `id-GostR3411-94-TestParamSet` (1.2.643.2.2.30.0): the S-boxes of the standard's own test
 * examples, used by the RFC 5831 known-answer vectors.
 */
export const SBOX_TEST: SBoxes = [
  [4, 10, 9, 2, 13, 8, 0, 14, 6, 11, 1, 12, 7, 15, 5, 3],
  [14, 11, 4, 12, 6, 13, 15, 10, 2, 3, 8, 1, 0, 7, 5, 9],
  [5, 8, 1, 13, 10, 3, 4, 2, 14, 15, 12, 7, 6, 0, 9, 11],
  [7, 13, 10, 1, 0, 8, 9, 15, 14, 4, 6, 12, 11, 2, 5, 3],
  [6, 12, 7, 1, 5, 15, 13, 8, 4, 10, 9, 14, 0, 3, 11, 2],
  [4, 11, 10, 0, 7, 2, 1, 13, 3, 6, 8, 5, 9, 12, 15, 14],
  [13, 11, 4, 1, 3, 15, 5, 9, 0, 10, 14, 7, 6, 8, 2, 12],
  [1, 15, 13, 0, 5, 7, 10, 4, 9, 2, 3, 14, 6, 11, 8, 12],
];

/**
 * `id-GostR3411-94-CryptoProParamSet` (1.2.643.2.2.30.1, RFC 4357 §11.2): the S-boxes of
 * O'z DSt 1106:2009 and of OpenSSL's `md_gost94`.
 */
export const SBOX_CRYPTOPRO: SBoxes = [
  [10, 4, 5, 6, 8, 1, 3, 7, 13, 12, 14, 0, 9, 2, 11, 15],
  [5, 15, 4, 0, 2, 13, 11, 9, 1, 7, 6, 3, 12, 14, 10, 8],
  [7, 15, 12, 14, 9, 4, 1, 0, 3, 11, 5, 2, 6, 10, 8, 13],
  [4, 10, 7, 12, 0, 15, 2, 8, 14, 1, 6, 5, 13, 11, 9, 3],
  [7, 6, 4, 11, 9, 12, 2, 10, 1, 8, 0, 14, 15, 13, 3, 5],
  [7, 6, 2, 4, 13, 9, 15, 0, 10, 1, 5, 11, 8, 14, 12, 3],
  [13, 14, 4, 1, 7, 0, 5, 10, 3, 12, 8, 15, 6, 2, 9, 11],
  [1, 3, 10, 9, 5, 11, 4, 15, 8, 6, 7, 14, 13, 0, 2, 12],
];

/**
 * Combined round tables: `T[j][b]` is the substitution of input byte `b` at byte position `j`
 * (two S-boxes), shifted into place and rotated left by 11, so that
 * `f(x) = T0[x & 255] ^ T1[x >>> 8 & 255] ^ T2[x >>> 16 & 255] ^ T3[x >>> 24]`.
 * Stored in one Int32Array of 1024 entries (T0 at 0, T1 at 256, T2 at 512, T3 at 768).
 */
export function roundTables(s: SBoxes): Int32Array {
  const t = new Int32Array(1024);
  for (let j = 0; j < 4; j++) {
    const lo = s[2 * j]!;
    const hi = s[2 * j + 1]!;
    for (let b = 0; b < 256; b++) {
      const v = ((hi[b >>> 4]! << 4) | lo[b & 15]!) << (8 * j);
      t[j * 256 + b] = (v << 11) | (v >>> 21);
    }
  }
  return t;
}

/**
 * Encrypt the 64-bit block (`n1`, `n2`: the little-endian words of octets 0-3 and 4-7) under
 * the key words `k[ko..ko+7]` (little-endian words of the 32 key octets). Writes the ciphertext
 * words to `out[oo]`, `out[oo + 1]` in the same convention (the final half swap of GOST 28147-89
 * included), matching the OpenSSL engine's `gostcrypt` octet for octet.
 */
export function encryptBlock(
  t: Int32Array,
  k: Int32Array,
  ko: number,
  n1: number,
  n2: number,
  out: Int32Array,
  oo: number,
): void {
  const k0 = k[ko]!,
    k1 = k[ko + 1]!,
    k2 = k[ko + 2]!,
    k3 = k[ko + 3]!;
  const k4 = k[ko + 4]!,
    k5 = k[ko + 5]!,
    k6 = k[ko + 6]!,
    k7 = k[ko + 7]!;
  let x: number;
  // Rounds 1-24: key words 0..7 three times. Names swap instead of the halves.
  for (let i = 0; i < 3; i++) {
    x = (n1 + k0) | 0;
    n2 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
    x = (n2 + k1) | 0;
    n1 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
    x = (n1 + k2) | 0;
    n2 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
    x = (n2 + k3) | 0;
    n1 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
    x = (n1 + k4) | 0;
    n2 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
    x = (n2 + k5) | 0;
    n1 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
    x = (n1 + k6) | 0;
    n2 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
    x = (n2 + k7) | 0;
    n1 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
  }
  // Rounds 25-32: key words 7..0.
  x = (n1 + k7) | 0;
  n2 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
  x = (n2 + k6) | 0;
  n1 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
  x = (n1 + k5) | 0;
  n2 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
  x = (n2 + k4) | 0;
  n1 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
  x = (n1 + k3) | 0;
  n2 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
  x = (n2 + k2) | 0;
  n1 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
  x = (n1 + k1) | 0;
  n2 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
  x = (n2 + k0) | 0;
  n1 ^= t[x & 255]! ^ t[256 + ((x >>> 8) & 255)]! ^ t[512 + ((x >>> 16) & 255)]! ^ t[768 + (x >>> 24)]!;
  // GOST 28147-89 ends without the last swap: the output block is (n2, n1).
  out[oo] = n2;
  out[oo + 1] = n1;
}

/**
 * Encrypt one 8-octet block in ECB fashion (octet conventions of RFC 5830 / the OpenSSL engine).
 * A convenience for tests and callers outside the hash; the hash uses `encryptBlock` directly.
 */
export function encrypt(sbox: SBoxes, key: Uint8Array, block: Uint8Array): Uint8Array {
  if (key.length !== 32 || block.length !== 8)
    throw new RangeError('GOST 28147-89 needs a 32-octet key and an 8-octet block');
  const k = new Int32Array(8);
  for (let i = 0; i < 8; i++) k[i] = readLe32(key, 4 * i);
  const out = new Int32Array(2);
  encryptBlock(roundTables(sbox), k, 0, readLe32(block, 0), readLe32(block, 4), out, 0);
  const r = new Uint8Array(8);
  writeLe32(r, 0, out[0]!);
  writeLe32(r, 4, out[1]!);
  return r;
}

export function readLe32(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
}

export function writeLe32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 255;
  b[o + 1] = (v >>> 8) & 255;
  b[o + 2] = (v >>> 16) & 255;
  b[o + 3] = v >>> 24;
}
