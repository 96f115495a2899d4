/**
 * The demo's private world: one temporary folder holding the config dir, a fake HOME, the key
 * folder, the sandbox data dir, the secrets and the documents. Everything the demo creates lives
 * there, so cleaning up is one stop of the sandbox and one recursive remove; `--keep DIR` copies
 * the documents, signatures, keys and CA certificate out first.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The password of the demo account and of its keys: demo values, written to 0600 files only. */
const ACCOUNT_PASSWORD = 'Demo-pass#2024';
const KEY_PASSWORD = 'Demo-key#2024';

/** A 1×1 PNG and a minimal JPEG (SOI, APP0 JFIF, padding, EOI): what the portal's image checks accept. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(2000),
  Buffer.from('ffd9', 'hex'),
]);

export class Workspace {
  readonly root = mkdtempSync(path.join(tmpdir(), 'oneid-demo-'));
  readonly config = path.join(this.root, 'config');
  readonly home = path.join(this.root, 'home');
  readonly keys = path.join(this.root, 'keys');
  readonly sandbox = path.join(this.root, 'sandbox');
  readonly documents = path.join(this.root, 'documents');
  readonly secrets = path.join(this.root, 'secrets');
  /** Relative to `root`, the working directory of every command (short, pasteable lines). */
  readonly rel = {
    passwordFile: path.join('secrets', 'password'),
    keyPasswordFile: path.join('secrets', 'key-password'),
    photo: 'photo.jpg',
    selfie: 'selfie.png',
    keys: 'keys',
    documents: 'documents',
    ca: 'root-ca.pem',
  };

  constructor() {
    for (const d of [this.config, this.home, this.documents]) mkdirSync(d, { recursive: true });
    mkdirSync(this.secrets, { mode: 0o700 });
    writeFileSync(this.at(this.rel.passwordFile), `${ACCOUNT_PASSWORD}\n`, { mode: 0o600 });
    writeFileSync(this.at(this.rel.keyPasswordFile), `${KEY_PASSWORD}\n`, { mode: 0o600 });
    writeFileSync(this.at(this.rel.photo), JPEG);
    writeFileSync(this.at(this.rel.selfie), PNG);
  }

  at(rel: string): string {
    return path.resolve(this.root, rel);
  }

  /** A path as the commands see it: relative to the working directory when inside it. */
  relative(abs: string): string {
    const r = path.relative(this.root, abs);
    return r.startsWith('..') || path.isAbsolute(r) ? abs : r;
  }

  /**
   * The environment of every command: this workspace only, never the user's config, keys,
   * keychain sessions or tokens.
   */
  env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ONEID_CONFIG_DIR: this.config,
      HOME: this.home,
      ONEID_KEYS_PATH: this.keys,
      ONEID_KEYS_SYSTEM_ROOTS: '0',
      ONEID_SANDBOX_DATA: this.sandbox,
      ONEID_NO_PROMPT: '1',
      ONEID_LANG: 'en',
    };
    for (const k of ['ONEID_TOKEN', 'ONEID_PROFILE', 'ONEID_PASSWORD', 'ONEID_KEY_PASSWORD', 'ONEID_PORTAL'])
      delete env[k];
    return env;
  }

  /** `count` small text documents named doc-0001.txt …, returned relative to the root. */
  generateDocuments(count: number): string[] {
    const width = Math.max(4, String(count).length);
    const names: string[] = [];
    for (let i = 1; i <= count; i++) {
      const name = `doc-${String(i).padStart(width, '0')}.txt`;
      const amount = ((i * 7919) % 100_000) * 1000;
      writeFileSync(
        path.join(this.documents, name),
        `Invoice No. ${i}\nHisob-faktura / Счёт-фактура\nAmount: ${amount} UZS\nDate: 2026-01-${String((i % 28) + 1).padStart(2, '0')}\n`,
      );
      names.push(path.join(this.rel.documents, name));
    }
    return names;
  }

  /** Refuse a --keep folder that already has files, before anything runs. */
  static checkKeep(dir: string): string | undefined {
    if (existsSync(dir) && readdirSync(dir).length) return `--keep ${dir}: the folder is not empty`;
    return undefined;
  }

  /** Copy what the user asked to keep: documents with their signatures, the keys, the CA certificate. */
  keep(dir: string): void {
    mkdirSync(dir, { recursive: true });
    for (const rel of [this.rel.documents, this.rel.keys, this.rel.ca, this.rel.keyPasswordFile]) {
      const from = this.at(rel);
      if (existsSync(from)) cpSync(from, path.join(dir, rel), { recursive: true });
    }
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
