/**
 * Where the new key file goes (seed step 3, "choose a disk/folder for the keys"). Candidates, in
 * order: each USB stick's `DSKEYS`, the configured roots and `ONEID_KEYS_PATH`, then `~/DSKEYS`.
 * The default is the first candidate; `--dir` chooses any folder. A root already named DSKEYS is
 * used as is; any other root gets a `DSKEYS` folder, where E-IMZO and `key list` look.
 */
import { mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

import { UsageError } from '../errors/index.js';
import { keyRoots, type KeyRoot } from '../keys/index.js';

export interface KeyFolderChoice {
  path: string;
  source: KeyRoot['source'] | 'flag';
  exists: boolean;
}

const dskeysOf = (root: string) =>
  path.basename(root).toUpperCase() === 'DSKEYS' ? root : path.join(root, 'DSKEYS');

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

export async function keyFolderCandidates(
  roots: string[] | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<KeyFolderChoice[]> {
  const found = await keyRoots({ roots, env });
  const rank = { removable: 0, configured: 1, env: 1, home: 2 } as const;
  const ordered = [...found].sort((a, b) => rank[a.source] - rank[b.source]);
  const out: KeyFolderChoice[] = [];
  for (const r of ordered) {
    const p = r.source === 'home' ? r.path : dskeysOf(r.path);
    if (out.some((c) => c.path === p)) continue;
    out.push({ path: p, source: r.source, exists: await isDir(p) });
  }
  if (out.length === 0) {
    // System roots turned off and nothing configured: still offer ~/DSKEYS.
    const home = path.join(env.HOME || env.USERPROFILE || homedir(), 'DSKEYS');
    out.push({ path: home, source: 'home', exists: await isDir(home) });
  }
  return out;
}

/** Create the folder when needed (0700: it holds private keys). */
export async function ensureKeyFolder(dir: string): Promise<string> {
  const abs = path.resolve(dir);
  try {
    await mkdir(abs, { recursive: true, mode: 0o700 });
    if (!(await isDir(abs))) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (e) {
    throw new UsageError('KEY_FOLDER_UNUSABLE', 'apply.error.folder', {
      params: { path: abs, reason: (e as NodeJS.ErrnoException).code ?? String(e) },
    });
  }
  return abs;
}
