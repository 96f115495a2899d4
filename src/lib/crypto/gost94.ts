/**
 * GOST R 34.11-94 (RFC 5831), the mathematics of O'z DSt 1106:2009, incremental and streaming.
 *
 * Byte-order convention (the one thing every GOST hash library disagrees on): the standard and
 * RFC 5831 write 256-bit values as numbers, most significant octet first, and message octet 0 is
 * the LEAST significant octet of the first block. This implementation works on octets in memory
 * order, exactly as the OpenSSL GOST engine (`gosthash.c`) does, and `digest()` returns the octets
 * in the order `openssl dgst -engine gost -md_gost94` prints them. An RFC 5831 hash value, as
 * printed in the RFC, is therefore our digest reversed; a signature reads our digest as a
 * little-endian integer (RFC 4491 §2.2.1, the OpenSSL engine's `hashsum2bn`).
 *
 * The empty message: GOST R 34.11-94 always hashes the last (possibly empty) block padded with
 * zeros, so "" hashes one all-zero block before the length and checksum blocks. OpenSSL's engine
 * does this (CryptoPro "" → 3f25bc1f…); some libraries skip it (and print 981e5f3c… for "").
 * We follow the standard and OpenSSL.
 *
 * Speed: 32-bit words throughout, combined S-box tables (`gost28147.ts`), the ψ output
 * transformation as generated straight-line XORs (`gost94-mix.ts`), and no allocation per block.
 */
import { encryptBlock, readLe32, roundTables, SBOX_CRYPTOPRO, writeLe32, type SBoxes } from './gost28147.js';
import { mix } from './gost94-mix.js';

const tablesCache = new Map<SBoxes, Int32Array>();
function tablesFor(sbox: SBoxes): Int32Array {
  let t = tablesCache.get(sbox);
  if (!t) {
    t = roundTables(sbox);
    tablesCache.set(sbox, t);
  }
  return t;
}

/** C3 of the key schedule as little-endian 32-bit words (octets 1,3,5,7,8,10,12,14,17,18,20,23,24,28,29,31 = 0xff). */
const C3 = [
  0xff00ff00, 0xff00ff00, 0x00ff00ff, 0x00ff00ff, 0x00ffff00, 0xff0000ff, 0x000000ff, 0xff00ffff,
].map((v) => v | 0);

/** Transposition P of the key schedule: key octet 4j+i = w octet 8i+j, on 32-bit words. */
function transpose(w: Int32Array, k: Int32Array, ko: number): void {
  for (let j = 0; j < 4; j++) {
    const sh = 8 * j;
    k[ko + j] =
      ((w[0]! >>> sh) & 255) |
      (((w[2]! >>> sh) & 255) << 8) |
      (((w[4]! >>> sh) & 255) << 16) |
      (((w[6]! >>> sh) & 255) << 24);
    k[ko + 4 + j] =
      ((w[1]! >>> sh) & 255) |
      (((w[3]! >>> sh) & 255) << 8) |
      (((w[5]! >>> sh) & 255) << 16) |
      (((w[7]! >>> sh) & 255) << 24);
  }
}

export class Gost94 {
  private readonly t: Int32Array;
  /** Chaining value H, checksum Σ (mod 2^256), current block M: little-endian 32-bit words. */
  private readonly h = new Int32Array(8);
  private readonly sum = new Int32Array(8);
  private readonly m = new Int32Array(8);
  // Scratch for the step function: U, V, W, the four keys, the encrypted S.
  private readonly u = new Int32Array(8);
  private readonly v = new Int32Array(8);
  private readonly w = new Int32Array(8);
  private readonly keys = new Int32Array(32);
  private readonly s = new Int32Array(8);
  /** Partial block not yet hashed. */
  private readonly tail = new Uint8Array(32);
  private tailLen = 0;
  /** Message length in octets (exact up to 2^53). */
  private length = 0;
  private finished = false;

  constructor(sbox: SBoxes = SBOX_CRYPTOPRO) {
    this.t = tablesFor(sbox);
  }

  update(data: Uint8Array): this {
    if (this.finished) throw new Error('GOST R 34.11-94: update() after digest()');
    let off = 0;
    const len = data.length;
    this.length += len;
    if (this.tailLen > 0) {
      const take = Math.min(32 - this.tailLen, len);
      this.tail.set(data.subarray(0, take), this.tailLen);
      this.tailLen += take;
      off = take;
      if (this.tailLen < 32) return this;
      this.block(this.tail, 0);
      this.tailLen = 0;
    }
    // Whole blocks straight from the caller's buffer; keep the last one back only if it is
    // partial (a full final block is hashed as it is, the standard pads only a partial one).
    for (; off + 32 <= len; off += 32) this.block(data, off);
    if (off < len) {
      this.tail.set(data.subarray(off), 0);
      this.tailLen = len - off;
    }
    return this;
  }

  /** The 32-octet hash value in OpenSSL `md_gost94` octet order (see the file comment). */
  digest(): Buffer {
    if (this.finished) throw new Error('GOST R 34.11-94: digest() called twice');
    this.finished = true;
    if (this.tailLen > 0 || this.length === 0) {
      this.tail.fill(0, this.tailLen);
      this.block(this.tail, 0);
    }
    // L: the message length in bits, a 256-bit little-endian number.
    const bits = this.length * 8;
    const m = this.m;
    m.fill(0);
    m[0] = (bits % 0x100000000) | 0;
    m[1] = Math.floor(bits / 0x100000000) | 0;
    this.step(m);
    m.set(this.sum);
    this.step(m);
    const out = Buffer.allocUnsafe(32);
    for (let i = 0; i < 8; i++) writeLe32(out, 4 * i, this.h[i]!);
    return out;
  }

  /** Hash one 32-octet block at `buf[off]`: Σ += M (mod 2^256), H = f(H, M). */
  private block(buf: Uint8Array, off: number): void {
    const m = this.m;
    const sum = this.sum;
    let carry = 0;
    for (let i = 0; i < 8; i++) {
      const x = readLe32(buf, off + 4 * i);
      m[i] = x;
      const t = (sum[i]! >>> 0) + (x >>> 0) + carry;
      sum[i] = t | 0;
      carry = t > 0xffffffff ? 1 : 0;
    }
    this.step(m);
  }

  /** The step function f(H, M) of GOST R 34.11-94 (key generation, encryption, mixing). */
  private step(m: Int32Array): void {
    const { h, u, v, w, keys, s, t } = this;
    // K1 = P(H ⊕ M)
    for (let i = 0; i < 8; i++) w[i] = h[i]! ^ m[i]!;
    transpose(w, keys, 0);
    // U = A(H), V = A(A(M)); K2 = P(U ⊕ V). A(y4‖y3‖y2‖y1) = (y1 ⊕ y2)‖y4‖y3‖y2 on 64-bit y.
    u[0] = h[2]!;
    u[1] = h[3]!;
    u[2] = h[4]!;
    u[3] = h[5]!;
    u[4] = h[6]!;
    u[5] = h[7]!;
    u[6] = h[0]! ^ h[2]!;
    u[7] = h[1]! ^ h[3]!;
    v[0] = m[4]!;
    v[1] = m[5]!;
    v[2] = m[6]!;
    v[3] = m[7]!;
    v[4] = m[0]! ^ m[2]!;
    v[5] = m[1]! ^ m[3]!;
    v[6] = m[2]! ^ m[4]!;
    v[7] = m[3]! ^ m[5]!;
    for (let i = 0; i < 8; i++) w[i] = u[i]! ^ v[i]!;
    transpose(w, keys, 8);
    // U = A(U) ⊕ C3, V = A(A(V)); K3 = P(U ⊕ V).
    this.nextUV(C3);
    transpose(w, keys, 16);
    // U = A(U), V = A(A(V)); K4 = P(U ⊕ V).
    this.nextUV(null);
    transpose(w, keys, 24);
    // S = E(K1, h1) ‖ E(K2, h2) ‖ E(K3, h3) ‖ E(K4, h4), h1 being the lowest 64 bits of H.
    encryptBlock(t, keys, 0, h[0]!, h[1]!, s, 0);
    encryptBlock(t, keys, 8, h[2]!, h[3]!, s, 2);
    encryptBlock(t, keys, 16, h[4]!, h[5]!, s, 4);
    encryptBlock(t, keys, 24, h[6]!, h[7]!, s, 6);
    mix(h, m, s);
  }

  private nextUV(c: readonly number[] | null): void {
    const { u, v, w } = this;
    const u0 = u[0]!,
      u1 = u[1]!;
    u[0] = u[2]!;
    u[1] = u[3]!;
    u[2] = u[4]!;
    u[3] = u[5]!;
    u[4] = u[6]!;
    u[5] = u[7]!;
    u[6] = u0 ^ u[0]!;
    u[7] = u1 ^ u[1]!;
    if (c) for (let i = 0; i < 8; i++) u[i] = u[i]! ^ c[i]!;
    const v0 = v[0]!,
      v1 = v[1]!,
      v2 = v[2]!,
      v3 = v[3]!,
      v4 = v[4]!,
      v5 = v[5]!,
      v6 = v[6]!,
      v7 = v[7]!;
    v[0] = v4;
    v[1] = v5;
    v[2] = v6;
    v[3] = v7;
    v[4] = v0 ^ v2;
    v[5] = v1 ^ v3;
    v[6] = v2 ^ v4;
    v[7] = v3 ^ v5;
    for (let i = 0; i < 8; i++) w[i] = u[i]! ^ v[i]!;
  }
}
