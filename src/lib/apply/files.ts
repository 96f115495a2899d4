/**
 * Creating key files that must never replace anything: write a temp file in the same folder,
 * fsync it, then hard-link it to the final name (link fails with EEXIST instead of overwriting,
 * which rename would do), drop the temp name, fsync the folder. A crash leaves at most a stray
 * `.tmp` file, never a half-written key. Mode 0600 from creation.
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

import { KeyUnusableError } from '../errors/index.js';

export class FileExistsError extends KeyUnusableError {}

async function syncDir(dir: string): Promise<void> {
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Directory fsync is not supported everywhere (Windows); the data itself was synced.
  }
}

export async function writeNewFile(file: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fail = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new FileExistsError('KEY_FILE_EXISTS', 'apply.error.fileExists', { params: { path: file } });
    throw new KeyUnusableError('KEY_WRITE_FAILED', 'apply.error.write', {
      params: { path: file, reason: code ?? String(e) },
      cause: e,
    });
  };
  let fh;
  try {
    fh = await open(tmp, 'wx', 0o600);
  } catch (e) {
    return fail(e);
  }
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await rm(tmp, { force: true });
    return fail(e);
  }
  await fh.close();
  try {
    await linkOrReserve(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    return fail(e);
  }
  await rm(tmp, { force: true });
  await syncDir(dir);
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
