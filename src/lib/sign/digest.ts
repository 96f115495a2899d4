/**
 * Streaming digests of files: 1 MiB reads into one reused buffer, so memory stays flat for any
 * file size. Small files (the batch case) take a single read.
 */
import { open } from 'node:fs/promises';
import { createDigest, type DigestName } from './algorithms.js';

export const CHUNK = 1 << 20;

export interface FileDigest {
  size: number;
  digests: Map<DigestName, Buffer>;
  /** The whole content when it fit in one read (saves a second read for attached output). */
  content?: Buffer;
}

export async function digestFile(path: string, names: DigestName[], buffer?: Buffer): Promise<FileDigest> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const hashers = names.map((n) => [n, createDigest(n)] as const);
    if (size <= CHUNK) {
      const content = Buffer.allocUnsafe(size);
      let off = 0;
      while (off < size) {
        const { bytesRead } = await fh.read(content, off, size - off, off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      const data = off === size ? content : content.subarray(0, off);
      for (const [, h] of hashers) h.update(data);
      return { size: data.length, digests: new Map(hashers.map(([n, h]) => [n, h.digest()])), content: data };
    }
    const buf = buffer ?? Buffer.allocUnsafe(CHUNK);
    let total = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      const view = buf.subarray(0, bytesRead);
      for (const [, h] of hashers) h.update(view);
      total += bytesRead;
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
