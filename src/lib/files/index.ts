/**
 * Writing files so that a crash, a kill or Ctrl-C never leaves half of one: write a temp file in
 * the same folder (mode 0600 from creation), fsync it, then publish it under its name and fsync
 * the folder. `replace: true` publishes with rename (the old file or the new one, never half of
 * either); `replace: false` never replaces anything: a hard link fails with EEXIST where rename
 * would overwrite. A leaf area: errors are the caller's to translate (the errno code is kept).
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface WriteOptions {
  /** File mode at creation (default 0600: key files and secrets). */
  mode?: number;
  /** Replace an existing file (default true); false fails with EEXIST instead. */
  replace?: boolean;
}

/** A hidden temp name next to `file`, unique per call. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
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

export async function writeFileAtomic(file: string, data: Uint8Array, o: WriteOptions = {}): Promise<void> {
  const tmp = tempPathFor(file);
  const fh = await open(tmp, 'wx', o.mode ?? 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  try {
    if (o.replace === false) await linkOrReserve(tmp, file);
    else await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  if (o.replace === false) await rm(tmp, { force: true });
  await syncDir(path.dirname(file));
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * FAT and exFAT USB sticks have no hard links: there the name is reserved with an exclusive
 * create and the temp file renamed over our own (empty) reservation, still never over a file
 * somebody else made.
 */
async function linkOrReserve(tmp: string, file: string): Promise<void> {
  try {
    await link(tmp, file);
    return;
  } catch (e) {
    if (!NO_HARD_LINKS.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  }
  const reserved = await open(file, 'wx', 0o600);
  await reserved.close();
  await rename(tmp, file);
}
