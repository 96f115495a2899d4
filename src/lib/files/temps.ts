/**
 * Temp names of the atomic writer and the cleanup of temps that killed runs left behind.
 *
 * Temp names are `.<output name>.<pid>-<start>.<thread>.<n>.oneid-tmp`: hidden, recognisable, and
 * naming the process that writes them. `<start>` is the process's start time (Linux: ticks since
 * boot from /proc, base 36; `0` where unknown), so a file whose pid now belongs to another
 * process — containers restart with the same small pids — is still known to be stale.
 */
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

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

/** The default temp name for `target`: beside it, hidden, unique in this process. */
export function tempNameFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}-${OWN_TAG}.${threadId}.${counter++}${TEMP_SUFFIX}`,
  );
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

/** Folders where this process is writing batches, for `removeOwnTempsSync`. */
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
