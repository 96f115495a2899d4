/**
 * Atomic output: write a hidden temp file beside the target, fsync it, then publish it in one step.
 * Without `overwrite`, publishing is `link()` (fails with EEXIST if the target appeared meanwhile,
 * so an existing signature is never replaced) followed by removing the temp name; with
 * `overwrite`, `rename()`. A kill at any moment leaves either no target or a complete one; stale
 * temp files are removed by `removeStaleTemps` on the next run over the same folders.
 *
 * Temp names are `.<output name>.<pid>-<start>.<thread>.<n>.oneid-tmp`: hidden, recognisable, and
 * naming the process that writes them. `<start>` is the process's start time (Linux: ticks since
 * boot from /proc, base 36; `0` where unknown), so a file whose pid now belongs to another
 * process — containers restart with the same small pids — is still known to be stale.
 */
import {
  closeSync,
  fsync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { link, open, readdir, rename, unlink, lstat, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { CHUNK } from './digest.js';

export const TEMP_SUFFIX = '.oneid-tmp';
/** pid, then (since issue 13) `-<start>`; names without it come from earlier versions. */
const TEMP_RE = /^\..+\.(\d+)(?:-([0-9a-z]+))?\.\d+\.\d+\.oneid-tmp$/;
let counter = 0;

/** A process's start time as /proc gives it (Linux), base 36; undefined when unknown. */
export function processStartTag(pid: number | 'self'): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Field 22 (starttime); the command name (field 2) may hold spaces, so count after its ')'.
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return ticks && /^\d+$/.test(ticks) ? Number(ticks).toString(36) : undefined;
  } catch {
    return undefined;
  }
}

/** The same in every thread of this process. */
const OWN_TAG = processStartTag('self') ?? '0';

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
    `.${path.basename(target)}.${process.pid}-${OWN_TAG}.${threadId}.${counter++}${TEMP_SUFFIX}`,
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
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Is the temp file named `name` left by a run that is over? Only our own names count, and only
 * when their process is gone: its pid is not alive, or the pid is alive but started at another
 * time than the writer did (a reused pid; ours included). Anything unsure is kept.
 */
export function isStaleTemp(name: string): boolean {
  const m = TEMP_RE.exec(name);
  if (!m) return false;
  const pid = Number(m[1]);
  const tag = m[2];
  // A name of earlier versions (no start time): the pid alone decides.
  if (tag === undefined) return pid !== process.pid && !alive(pid);
  // Under our own pid only this process writes, and always with its own start time.
  if (pid === process.pid) return tag !== OWN_TAG;
  if (!alive(pid)) return true;
  if (tag === '0') return false;
  const now = processStartTag(pid);
  return now !== undefined && now !== tag;
}

/** Is `name` a temp file of this process (any thread)? */
function isOwnTemp(name: string): boolean {
  const m = TEMP_RE.exec(name);
  return !!m && Number(m[1]) === process.pid;
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
      if (isStaleTemp(name)) {
        await unlink(path.join(dir, name)).catch(() => undefined);
        removed++;
      }
    }
  }
  return removed;
}

/** Folders where this process's batches are writing, for `removeOwnTempsSync`. */
const activeDirs = new Map<string, number>();

/** Register output folders while a batch writes into them; returns the unregister function. */
export function trackTempDirs(dirs: Iterable<string>): () => void {
  const list = [...dirs];
  for (const d of list) activeDirs.set(d, (activeDirs.get(d) ?? 0) + 1);
  return () => {
    for (const d of list) {
      const n = (activeDirs.get(d) ?? 1) - 1;
      if (n > 0) activeDirs.set(d, n);
      else activeDirs.delete(d);
    }
  };
}

/**
 * Remove every temp file of this process (all threads) from `dirs` (default: the folders of the
 * batches running now). Only safe once nothing of ours writes any more: after the workers were
 * stopped, or just before the process exits.
 */
export function removeOwnTempsSync(dirs: Iterable<string> = activeDirs.keys()): number {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!isOwnTemp(name)) continue;
      try {
        unlinkSync(path.join(dir, name));
        removed++;
      } catch {
        // already gone
      }
    }
  }
  return removed;
}
