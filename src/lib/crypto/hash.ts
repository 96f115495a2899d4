/**
 * One hashing interface for every digest the project uses: O'z DSt 1106 (GOST R 34.11-94 with
 * the CryptoPro S-box, our own code), the GOST test S-box (RFC vectors only), and SHA-1/2 through
 * node:crypto. Streaming input is consumed chunk by chunk: memory stays constant whatever the size.
 */
import nodeCrypto from 'node:crypto';
import { Gost94 } from './gost94.js';
import { SBOX_CRYPTOPRO, SBOX_TEST } from './gost28147.js';
import { unsupportedHash } from './errors.js';

export type HashAlg = 'ozdst-1106' | 'gost94-test' | 'sha1' | 'sha256' | 'sha384' | 'sha512';

export const HASH_ALGS: readonly HashAlg[] = [
  'ozdst-1106',
  'gost94-test',
  'sha1',
  'sha256',
  'sha384',
  'sha512',
];

/** Digest sizes in octets. */
export const HASH_SIZE: Record<HashAlg, number> = {
  'ozdst-1106': 32,
  'gost94-test': 32,
  sha1: 20,
  sha256: 32,
  sha384: 48,
  sha512: 64,
};

export interface Hash {
  update(data: Uint8Array): this;
  /**
   * The hash value. For the GOST algorithms: the octets in the order
   * `openssl dgst -engine gost -md_gost94` prints them (see `gost94.ts`).
   */
  digest(): Buffer;
}

export type HashInput = Uint8Array | NodeJS.ReadableStream | AsyncIterable<Uint8Array | string>;

class NodeHash implements Hash {
  private readonly h: nodeCrypto.Hash;
  constructor(alg: string) {
    this.h = nodeCrypto.createHash(alg);
  }
  update(data: Uint8Array): this {
    this.h.update(data);
    return this;
  }
  digest(): Buffer {
    return this.h.digest();
  }
}

export function isHashAlg(v: unknown): v is HashAlg {
  return typeof v === 'string' && (HASH_ALGS as readonly string[]).includes(v);
}

export function createHash(alg: HashAlg): Hash {
  switch (alg) {
    case 'ozdst-1106':
      return new Gost94(SBOX_CRYPTOPRO);
    case 'gost94-test':
      return new Gost94(SBOX_TEST);
    case 'sha1':
    case 'sha256':
    case 'sha384':
    case 'sha512':
      return new NodeHash(alg);
    default:
      throw unsupportedHash(String(alg));
  }
}

export function hashSync(alg: HashAlg, data: Uint8Array): Buffer {
  return createHash(alg).update(data).digest();
}

/** Hash a buffer, a Node readable stream or any async iterable of chunks. */
export async function hash(alg: HashAlg, data: HashInput): Promise<Buffer> {
  const h = createHash(alg);
  if (data instanceof Uint8Array) return h.update(data).digest();
  if (data && typeof (data as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    for await (const chunk of data as AsyncIterable<Uint8Array | string>) {
      h.update(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    }
    return h.digest();
  }
  // An old-style stream without async iteration: listen for its events.
  const stream = data as NodeJS.ReadableStream;
  return new Promise<Buffer>((resolve, reject) => {
    stream.on('data', (chunk: Uint8Array | string) =>
      h.update(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk),
    );
    stream.on('error', reject);
    stream.on('end', () => resolve(h.digest()));
  });
}
