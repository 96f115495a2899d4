/**
 * The key store: resolve what the user typed (`<file|alias|serial>`) to one key file, open it
 * with its password into a private key + certificate chain, and change its password safely.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { KeyUnusableError, UsageError } from '../errors/index.js';
import { normalSerialHex } from '../asn1/index.js';
import {
  changePfxPassword,
  readPfx,
  type Certificate,
  type PfxProtection,
  type PrivateKey,
} from '../pki/index.js';
import { writeFileAtomic } from '../files/index.js';
import { listKeys, MAX_KEY_FILE_SIZE, type KeySummary } from './list.js';
import type { DiscoveryOptions } from './roots.js';

export interface ResolvedKey {
  path: string;
  /** The listing entry when the reference was resolved through discovery. */
  summary?: KeySummary;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * A path (absolute, relative, or with a `.pfx` name) wins; otherwise the reference is matched
 * against discovered keys: serial number (hex), full alias, PINFL/TIN, file name, then a
 * unique part of the alias or owner name. Nothing → UsageError; several → UsageError listing them.
 */
export async function resolveKeyRef(ref: string, opts: DiscoveryOptions = {}): Promise<ResolvedKey> {
  const trimmed = ref.trim();
  if (trimmed === '') throw new UsageError('KEY_REF_EMPTY', 'keys.error.refEmpty');
  if (await isFile(trimmed)) return { path: path.resolve(trimmed) };
  const { keys } = await listKeys(opts);
  const low = trimmed.toLowerCase();
  const tiers: Array<(k: KeySummary) => boolean> = [
    (k) =>
      /^(0x)?[0-9a-f]+$/i.test(trimmed) &&
      k.serial !== undefined &&
      normalSerialHex(k.serial) === normalSerialHex(low),
    (k) => k.alias?.toLowerCase() === low,
    (k) => k.pinfl === trimmed || k.tin === trimmed || k.uid === trimmed,
    (k) => path.basename(k.path).toLowerCase() === low || path.basename(k.path, '.pfx').toLowerCase() === low,
    (k) => (k.alias?.toLowerCase().includes(low) ?? false) || (k.owner?.toLowerCase().includes(low) ?? false),
  ];
  for (const match of tiers) {
    const found = keys.filter(match);
    if (found.length === 1) return { path: found[0]!.path, summary: found[0] };
    if (found.length > 1) {
      throw new UsageError('KEY_REF_AMBIGUOUS', 'keys.error.refAmbiguous', {
        params: { ref: trimmed, count: found.length, paths: found.map((k) => k.path).join(', ') },
      });
    }
  }
  throw new UsageError('KEY_NOT_FOUND', 'keys.error.notFound', {
    params: { ref: trimmed },
    hintKey: 'keys.hint.notFound',
  });
}

export interface OpenedKey {
  privateKey: PrivateKey;
  certificate: Certificate;
  /** The certificate followed by its issuers from the file (leaf first). */
  chain: Certificate[];
  certificates: Certificate[];
  alias?: string;
  path: string;
  protection: PfxProtection;
}

export async function readKeyFile(file: string): Promise<Buffer> {
  try {
    const { size } = await stat(file);
    if (size > MAX_KEY_FILE_SIZE) {
      throw new KeyUnusableError('KEY_FILE_TOO_LARGE', 'keys.error.tooLarge', { params: { size } });
    }
    return await readFile(file);
  } catch (e) {
    if (e instanceof KeyUnusableError) throw e;
    throw new KeyUnusableError('KEY_FILE_UNREADABLE', 'keys.error.unreadableFile', {
      params: { path: file, reason: (e as NodeJS.ErrnoException).code ?? 'error' },
      cause: e,
    });
  }
}

/** The password, or a function asked only once the key file is found (so prompts come late). */
export type PasswordSource = string | (() => Promise<string>);

/** Resolve and open a key. Wrong password → KeyPasswordError (exit 4). */
export async function openKey(
  ref: string,
  password: PasswordSource,
  opts: DiscoveryOptions = {},
): Promise<OpenedKey> {
  const { path: file } = await resolveKeyRef(ref, opts);
  const bytes = await readKeyFile(file);
  const pw = typeof password === 'string' ? password : await password();
  const opened = readPfx(bytes, pw);
  return {
    privateKey: opened.privateKey,
    certificate: opened.certificate,
    chain: opened.chain,
    certificates: opened.certificates,
    alias: opened.alias,
    path: file,
    protection: opened.protection,
  };
}

export interface ChangePasswordResult {
  path: string;
  backup?: string;
  legacy: boolean;
}

/**
 * Change a key file's password. The old password is checked and the new file is built and
 * re-opened in memory before anything touches the disk; then a `.bak` copy (unless disabled)
 * and an atomic replace. Wrong old password → KeyPasswordError and nothing is written.
 */
export async function changeKeyPassword(
  file: string,
  oldPassword: string,
  newPassword: string,
  opts: { backup?: boolean; legacy?: boolean } = {},
): Promise<ChangePasswordResult> {
  const bytes = await readKeyFile(file);
  const updated = changePfxPassword(bytes, oldPassword, newPassword, { legacy: opts.legacy });
  const check = readPfx(updated, newPassword); // never replace a key with something we cannot open
  const legacy = check.protection.keys[0]?.scheme !== 'PBES2';
  let backup: string | undefined;
  try {
    if (opts.backup !== false) {
      backup = `${file}.bak`;
      await writeFileAtomic(backup, bytes);
    }
    await writeFileAtomic(file, updated);
  } catch (e) {
    throw new KeyUnusableError('KEY_WRITE_FAILED', 'keys.error.writeFailed', {
      params: { path: file, reason: (e as NodeJS.ErrnoException).code ?? 'error' },
      cause: e,
    });
  }
  return { path: file, backup, legacy };
}

/** Write a new key file atomically (mode 0600); refuses to overwrite unless `force`. */
export async function saveKeyFile(
  file: string,
  pfx: Uint8Array,
  opts: { force?: boolean } = {},
): Promise<void> {
  if (!opts.force && (await isFile(file))) {
    throw new UsageError('KEY_EXISTS', 'keys.error.exists', { params: { path: file } });
  }
  try {
    await writeFileAtomic(file, pfx);
  } catch (e) {
    throw new KeyUnusableError('KEY_WRITE_FAILED', 'keys.error.writeFailed', {
      params: { path: file, reason: (e as NodeJS.ErrnoException).code ?? 'error' },
      cause: e,
    });
  }
}
