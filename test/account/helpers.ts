/**
 * Shared by the account CLI tests: identities picked from the sandbox registries, the CLI run as
 * a process with stdin kept open until a value is ready (the SMS code after the SMS is sent),
 * and signature keys really issued by the sandbox CA through the online key application.
 */
import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { buildPkcs10, generatePrivateKey, writePfx, type PrivateKey } from '../../src/lib/pki/index.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { runCommand } from '../helpers/run-command.js';
import type { SandboxHandle } from '../helpers/sandbox.js';
import { applyForKey } from '../sandbox/flows.js';

export interface Person {
  pinfl: string;
  passport: string;
  phone: string;
  kind: 'citizen' | 'foreign' | 'stateless';
  passport_expiry_date: string;
  surname: string;
  first_name: string;
}

export interface Company {
  tin: string;
  name: string;
  director_pinfl: string;
  roles: Array<{ pinfl: string; role: string }>;
}

export interface Registry {
  persons: Person[];
  companies: Company[];
}

export async function registry(sb: SandboxHandle): Promise<Registry> {
  const r = await sb.request('GET', '/api/v1/sandbox/registry');
  assert.equal(r.status, 200);
  return r.body as Registry;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Hands out registry people once each, so tests never collide on a PINFL. */
export class People {
  private used = new Set<string>();
  constructor(private readonly reg: Registry) {}

  private staff(): Set<string> {
    return new Set(this.reg.companies.flatMap((c) => c.roles.map((r) => r.pinfl)));
  }

  take(filter: (p: Person) => boolean): Person {
    const p = this.reg.persons.find((x) => !this.used.has(x.pinfl) && filter(x));
    assert.ok(p, 'no such person left in the sandbox registry');
    this.used.add(p.pinfl);
    return p;
  }

  /** A citizen with a valid passport who is nobody's staff. */
  citizen(): Person {
    const staff = this.staff();
    return this.take((p) => p.kind === 'citizen' && p.passport_expiry_date > today() && !staff.has(p.pinfl));
  }

  expiredPassport(): Person {
    return this.take((p) => p.kind === 'citizen' && p.passport_expiry_date <= today());
  }

  foreigner(): Person {
    return this.take((p) => p.kind === 'foreign' || p.kind === 'stateless');
  }

  /** A company whose director is a citizen with a valid passport, and that director. */
  director(): { company: Company; person: Person } {
    for (const company of this.reg.companies) {
      const person = this.reg.persons.find((p) => p.pinfl === company.director_pinfl);
      if (
        !person ||
        this.used.has(person.pinfl) ||
        person.kind !== 'citizen' ||
        person.passport_expiry_date <= today()
      )
        continue;
      this.used.add(person.pinfl);
      return { company, person };
    }
    assert.fail('no company with a usable director in the sandbox registry');
  }
}

let phoneSeq = 0;
/** A distinct valid mobile number per call (registration contacts need not match the registry). */
export function freshPhone(): string {
  phoneSeq++;
  return `+99890${String((process.pid * 100 + phoneSeq) % 10_000_000).padStart(7, '0')}`;
}

let loginSeq = 0;
export const freshLogin = (stem = 'user'): string => `${stem}${process.pid % 10_000}x${++loginSeq}`;

export const PASSWORD = 'Secret-pass1';
export const KEY_PASSWORD = 'key-Pass#2024';

/** A folder with a file holding `text` (secrets for --*-file flags). */
export function secretFile(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-acct-'));
  const file = path.join(dir, 'secret');
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return file;
}

export interface Run {
  /** Environment of every run of this user: portal, config dir, key roots. */
  env: Record<string, string | undefined>;
}

/**
 * Run the CLI as a process. `feed` is awaited while the process runs and its result written to
 * stdin, which is then closed (how a script pipes an SMS code that exists only after the SMS).
 */
export function cli(
  args: string[],
  opts: { env?: Record<string, string | undefined>; feed?: () => Promise<string> } = {},
): Promise<CliResult> {
  return runCli(args, {
    env: { ONEID_KEYS_SYSTEM_ROOTS: '0', ONEID_PASSWORD: undefined, ...opts.env },
    input: opts.feed,
  });
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Run a command in-process (test/helpers/run-command.ts) with the environment `cli` gives a
 * process; one at a time, since runs share process.env. `answers` make the terminal interactive.
 */
export function inProcess(
  args: string[],
  o: { env?: Record<string, string | undefined>; answers?: Array<string | boolean | number> } = {},
): Promise<CliResult & { asked: string[] }> {
  const env = { ONEID_KEYS_SYSTEM_ROOTS: '0', ONEID_PASSWORD: undefined, ...o.env };
  const run = queue.then(() => runCommand(args, { env, answers: o.answers }));
  queue = run.catch(() => undefined);
  return run;
}

/** Wait for a new SMS to `phone` (newer than `before`) and return its 6-digit code. */
export async function nextSmsCode(
  sb: SandboxHandle,
  phone: string,
  before: string | undefined,
): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const text = await sb.lastSms(phone);
    if (text && text !== before) {
      const code = /\b(\d{6})\b/.exec(text)?.[1];
      if (code) return code;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no SMS to ${phone}`);
}

/** `feed` for --sms-code-stdin: the code of the next SMS to `phone` (optionally altered). */
export async function smsFeed(
  sb: SandboxHandle,
  phone: string,
  alter = (c: string) => c,
): Promise<() => Promise<string>> {
  const before = await sb.lastSms(phone);
  return async () => alter(await nextSmsCode(sb, phone, before)) + '\n';
}

/** The flags of a complete scripted registration by passport. */
export function registerArgs(p: Person, login: string, phone: string, passwordFile: string): string[] {
  return [
    'register',
    '--accept-offer',
    '--pinfl',
    p.pinfl,
    '--passport',
    p.passport,
    '--yes',
    '--login',
    login,
    '--email',
    `${login}@example.uz`,
    '--phone',
    phone,
    '--password-file',
    passwordFile,
    '--sms-code-stdin',
  ];
}

/** A 1×1 PNG, and a JPEG (SOI, APP0 JFIF, padding, EOI): what the photo checks accept. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG = Buffer.concat([
  Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  Buffer.alloc(2000),
  Buffer.from('ffd9', 'hex'),
]);

/**
 * A key issued by the sandbox CA through the online key application (start, SMS, PKCS#10,
 * photo and selfie, invoice paid, approved), written as a PFX into `<root>/DSKEYS/<name>.pfx`.
 */
export async function issueKey(
  sb: SandboxHandle,
  who: { type: 'individual'; pinfl: string; phone: string } | { type: 'legal'; tin: string; phone: string },
  o: { root: string; name: string; alg?: 'ec' | 'ozdst' },
): Promise<string> {
  const privateKey: PrivateKey =
    o.alg === 'ozdst'
      ? generatePrivateKey({ alg: 'ozdst', curve: 'A' })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const csr = buildPkcs10({ subject: { CN: 'applicant' }, privateKey }).toString('base64');
  const { certificate: cert } = await applyForKey(sb, who, csr);
  const b64 = (s: string) => Buffer.from(s, 'base64');
  const pfx = writePfx({
    privateKey,
    certificate: b64(cert.certificate),
    chain: (cert.chain as string[]).map(b64),
    password: KEY_PASSWORD,
  });
  const dir = path.join(o.root, 'DSKEYS');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${o.name}.pfx`);
  writeFileSync(file, pfx, { mode: 0o600 });
  return file;
}
