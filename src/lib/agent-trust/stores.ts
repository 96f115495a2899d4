/**
 * The certificate stores browsers read, and the system tools that change them: on Linux the NSS
 * databases of Chromium/Chrome (`~/.pki/nssdb`) and of each Firefox profile, also in their snap
 * and flatpak homes, through `certutil` (libnss3-tools); on macOS the login keychain through
 * `security`. Windows is left to the user: the command to run is printed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { StorageError } from '../errors/index.js';

/** One place the CA goes into (or comes out of), and what happened there. */
export interface TrustStore {
  kind: 'nss' | 'keychain' | 'windows';
  /** The NSS database folder, the keychain file, or `Cert:\CurrentUser\Root`. */
  location: string;
  /** Who reads it: `chromium`, `firefox`, `chromium (snap)`, `firefox (flatpak)`, `macos`, `windows`… */
  reader: string;
  /**
   * `added` (also `created`: the database was made for it), `removed`, `absent` (nothing to
   * remove), `manual` (run `command` yourself), `failed` (see `error`).
   */
  action: 'added' | 'created' | 'removed' | 'absent' | 'manual' | 'failed';
  /** The command the user runs (Windows), or that undoes it there. */
  command?: string;
  error?: string;
}

interface ToolResult {
  code: number;
  output: string;
}

/** Run a system tool; a tool that is not installed is exit 9, with the package that brings it. */
function runTool(tool: string, args: string[], pkg?: string): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { timeout: 20_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT')
        return reject(
          new StorageError('TRUST_TOOL_MISSING', 'agentTrust.error.toolMissing', {
            params: { tool },
            ...(pkg ? { hintKey: 'agentTrust.hint.install', hintParams: { pkg } } : {}),
          }),
        );
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}`.trim() });
    });
  });
}

const CERTUTIL_PKG = 'libnss3-tools';
const certutil = (args: string[]) => runTool('certutil', args, CERTUTIL_PKG);

interface NssDatabase {
  dir: string;
  reader: string;
}

/** Folders right under `base` that hold an NSS sql database (Firefox profiles). */
function profilesUnder(base: string, reader: string): NssDatabase[] {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return [];
  }
  return names
    .map((n) => path.join(base, n))
    .filter((d) => existsSync(path.join(d, 'cert9.db')))
    .map((dir) => ({ dir, reader }));
}

/** Chromium's own database first (made when absent), then every other that exists. */
export function nssDatabases(home: string): NssDatabase[] {
  const chromium = (dir: string, reader: string) =>
    existsSync(path.join(dir, 'cert9.db')) ? [{ dir, reader }] : [];
  return [
    { dir: path.join(home, '.pki', 'nssdb'), reader: 'chromium' },
    ...chromium(path.join(home, 'snap', 'chromium', 'current', '.pki', 'nssdb'), 'chromium (snap)'),
    ...chromium(
      path.join(home, '.var', 'app', 'org.chromium.Chromium', '.pki', 'nssdb'),
      'chromium (flatpak)',
    ),
    ...chromium(path.join(home, '.var', 'app', 'com.google.Chrome', '.pki', 'nssdb'), 'chrome (flatpak)'),
    ...profilesUnder(path.join(home, '.mozilla', 'firefox'), 'firefox'),
    ...profilesUnder(path.join(home, 'snap', 'firefox', 'common', '.mozilla', 'firefox'), 'firefox (snap)'),
    ...profilesUnder(
      path.join(home, '.var', 'app', 'org.mozilla.firefox', '.mozilla', 'firefox'),
      'firefox (flatpak)',
    ),
  ];
}

const sql = (dir: string) => `sql:${dir}`;

/** Remove every certificate under the nickname (a database may hold several); how many went. */
async function removeNickname(dir: string, nickname: string): Promise<number> {
  let removed = 0;
  // Bounded: each round removes one certificate, and a database holds a handful at most.
  for (let i = 0; i < 50; i++) {
    if ((await certutil(['-D', '-d', sql(dir), '-n', nickname])).code !== 0) break;
    removed++;
  }
  return removed;
}

/** Is the nickname in the database? */
export async function nssHas(dir: string, nickname: string): Promise<boolean> {
  return (await certutil(['-L', '-d', sql(dir), '-n', nickname])).code === 0;
}

/** Put the CA (trusted for TLS servers only: `C,,`) into each database, replacing an older one. */
export async function installNss(home: string, nickname: string, caFile: string): Promise<TrustStore[]> {
  const out: TrustStore[] = [];
  for (const db of nssDatabases(home)) {
    const store: TrustStore = { kind: 'nss', location: db.dir, reader: db.reader, action: 'added' };
    out.push(store);
    if (!existsSync(path.join(db.dir, 'cert9.db'))) {
      mkdirSync(db.dir, { recursive: true, mode: 0o700 });
      const made = await certutil(['-N', '-d', sql(db.dir), '--empty-password']);
      if (made.code !== 0) {
        Object.assign(store, { action: 'failed', error: made.output });
        continue;
      }
      store.action = 'created';
    }
    await removeNickname(db.dir, nickname);
    const added = await certutil(['-A', '-d', sql(db.dir), '-t', 'C,,', '-n', nickname, '-i', caFile]);
    if (added.code !== 0) Object.assign(store, { action: 'failed', error: added.output });
  }
  return out;
}

/** Take the nickname out of every database (none is created). */
export async function uninstallNss(home: string, nickname: string): Promise<TrustStore[]> {
  const out: TrustStore[] = [];
  for (const db of nssDatabases(home)) {
    if (!existsSync(path.join(db.dir, 'cert9.db'))) continue;
    const removed = await removeNickname(db.dir, nickname);
    const left = removed > 0 && (await nssHas(db.dir, nickname));
    out.push({
      kind: 'nss',
      location: db.dir,
      reader: db.reader,
      action: left ? 'failed' : removed > 0 ? 'removed' : 'absent',
    });
  }
  return out;
}

// Part of macOS itself: no package to name.
const security = (args: string[]) => runTool('security', args);

/**
 * Fails (exit 9; on Linux naming the apt package) before anything is written when the tool that
 * changes the platform's stores is missing. Windows: nothing is run.
 */
export async function assertStoreTool(platform: NodeJS.Platform): Promise<void> {
  if (platform === 'darwin') await security(['help']);
  else if (platform !== 'win32') await certutil(['-H']);
}

/** macOS: the login keychain, trusted as a root for SSL only (the system asks for the password). */
export async function installKeychain(
  home: string,
  caFile: string,
  previousSha1: string | undefined,
): Promise<TrustStore[]> {
  const keychain = path.join(home, 'Library', 'Keychains', 'login.keychain-db');
  if (previousSha1) await security(['delete-certificate', '-Z', previousSha1, '-t', keychain]);
  const r = await security(['add-trusted-cert', '-r', 'trustRoot', '-p', 'ssl', '-k', keychain, caFile]);
  return [
    {
      kind: 'keychain',
      location: keychain,
      reader: 'macos',
      ...(r.code === 0 ? { action: 'added' as const } : { action: 'failed' as const, error: r.output }),
    },
  ];
}

export async function uninstallKeychain(home: string, sha1: string | undefined): Promise<TrustStore[]> {
  const keychain = path.join(home, 'Library', 'Keychains', 'login.keychain-db');
  if (!sha1) return [{ kind: 'keychain', location: keychain, reader: 'macos', action: 'absent' }];
  const r = await security(['delete-certificate', '-Z', sha1, '-t', keychain]);
  return [
    { kind: 'keychain', location: keychain, reader: 'macos', action: r.code === 0 ? 'removed' : 'absent' },
  ];
}

const WINDOWS_ROOT = 'Cert:\\CurrentUser\\Root';

/** Windows: the commands for the user's Root store (certutil.exe asks for confirmation itself). */
export function windowsInstall(caFile: string): TrustStore[] {
  return [
    {
      kind: 'windows',
      location: WINDOWS_ROOT,
      reader: 'windows',
      action: 'manual',
      command: `certutil.exe -user -addstore Root "${caFile}"`,
    },
  ];
}

export function windowsUninstall(serialHex: string | undefined): TrustStore[] {
  return serialHex
    ? [
        {
          kind: 'windows',
          location: WINDOWS_ROOT,
          reader: 'windows',
          action: 'manual',
          command: `certutil.exe -user -delstore Root ${serialHex}`,
        },
      ]
    : [];
}
