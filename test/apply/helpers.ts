/**
 * Shared pieces of the key-application tests: images, an isolated user (config dir, HOME, key
 * folder), and a CLI child that can be fed stdin later or killed mid-flight (crash tests).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { runCli, spawnCli as spawnProcess, type LiveCli } from '../helpers/cli.js';

export const KEY_PASSWORD = 'Key-pass-123!';

/** A 1×1 PNG (signature, IHDR, IDAT, IEND; CRCs are not checked by anyone here). */
export function png(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** The start of a JPEG (SOI + APP0 JFIF) padded to `size` bytes. */
export function jpeg(size = 2048): Buffer {
  const head = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');
  const b = Buffer.alloc(Math.max(size, head.length + 2));
  head.copy(b);
  b[b.length - 2] = 0xff;
  b[b.length - 1] = 0xd9;
  return b;
}

export interface User {
  root: string;
  config: string;
  home: string;
  keys: string;
  photo: string;
  selfie: string;
  env: Record<string, string>;
}

/** `key apply` for a person with this user's photo and selfie, plus any other flags. */
export const applyArgs = (p: { pinfl: string; phone: string }, u: User, ...extra: string[]): string[] => [
  'key',
  'apply',
  ...['--pinfl', p.pinfl, '--phone', p.phone, '--photo', u.photo, '--selfie', u.selfie],
  ...extra,
];

export function newUser(portal: string): User {
  const root = tempFolder();
  const config = path.join(root, 'config');
  const home = path.join(root, 'home');
  const keys = path.join(root, 'stick', 'DSKEYS');
  for (const d of [config, home]) mkdirSync(d, { recursive: true });
  const photo = path.join(root, 'photo.png');
  const selfie = path.join(root, 'selfie.jpg');
  writeFileSync(photo, png());
  writeFileSync(selfie, jpeg());
  return {
    root,
    config,
    home,
    keys,
    photo,
    selfie,
    env: {
      ONEID_CONFIG_DIR: config,
      HOME: home,
      ONEID_KEYS_PATH: keys,
      ONEID_KEYS_SYSTEM_ROOTS: '0',
      ONEID_PORTAL: portal,
      ONEID_KEY_PASSWORD: KEY_PASSWORD,
    },
  };
}

export function cli(
  u: User,
  args: string[],
  extra: { env?: Record<string, string | undefined>; input?: string } = {},
) {
  return runCli(args, { env: { ...u.env, ...extra.env }, input: extra.input });
}

export type { LiveCli } from '../helpers/cli.js';

const folders: string[] = [];
process.once('exit', () => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** A temporary folder removed when the test process exits. */
export function tempFolder(prefix = 'oneid-apply-'): string {
  const f = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(f);
  return f;
}

/** A CLI child whose stdin stays open (SMS code typed later) and that a test may SIGKILL. */
export function spawnCli(u: User, args: string[], env: Record<string, string> = {}): LiveCli {
  return spawnProcess(args, { env: { ...u.env, ...env }, input: 'open', timeoutMs: 600_000 });
}

/** Poll `fn` until it returns a value (or fail after `ms`). */
export async function until<T>(
  fn: () => Promise<T | undefined> | T | undefined,
  ms = 20_000,
  what = 'condition',
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== null && (v as unknown) !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function readState(u: User, id: string): any {
  try {
    return JSON.parse(readFileSync(path.join(u.config, 'applications', `${id}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The only application this user has made (undefined until its state file exists). */
export function onlyState(u: User): any {
  let names: string[];
  try {
    names = readdirSync(path.join(u.config, 'applications')).filter(
      (n) => n.endsWith('.json') && !n.startsWith('.'),
    );
  } catch {
    return undefined;
  }
  return names.length === 1 ? readState(u, names[0]!.slice(0, -5)) : undefined;
}
