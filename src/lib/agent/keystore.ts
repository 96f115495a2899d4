/**
 * The agent's keys: the listing pages see (disks, certificates and their E-IMZO aliases, read
 * without a password), the opaque handles `load_key` hands out, and the unlocked keys. An
 * unlocked key is the opened signer (a KeyObject, or the O'z DSt scalar) in this process's memory
 * only; it is dropped at its expiry, on `lock`, when its signature budget is spent, and when the
 * process ends. Nothing here ever returns key material.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { KeyUnusableError } from '../errors/index.js';
import { findKeyFiles, keyRoots, readKeyFile, type DiscoveryOptions } from '../keys/index.js';
import { aliasFor, parseAlias, readPfx, readPfxPublic } from '../pki/index.js';
import { assertUsableForSigning, openSigner, signerKeyOf, type Signer } from '../sign/index.js';
import type { UnlockedKeyView } from './contract.js';
import { Refusal } from './refusal.js';

/** One key as `pfx.list_certificates` shows it. */
export interface ListedKey {
  /** The disk's label (the root folder's name, never its full path: pages do not learn it). */
  disk: string;
  /** Folder on the disk: `` (the root) or `DSKEYS`. */
  path: string;
  /** File name without `.pfx`. */
  name: string;
  alias: string;
  /** Where it really is (not sent to pages). */
  file: string;
  serial: string;
}

export interface UnlockOptions {
  forMs: number;
  /** Sites allowed to use it; empty = every allowed site. */
  origins: string[];
  maxSignatures?: number;
  source: 'cli' | 'page';
}

interface Unlocked extends UnlockOptions {
  file: string;
  signer: Signer;
  certificates: Buffer[];
  serial: string;
  owner?: string;
  expiresAt: number;
  signatures: number;
  timer: NodeJS.Timeout;
}

interface Handle {
  file: string;
  origin: string;
  serial: string;
  name: string;
}

/** An alias the vendor's client can read: the file's own when E-IMZO-shaped, else the certificate's. */
function vendorAlias(
  fileAlias: string | undefined,
  cert: Parameters<typeof aliasFor>[0] | undefined,
): string | undefined {
  if (fileAlias) {
    try {
      const a = parseAlias(fileAlias);
      if (a.serialHex && a.validTo) return fileAlias.toLowerCase();
    } catch {
      // not E-IMZO-shaped: fall back to the certificate
    }
  }
  return cert ? aliasFor(cert) : undefined;
}

export class KeyStore {
  private readonly handles = new Map<string, Handle>();
  private readonly unlocked = new Map<string, Unlocked>();

  constructor(private readonly discovery: DiscoveryOptions) {}

  /** Disks: existing roots, labelled by their folder name (made unique). */
  async disks(): Promise<Array<{ label: string; root: string }>> {
    const out: Array<{ label: string; root: string }> = [];
    for (const r of await keyRoots(this.discovery)) {
      if (!r.exists) continue;
      const base = path.basename(r.path) || r.path;
      let label = base;
      for (let n = 2; out.some((d) => d.label === label); n++) label = `${base} (${n})`;
      out.push({ label, root: r.path });
    }
    return out;
  }

  /** Keys of one disk (by label) or of all; files without a readable alias are left out. */
  async list(disk?: string): Promise<ListedKey[]> {
    const disks = (await this.disks()).filter((d) => disk === undefined || d.label === disk);
    const out: ListedKey[] = [];
    for (const d of disks) {
      const files = await findKeyFiles([{ path: d.root, source: 'configured', exists: true }]);
      for (const f of files) {
        try {
          const info = readPfxPublic(await readKeyFile(f.path));
          const alias = vendorAlias(info.alias, info.certificate);
          if (!alias) continue;
          const rel = path.relative(d.root, path.dirname(f.path));
          out.push({
            disk: d.label,
            path: rel.split(path.sep).join('/'),
            name: path.basename(f.path).replace(/\.pfx$/i, ''),
            alias,
            file: f.path,
            serial: info.certificate?.serialHex ?? parseAlias(alias).serialHex ?? '',
          });
        } catch {
          // unreadable or damaged files are not offered to pages (`oneid key list` reports them)
        }
      }
    }
    return out;
  }

  /** `load_key`: a fresh random handle for one key, valid for the site that asked. */
  async load(origin: string, disk: string, folder: string, name: string, alias?: string): Promise<string> {
    const key = (await this.list(disk)).find(
      (k) =>
        k.path === folder.replace(/\\/g, '/') &&
        k.name.toLowerCase() === name.toLowerCase() &&
        (!alias || k.alias === alias.toLowerCase()),
    );
    if (!key) throw new Refusal('agent.reason.keyNotFound', { name });
    const id = randomBytes(16).toString('hex');
    this.handles.set(id, { file: key.file, origin, serial: key.serial, name: key.name });
    return id;
  }

  /** The key a handle names, for the site that holds it. */
  handle(origin: string, keyId: unknown): Handle {
    const h = typeof keyId === 'string' ? this.handles.get(keyId) : undefined;
    if (!h || h.origin !== origin) throw new Refusal('agent.reason.badKeyId');
    return h;
  }

  unload(origin: string, keyId: unknown): void {
    const h = this.handle(origin, keyId);
    this.handles.delete(keyId as string);
    // A key a page's dialog unlocked ends with the page's handle; one unlocked on the CLI stays.
    const u = this.unlocked.get(h.file);
    if (u?.source === 'page' && ![...this.handles.values()].some((x) => x.file === h.file)) this.drop(h.file);
  }

  /** Open a key file with its password and keep its signer. Wrong password → KeyPasswordError. */
  async unlock(file: string, password: string, o: UnlockOptions): Promise<UnlockedKeyView> {
    const opened = readPfx(await readKeyFile(file), password);
    assertUsableForSigning(opened.certificate.raw);
    const signer = openSigner(signerKeyOf(opened));
    // A page's dialog while the key is unlocked (from the CLI) for other sites only: the password
    // was right, so this site joins them under the existing time and budget.
    const existing = this.unlocked.get(file);
    if (o.source === 'page' && existing && existing.origins.length > 0 && Date.now() < existing.expiresAt) {
      for (const origin of o.origins) if (!existing.origins.includes(origin)) existing.origins.push(origin);
      return view(existing);
    }
    this.drop(file);
    const expiresAt = Date.now() + o.forMs;
    const timer = setTimeout(() => this.drop(file), o.forMs);
    timer.unref();
    const entry: Unlocked = {
      ...o,
      file,
      signer,
      certificates: opened.chain.map((c) => Buffer.from(c.raw)),
      serial: opened.certificate.serialHex,
      owner: opened.certificate.identity.cn,
      expiresAt,
      signatures: 0,
      timer,
    };
    // A CLI unlock replaces what was there (new time, budget and sites).
    this.unlocked.set(file, entry);
    return view(entry);
  }

  /** The unlocked signer of a handle for this site, or undefined (locked, expired, not for this site). */
  signerFor(origin: string, file: string): Unlocked | undefined {
    const u = this.unlocked.get(file);
    if (!u) return undefined;
    if (Date.now() >= u.expiresAt) {
      this.drop(file);
      return undefined;
    }
    if (u.origins.length > 0 && !u.origins.includes(origin)) return undefined;
    return u;
  }

  /** Count one signature; the key is dropped once its budget is spent. */
  counted(u: Unlocked): void {
    u.signatures++;
    if (u.maxSignatures !== undefined && u.signatures >= u.maxSignatures) this.drop(u.file);
  }

  /** Before signing: the budget may have been spent by a request that ran meanwhile. */
  stillUnlocked(u: Unlocked): boolean {
    return this.unlocked.get(u.file) === u && Date.now() < u.expiresAt;
  }

  /** Certificates of a key: from the unlocked key, else what the file shows without a password. */
  async chain(file: string): Promise<Buffer[]> {
    const u = this.unlocked.get(file);
    if (u) return u.certificates;
    const info = readPfxPublic(await readKeyFile(file));
    if (!info.certificate) throw new KeyUnusableError('AGENT_CHAIN_HIDDEN', 'agent.reason.chainHidden');
    const rest = info.certificates.filter((c) => c !== info.certificate);
    return [info.certificate, ...rest].map((c) => Buffer.from(c.raw));
  }

  /** Lock one key (by file) or all; returns how many were unlocked. */
  lock(file?: string): number {
    if (file !== undefined) return this.drop(file) ? 1 : 0;
    const n = this.unlocked.size;
    for (const f of [...this.unlocked.keys()]) this.drop(f);
    return n;
  }

  views(): UnlockedKeyView[] {
    const now = Date.now();
    for (const [f, u] of this.unlocked) if (now >= u.expiresAt) this.drop(f);
    return [...this.unlocked.values()].map(view);
  }

  private drop(file: string): boolean {
    const u = this.unlocked.get(file);
    if (!u) return false;
    clearTimeout(u.timer);
    this.unlocked.delete(file);
    // The signer object goes with the entry: nothing else holds the key.
    (u as Partial<Unlocked>).signer = undefined;
    return true;
  }
}

function view(u: Unlocked): UnlockedKeyView {
  return {
    path: u.file,
    owner: u.owner,
    serial: u.serial,
    secondsLeft: Math.max(0, Math.round((u.expiresAt - Date.now()) / 1000)),
    origins: [...u.origins],
    signatures: u.signatures,
    maxSignatures: u.maxSignatures,
    source: u.source,
  };
}
