/**
 * Where E-IMZO keys live (REFERENCES.md §2): removable-volume mounts, `~/DSKEYS`, configured
 * roots and `ONEID_KEYS_PATH`. Each root and its direct `DSKEYS` child is a "disk"; `.pfx`
 * files are read from those two folders only, never deeper.
 */
import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

import { removableMounts } from './removable.js';

export type RootSource = 'removable' | 'home' | 'configured' | 'env';

export interface KeyRoot {
  path: string;
  source: RootSource;
  /** The folder exists and is a directory. */
  exists: boolean;
}

export interface DiscoveryOptions {
  /** Configured roots (profile `key-roots`, already merged with flags by the caller). */
  roots?: string[];
  /** Environment for `ONEID_KEYS_PATH`, `ONEID_KEYS_SYSTEM_ROOTS` and HOME (default process.env). */
  env?: NodeJS.ProcessEnv;
  /**
   * Scan removable-volume mounts and `~/DSKEYS` (default true; `ONEID_KEYS_SYSTEM_ROOTS=0`
   * turns it off, which is how tests stay inside their temporary folders).
   */
  systemRoots?: boolean;
  /** Removable-volume mount points to use instead of scanning the platform's (tests). */
  mounts?: string[];
  platform?: NodeJS.Platform;
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

export function envRoots(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  const raw = env.ONEID_KEYS_PATH;
  if (!raw) return [];
  return raw.split(platform === 'win32' ? ';' : ':').filter((p) => p.trim() !== '');
}

export function systemRootsEnabled(opts: DiscoveryOptions): boolean {
  if (opts.systemRoots !== undefined) return opts.systemRoots;
  const v = (opts.env ?? process.env).ONEID_KEYS_SYSTEM_ROOTS;
  return !(v === '0' || v === 'false' || v === 'no');
}

/** Every root to scan, deduplicated, in a stable order (configured first). */
export async function keyRoots(opts: DiscoveryOptions = {}): Promise<KeyRoot[]> {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const wanted: Array<[string, RootSource]> = [
    ...(opts.roots ?? []).map((r): [string, RootSource] => [r, 'configured']),
    ...envRoots(env, platform).map((r): [string, RootSource] => [r, 'env']),
  ];
  if (systemRootsEnabled(opts)) {
    const home = env.HOME || env.USERPROFILE || homedir();
    wanted.push([path.join(home, 'DSKEYS'), 'home']);
    for (const m of opts.mounts ?? (await removableMounts({ platform, env }))) wanted.push([m, 'removable']);
  }
  const seen = new Set<string>();
  const out: KeyRoot[] = [];
  for (const [p, source] of wanted) {
    const abs = path.resolve(p);
    if (seen.has(abs)) continue;
    seen.add(abs);
    out.push({ path: abs, source, exists: await isDir(abs) });
  }
  return out;
}

/** The folders whose `.pfx` files count: each root and its `DSKEYS` child (any case). */
export async function keyFolders(root: string): Promise<string[]> {
  const folders = [root];
  try {
    for (const e of await readdir(root, { withFileTypes: true })) {
      if (e.name.toUpperCase() === 'DSKEYS' && (e.isDirectory() || e.isSymbolicLink()))
        folders.push(path.join(root, e.name));
    }
  } catch {
    // unreadable root: reported by the caller through `exists`/problems
  }
  return folders;
}
