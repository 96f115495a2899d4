/**
 * Atomic output: write a hidden temp file beside the target, fsync it, then publish it in one step.
 * Without `overwrite`, publishing is `link()` (fails with EEXIST if the target appeared meanwhile,
 * so an existing signature is never replaced) followed by removing the temp name; with
 * `overwrite`, `rename()`. A kill at any moment leaves either no target or a complete one; stale
 * temp files are removed by `removeStaleTemps` on the next run.
 */
import { closeSync, fsync, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { link, open, readdir, rename, unlink, lstat, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { CHUNK } from './digest.js';

export const TEMP_SUFFIX = '.oneid-tmp';
const TEMP_RE = /^\..+\.(\d+)\.\d+\.\d+\.oneid-tmp$/;
let counter = 0;

/** A piece of output: bytes, or a byte range of a file copied in 1 MiB chunks. */
export type Piece = Buffer | { file: string; length: number };

export class OutputExistsError extends Error {
  constructor(readonly target: string) {
    super(`output exists: ${target}`);
  }
}

export function tempNameFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${threadId}.${counter++}${TEMP_SUFFIX}`,
  );
}

async function writePieces(fh: FileHandle, pieces: Piece[], buf?: Buffer): Promise<void> {
  for (const p of pieces) {
    if (Buffer.isBuffer(p)) {
      if (p.length) await fh.write(p);
      continue;
    }
    const src = await open(p.file, 'r');
    try {
      const chunk = buf ?? Buffer.allocUnsafe(CHUNK);
      let left = p.length;
      let pos = 0;
      while (left > 0) {
        const { bytesRead } = await src.read(chunk, 0, Math.min(chunk.length, left), pos);
        if (bytesRead === 0) throw new Error(`${p.file} shrank while being signed`);
        await fh.write(chunk.subarray(0, bytesRead));
        left -= bytesRead;
        pos += bytesRead;
      }
    } finally {
      await src.close();
    }
  }
}

export async function writeAtomic(
  target: string,
  pieces: Piece[],
  overwrite: boolean,
  buf?: Buffer,
): Promise<void> {
  const temp = tempNameFor(target);
  const fh = await open(temp, 'wx', 0o644);
  let published = false;
  try {
    try {
      await writePieces(fh, pieces, buf);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (overwrite) {
      await rename(temp, target);
      published = true;
      return;
    }
    try {
      await link(temp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new OutputExistsError(target);
      // File systems without hard links (FAT on USB sticks): check, then rename.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw e;
      if (await exists(target)) throw new OutputExistsError(target);
      await rename(temp, target);
      published = true;
    }
  } finally {
    if (!published) await unlink(temp).catch(() => undefined);
  }
}

const fsyncAsync = promisify(fsync);

/**
 * The same protocol for a small output held in memory (the batch case), with synchronous calls
 * except the fsync: each async fs call costs a thread-pool round trip, which on a 2-core machine
 * was most of the per-file overhead; only the fsync can block long enough to be worth it.
 */
export async function writeAtomicBytes(
  target: string,
  bytes: Buffer,
  overwrite: boolean,
  durable = true,
): Promise<void> {
  const temp = tempNameFor(target);
  const fd = openSync(temp, 'wx', 0o644);
  let published = false;
  try {
    try {
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
      if (durable) await fsyncAsync(fd);
    } finally {
      closeSync(fd);
    }
    if (overwrite) {
      renameSync(temp, target);
      published = true;
      return;
    }
    try {
      linkSync(temp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new OutputExistsError(target);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw e;
      if (existsSync(target)) throw new OutputExistsError(target);
      renameSync(temp, target);
      published = true;
    }
  } finally {
    if (!published) {
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
  }
}

function existsSync(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

export async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temp files left by killed runs (their process is gone) in the given folders. */
export async function removeStaleTemps(dirs: Iterable<string>): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_RE.exec(name);
      if (m && !alive(Number(m[1]))) {
        await unlink(path.join(dir, name)).catch(() => undefined);
        removed++;
      }
    }
  }
  return removed;
}
