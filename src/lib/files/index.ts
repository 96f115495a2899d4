/**
 * The one atomic writer (keys, key applications, trust anchors, sessions, signatures): a crash, a
 * kill or Ctrl-C never leaves half of a file. Write a temp file beside the target (exclusive
 * create, its mode from creation), fsync it, then publish it in one step:
 * - `replace: true` (default): `rename()`, the old file or the new one, never half of either;
 * - `replace: false`: `link()` then removing the temp name; it fails with `OutputExistsError`
 *   (errno code `EEXIST`) where rename would overwrite. File systems without hard links (FAT and
 *   exFAT USB sticks) reserve the name with an exclusive create instead and rename the temp file
 *   over that (empty) reservation: still never over a file somebody else made.
 * Then (default) fsync the folder so the publishing itself is durable.
 *
 * A leaf area: errors are the caller's to translate (the errno code is kept). Temp names and the
 * cleanup of temps killed runs left behind are in `temps.ts`.
 */
import { closeSync, fsync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { link, lstat, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { tempNameFor } from './temps.js';

export {
  TEMP_SUFFIX,
  isStaleTemp,
  processStartTag,
  removeOwnTempsSync,
  removeStaleTemps,
  tempNameFor,
  trackTempDirs,
} from './temps.js';

export interface WriteOptions {
  /** File mode at creation (default 0600: key files and secrets). */
  mode?: number;
  /** Replace an existing file (default true); false fails with `OutputExistsError` instead. */
  replace?: boolean;
  /** fsync the data before publishing (default true). */
  durable?: boolean;
  /** fsync the folder after publishing (default true; the batch signer leaves it to the OS). */
  syncDir?: boolean;
  /** The temp name for a target (default `tempNameFor`, which stale-temp cleanup recognises). */
  tempName?: (target: string) => string;
}

/** `replace: false` and the target exists. `code` is `EEXIST` as for the errno error. */
export class OutputExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(readonly target: string) {
    super(`output exists: ${target}`);
  }
}

/** A piece of output: bytes, or a byte range of a file copied in 1 MiB chunks. */
export type Piece = Buffer | { file: string; length: number };

const CHUNK = 1 << 20;
/** link() errors meaning "no hard links here", not "something is wrong". */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);
const fsyncAsync = promisify(fsync);

function errno(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? '';
}

/**
 * Does `p` exist? `followLinks: false` counts a symlink itself, dangling or not (what a later
 * `link()` or exclusive create would run into).
 */
export async function pathExists(p: string, o: { followLinks?: boolean } = {}): Promise<boolean> {
  try {
    await (o.followLinks === false ? lstat(p) : stat(p));
    return true;
  } catch {
    return false;
  }
}

/** Make a rename or link durable. Not supported everywhere (Windows): the data itself was synced. */
export async function syncDir(dir: string): Promise<void> {
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* best effort */
  }
}

function syncDirSync(dir: string): void {
  try {
    const d = openSync(dir, 'r');
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
  } catch {
    /* best effort */
  }
}

/** Publish `temp` as `target`; returns whether the temp name is gone (renamed) or still to remove. */
function publishSync(temp: string, target: string, replace: boolean): boolean {
  if (replace) {
    renameSync(temp, target);
    return true;
  }
  try {
    linkSync(temp, target);
    return false;
  } catch (e) {
    if (errno(e) === 'EEXIST') throw new OutputExistsError(target);
    if (!NO_HARD_LINKS.has(errno(e))) throw e;
  }
  try {
    closeSync(openSync(target, 'wx', 0o600));
  } catch (e) {
    throw errno(e) === 'EEXIST' ? new OutputExistsError(target) : e;
  }
  renameSync(temp, target);
  return true;
}

async function publish(temp: string, target: string, replace: boolean): Promise<boolean> {
  if (replace) {
    await rename(temp, target);
    return true;
  }
  try {
    await link(temp, target);
    return false;
  } catch (e) {
    if (errno(e) === 'EEXIST') throw new OutputExistsError(target);
    if (!NO_HARD_LINKS.has(errno(e))) throw e;
  }
  try {
    await (await open(target, 'wx', 0o600)).close();
  } catch (e) {
    throw errno(e) === 'EEXIST' ? new OutputExistsError(target) : e;
  }
  await rename(temp, target);
  return true;
}

/**
 * Write bytes held in memory. Synchronous calls except the fsyncs: each async fs call costs a
 * thread-pool round trip, which on a 2-core machine was most of the per-file overhead of batch
 * signing; only an fsync can block long enough to be worth it.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  o: WriteOptions = {},
): Promise<void> {
  const temp = (o.tempName ?? tempNameFor)(target);
  const fd = writeTemp(temp, bytes, o.mode);
  if (o.durable !== false) await fsyncAsync(fd).catch((e: unknown) => drop(fd, temp, e));
  closeAndPublish(fd, temp, target, o.replace !== false);
  if (o.syncDir !== false) await syncDir(path.dirname(target));
}

/** The same, all synchronous (process start-up: the sandbox's secret and state files). */
export function writeFileAtomicSync(target: string, bytes: Uint8Array, o: WriteOptions = {}): void {
  const temp = (o.tempName ?? tempNameFor)(target);
  const fd = writeTemp(temp, bytes, o.mode);
  if (o.durable !== false) {
    try {
      fsyncSync(fd);
    } catch (e) {
      drop(fd, temp, e);
    }
  }
  closeAndPublish(fd, temp, target, o.replace !== false);
  if (o.syncDir !== false) syncDirSync(path.dirname(target));
}

function removeTemp(temp: string): void {
  try {
    unlinkSync(temp);
  } catch {
    // already gone
  }
}

/** Close, remove the temp file, rethrow. */
function drop(fd: number, temp: string, e: unknown): never {
  closeSync(fd);
  removeTemp(temp);
  throw e;
}

/** Create the temp file (exclusive, `mode`, default 0600) and write all of `bytes`; returns its fd. */
function writeTemp(temp: string, bytes: Uint8Array, mode = 0o600): number {
  const fd = openSync(temp, 'wx', mode);
  try {
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
  } catch (e) {
    drop(fd, temp, e);
  }
  return fd;
}

function closeAndPublish(fd: number, temp: string, target: string, replace: boolean): void {
  closeSync(fd);
  let gone = false;
  try {
    gone = publishSync(temp, target, replace);
  } finally {
    if (!gone) removeTemp(temp);
  }
}

/** Re-encodes the bytes on their way to the file (base64 forms of a signature), in one pass. */
export interface PieceEncoder {
  update(chunk: Uint8Array): Buffer;
  final(): Buffer;
}

async function writePieces(fh: FileHandle, pieces: Piece[], buf?: Buffer, enc?: PieceEncoder): Promise<void> {
  const put = async (b: Buffer) => {
    const out = enc ? enc.update(b) : b;
    if (out.length) await fh.write(out);
  };
  for (const p of pieces) {
    if (Buffer.isBuffer(p)) {
      if (p.length) await put(p);
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
        await put(chunk.subarray(0, bytesRead));
        left -= bytesRead;
        pos += bytesRead;
      }
    } finally {
      await src.close();
    }
  }
  const last = enc?.final();
  if (last?.length) await fh.write(last);
}

/**
 * The same protocol for output made of pieces, some of them copied from other files; `buf` is a
 * reusable copy buffer, `encode` re-encodes everything written.
 */
export async function writePiecesAtomic(
  target: string,
  pieces: Piece[],
  o: WriteOptions & { buf?: Buffer; encode?: PieceEncoder } = {},
): Promise<void> {
  const temp = (o.tempName ?? tempNameFor)(target);
  const fh = await open(temp, 'wx', o.mode ?? 0o600);
  let gone = false;
  try {
    try {
      await writePieces(fh, pieces, o.buf, o.encode);
      if (o.durable !== false) await fh.sync();
    } finally {
      await fh.close();
    }
    gone = await publish(temp, target, o.replace !== false);
  } finally {
    if (!gone) await unlink(temp).catch(() => undefined);
  }
  if (o.syncDir !== false) await syncDir(path.dirname(target));
}
