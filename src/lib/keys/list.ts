/**
 * `key list` without a password: every `.pfx` in every disk, described from its unencrypted
 * certificate bag, or from the E-IMZO alias when the certificates are encrypted (OpenSSL's
 * default). Unreadable or malformed files become problems in the result, never a failure.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isOneIdError, type Params } from '../errors/index.js';
import {
  daysLeft,
  daysUntil,
  parseAlias,
  readPfxPublic,
  validityState,
  type Certificate,
  type ParsedAlias,
  type PfxPublicInfo,
  type ValidityState,
} from '../pki/index.js';
import { keyFolders, keyRoots, type DiscoveryOptions, type KeyRoot } from './roots.js';

export interface KeySummary {
  /** Absolute path of the `.pfx` file. */
  path: string;
  /** The root (disk) it was found under. */
  disk: string;
  alias?: string;
  /** Where the details come from: the certificate itself, or only the alias. */
  source: 'certificate' | 'alias' | 'none';
  owner?: string;
  pinfl?: string;
  /** Legal-entity TIN (1.2.860.3.16.1.1). */
  tin?: string;
  /** UID: the individual's TIN. */
  uid?: string;
  organization?: string;
  title?: string;
  serial?: string;
  issuer?: string;
  /** `RSA`, `EC`, `OZDST-1092`; unknown when only the alias could be read. */
  algorithm?: string;
  curve?: string;
  bits?: number;
  validFrom?: string;
  validTo?: string;
  daysLeft?: number;
  state?: ValidityState;
  /** What needs the password to read (e.g. `certificates`). */
  unreadable: string[];
}

export interface KeyProblem {
  path: string;
  /** Stable code: `KEY_FILE_UNREADABLE`, `PFX_MALFORMED`, … */
  code: string;
  /** i18n key and parameters of the reason (the CLI renders it in the user's language). */
  key: string;
  params: Params;
}

export interface KeyListing {
  roots: KeyRoot[];
  keys: KeySummary[];
  problems: KeyProblem[];
}

/** Every `.pfx` path in the disks of the given roots, deduplicated and sorted. */
export async function findKeyFiles(roots: KeyRoot[]): Promise<Array<{ path: string; disk: string }>> {
  const seen = new Set<string>();
  const out: Array<{ path: string; disk: string }> = [];
  for (const root of roots) {
    if (!root.exists) continue;
    for (const folder of await keyFolders(root.path)) {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (!e.name.toLowerCase().endsWith('.pfx') || e.isDirectory()) continue;
        const p = path.join(folder, e.name);
        if (seen.has(p)) continue;
        seen.add(p);
        out.push({ path: p, disk: root.path });
      }
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function fromCertificate(s: KeySummary, cert: Certificate, now: Date): void {
  s.source = 'certificate';
  s.owner = cert.identity.cn;
  s.pinfl = cert.identity.pinfl;
  s.tin = cert.identity.tin;
  s.uid = cert.identity.uid;
  s.organization = cert.identity.o;
  s.title = cert.identity.t;
  s.serial = cert.serialHex;
  s.issuer = cert.issuer.attributes.find((a) => a.type === 'CN')?.value ?? cert.issuer.text;
  s.algorithm = cert.publicKeyAlgorithm.name;
  s.curve = cert.publicKeyAlgorithm.curve;
  s.bits = cert.publicKeyAlgorithm.bits;
  s.validFrom = cert.notBefore.toISOString();
  s.validTo = cert.notAfter.toISOString();
  s.daysLeft = daysLeft(cert, now);
  s.state = validityState(cert, now);
}

function fromAlias(s: KeySummary, a: ParsedAlias, now: Date): void {
  if (!a.serialHex && !a.validTo && !a.cn) return;
  s.source = 'alias';
  s.owner = a.cn;
  s.pinfl = a.pinfl;
  s.tin = a.tin;
  s.uid = a.uid;
  s.organization = a.o;
  s.title = a.t;
  s.serial = a.serialHex;
  if (a.validFrom) s.validFrom = a.validFrom.toISOString();
  if (a.validTo) {
    s.validTo = a.validTo.toISOString();
    s.daysLeft = daysUntil(a.validTo, now);
  }
  if (a.validFrom && a.validTo) s.state = validityState({ notBefore: a.validFrom, notAfter: a.validTo }, now);
}

/** Describe one key file from what is readable without its password. */
export function summarizePfx(file: string, disk: string, info: PfxPublicInfo, now = new Date()): KeySummary {
  const s: KeySummary = { path: file, disk, alias: info.alias, source: 'none', unreadable: info.unreadable };
  if (info.certificate) fromCertificate(s, info.certificate, now);
  else if (info.alias) {
    try {
      fromAlias(s, parseAlias(info.alias), now);
    } catch {
      // an alias that is not E-IMZO-shaped: keep it as a name only
    }
  }
  return s;
}

export function problemFrom(file: string, e: unknown): KeyProblem {
  if (isOneIdError(e)) return { path: file, code: e.code, key: e.key, params: e.params };
  const code = (e as NodeJS.ErrnoException)?.code ?? 'ERROR';
  return { path: file, code: 'KEY_FILE_UNREADABLE', key: 'keys.error.unreadable', params: { reason: code } };
}

/** Larger than any real PKCS#12 key file (E-IMZO files are 3-10 KB). */
export const MAX_KEY_FILE_SIZE = 1 << 20;

function tooLarge(file: string, size: number): KeyProblem {
  return { path: file, code: 'KEY_FILE_TOO_LARGE', key: 'keys.error.tooLarge', params: { size } };
}

/** Run `fn` over `items` with at most `limit` in flight (file reads overlap, parsing stays cheap). */
async function pool<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function listKeys(opts: DiscoveryOptions & { now?: Date } = {}): Promise<KeyListing> {
  const roots = await keyRoots(opts);
  const files = await findKeyFiles(roots);
  const now = opts.now ?? new Date();
  const keys: KeySummary[] = [];
  const problems: KeyProblem[] = [];
  const results = await pool(files, 32, async (f) => {
    try {
      // Key files are a few KB; a huge file named .pfx (a renamed video…) is not read into memory.
      const { size } = await stat(f.path);
      if (size > MAX_KEY_FILE_SIZE) return tooLarge(f.path, size);
      const bytes = await readFile(f.path);
      return summarizePfx(f.path, f.disk, readPfxPublic(bytes), now);
    } catch (e) {
      return problemFrom(f.path, e);
    }
  });
  for (const r of results) {
    if ('source' in r) keys.push(r);
    else problems.push(r);
  }
  return { roots, keys, problems };
}
