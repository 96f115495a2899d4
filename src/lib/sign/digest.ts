/**
 * Streaming digests of files: 1 MiB reads into one reused buffer, so memory stays flat for any
 * file size. Small files (the batch case) take a single read.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createDigest, type DigestName } from './algorithms.js';

export const CHUNK = 1 << 20;

export interface FileDigest {
  size: number;
  digests: Map<DigestName, Buffer>;
  /** The whole content when it fit in one read (saves a second read for attached output). */
  content?: Buffer;
}

/**
 * Small files (the batch case) are read with one synchronous open/read/close: cheaper than three
 * thread-pool round trips for a few KiB from the page cache. Returns undefined when the file
 * fills the whole buffer (then it is streamed by `digestFile`).
 */
export function readSmallSync(path: string, buf: Buffer): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    const n = readSync(fd, buf, 0, buf.length, 0);
    return n < buf.length ? Buffer.from(buf.subarray(0, n)) : undefined;
  } finally {
    closeSync(fd);
  }
}

export async function digestFile(path: string, names: DigestName[], buffer?: Buffer): Promise<FileDigest> {
  const fh = await open(path, 'r');
  try {
    const hashers = names.map((n) => [n, createDigest(n)] as const);
    let buf: Buffer = buffer ?? Buffer.allocUnsafe(CHUNK);
    // No stat: a first read shorter than the buffer means the whole file is in hand (the batch
    // case: one open, one read, one close per file).
    let bytesRead = (await fh.read(buf, 0, buf.length, 0)).bytesRead;
    if (bytesRead < buf.length) {
      const content = Buffer.from(buf.subarray(0, bytesRead));
      for (const [, h] of hashers) h.update(content);
      return { size: bytesRead, digests: new Map(hashers.map(([n, h]) => [n, h.digest()])), content };
    }
    // Big file: double buffering. The next read runs on the thread pool while this thread hashes
    // the chunk in hand, so reading and hashing overlap instead of taking turns (measured on a
    // 1 GiB file: 1.2–1.3× faster than read-then-hash, and faster than `openssl dgst`, which
    // takes turns).
    let spare: Buffer = Buffer.allocUnsafe(buf.length);
    let total = 0;
    while (bytesRead > 0) {
      total += bytesRead;
      const next = fh.read(spare, 0, spare.length, total);
      const view = buf.subarray(0, bytesRead);
      for (const [, h] of hashers) h.update(view);
      bytesRead = (await next).bytesRead;
      [buf, spare] = [spare, buf];
    }
    return { size: total, digests: new Map(hashers.map(([n, h]) => [n, h.digest()])) };
  } finally {
    await fh.close();
  }
}

export function digestBuffer(data: Uint8Array, names: DigestName[]): Map<DigestName, Buffer> {
  const out = new Map<DigestName, Buffer>();
  for (const n of names) {
    const h = createDigest(n);
    h.update(data);
    out.set(n, h.digest());
  }
  return out;
}
