/**
 * The world the documented examples run in (see the table at the top of examples.test.ts): a
 * sandbox portal, a HOME folder that is also the working directory, `oneid` on PATH, an account
 * logged in, keys in ~/DSKEYS and the files the examples name. Examples run through bash exactly
 * as written; the SMS code of a command with `--sms-code-stdin` is typed once the SMS arrives.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { issueKey, JPEG, KEY_PASSWORD, PNG } from '../account/helpers.js';
import { BIN } from '../helpers/cli.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';

export const PASSWORD = 'Secret-pass1';
export const NEW_KEY_PASSWORD = 'new-Key-pass#2025';

/** The examples' people, all from the sandbox's seeded population registry. */
export const OZODA = { login: 'ozoda01', pinfl: '40108814416559', tin: '281058213', phone: '+998901112233' };
export const NEW_PASSWORD = 'New-secret-pass2';
const ALISHER = { pinfl: '31205891372515' };

export interface ShellResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ShellOptions {
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Long-running (foreground server): succeed once `ready` appears, then Ctrl-C it. */
  ready?: RegExp;
}

const phoneOf = (line: string): string | undefined => {
  // A recovery's code goes to the phone of the account (ozoda01's, the only one examples recover).
  if (/\baccount recover\b/.test(line)) return OZODA.phone;
  const m = /--phone\s+(?:"([^"]+)"|'([^']+)'|(\S+))/.exec(line);
  const digits = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').replace(/\D/g, '');
  if (!digits) return undefined;
  return `+${digits.length === 9 ? `998${digits}` : digits}`;
};

export class World {
  home = '';
  bin = '';
  config = '';
  sb!: SandboxHandle;
  private readonly extraDirs: string[] = [];

  /** Nothing on disk until `prepare()`: loading the test file (e.g. under --grep) leaves no trace. */
  private create(): void {
    this.home = mkdtempSync(path.join(tmpdir(), 'oneid-examples-'));
    this.bin = path.join(this.home, '.bin');
    this.config = path.join(this.home, '.config', 'oneid');
    mkdirSync(this.bin, { recursive: true });
    mkdirSync(this.config, { recursive: true });
    writeFileSync(path.join(this.bin, 'oneid'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(path.join(this.bin, 'oneid'), 0o755);
  }

  /** A fresh folder for a group of examples that must not share state (config, sandbox data). */
  dir(name: string): string {
    const d = path.join(this.home, '.test', name);
    mkdirSync(d, { recursive: true });
    this.extraDirs.push(d);
    return d;
  }

  /** Newest key application made from this machine (by its first history entry). */
  private newestApplication(): any {
    const dir = path.join(this.config, 'applications');
    let best: any;
    for (const f of safeList(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
      try {
        const a = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
        const at = a.history?.[0]?.at ?? '';
        if (!best || at > (best.history?.[0]?.at ?? '')) best = a;
      } catch {
        // a state file being rewritten: ignore
      }
    }
    return best;
  }

  private token(): string | undefined {
    try {
      const s = JSON.parse(readFileSync(path.join(this.config, 'sessions.json'), 'utf8'));
      for (const byProfile of Object.values(s.sessions ?? {}) as any[])
        if (byProfile.default) return byProfile.default.token;
    } catch {
      return undefined;
    }
    return undefined;
  }

  env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
    const app = this.newestApplication();
    const env: Record<string, string | undefined> = {
      ...process.env,
      PATH: `${this.bin}${path.delimiter}${process.env.PATH}`,
      HOME: this.home,
      ONEID_CONFIG_DIR: this.config,
      ONEID_PORTAL: this.sb?.url,
      ONEID_SANDBOX_DATA: this.sb?.dataDir,
      ONEID_KEYS_PATH: path.join(this.home, 'DSKEYS'),
      ONEID_KEYS_SYSTEM_ROOTS: '0',
      ONEID_KEY_PASSWORD: KEY_PASSWORD,
      ONEID_NO_PROMPT: '1',
      NO_COLOR: '1',
      LANG: 'C.UTF-8',
      LC_ALL: undefined,
      ONEID_LANG: undefined,
      ONEID_TOKEN: undefined,
      ONEID_PROFILE: undefined,
      ONEID_PASSWORD: undefined,
      PASS: PASSWORD,
      TOKEN: this.token(),
      APP_ID: app?.id,
      INVOICE: app?.invoice?.id !== undefined ? String(app.invoice.id) : undefined,
      ...extra,
    };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    return env as NodeJS.ProcessEnv;
  }

  /** Run one shell line in HOME as a user would type it. */
  async sh(line: string, o: ShellOptions = {}): Promise<ShellResult> {
    const phone = line.includes('--sms-code-stdin') ? phoneOf(line) : undefined;
    const before = phone ? await this.sb.lastSms(phone) : undefined;
    return new Promise((resolve, reject) => {
      const child = spawn('bash', ['-c', line], {
        cwd: this.home,
        env: this.env(o.env),
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true, // its own process group: a timeout or Ctrl-C reaches the whole pipeline
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let readySeen = false;
      const kill = (sig: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, sig);
        } catch {
          // already gone
        }
      };
      const onData = () => {
        if (o.ready && !readySeen && o.ready.test(Buffer.concat([...out, ...err]).toString())) {
          readySeen = true;
          kill('SIGINT');
        }
      };
      child.stdout.on('data', (c: Buffer) => (out.push(c), onData()));
      child.stderr.on('data', (c: Buffer) => (err.push(c), onData()));
      child.stdin.on('error', () => undefined);
      const timer = setTimeout(() => kill('SIGKILL'), o.timeoutMs ?? 30_000);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        // A foreground server that became ready and stopped cleanly on Ctrl-C ran as written.
        if (o.ready)
          resolve({ code: readySeen && [0, 130].includes(code ?? -1) ? 0 : code, signal, stdout, stderr });
        else resolve({ code, signal, stdout, stderr });
      });
      if (phone) {
        void this.nextCode(phone, before).then(
          (c) => child.stdin.end(`${c}\n`),
          () => child.stdin.end(),
        );
      } else child.stdin.end();
    });
  }

  private async nextCode(phone: string, before: string | undefined): Promise<string> {
    for (let i = 0; i < 300; i++) {
      const text = await this.sb.lastSms(phone);
      const code = text && text !== before ? /\b(\d{6})\b/.exec(text)?.[1] : undefined;
      if (code) return code;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no SMS to ${phone}`);
  }

  /** Run a preparation step; it must succeed. */
  async prep(line: string): Promise<ShellResult> {
    const r = await this.sh(line);
    if (r.code !== 0)
      throw new Error(`preparing the examples' world: \`${line}\` exited ${r.code}\n${r.stdout}${r.stderr}`);
    return r;
  }

  /**
   * The state the examples start from: Ozoda Karimova (director of "Samarqand Tekstil", TIN
   * 281058213) registered as ozoda01 and logged in, unverified and with no company bound yet; her
   * personal and company keys and Alisher Abdullayev's personal key in ~/DSKEYS; one key
   * application that waits for its SMS code (in ./code.txt); the files the examples name.
   */
  async prepare(): Promise<void> {
    this.create();
    this.sb = await startSandbox({ relaxedLimits: true, settings: { reviewDelayMs: -1 } });
    const h = this.home;
    writeFileSync(path.join(h, '.oneid-pass'), `${PASSWORD}\n`, { mode: 0o600 });
    writeFileSync(path.join(h, '.key-pass'), `${KEY_PASSWORD}\n`, { mode: 0o600 });
    writeFileSync(path.join(h, '.new-key-pass'), `${NEW_KEY_PASSWORD}\n`, { mode: 0o600 });
    writeFileSync(path.join(h, '.oneid-new-pass'), `${NEW_PASSWORD}\n`, { mode: 0o600 });
    writeFileSync(path.join(h, 'me.jpg'), JPEG);
    writeFileSync(path.join(h, 'selfie.png'), PNG);
    for (const f of ['invoice.pdf', 'contract.pdf', 'report.pdf'])
      writeFileSync(path.join(h, f), `%PDF-1.4\n% ${f}: a document to sign\n%%EOF\n`);
    writeFileSync(path.join(h, 'application.xml'), '<application kind="licence"/>\n');
    for (const q of ['q1', 'q2']) {
      mkdirSync(path.join(h, 'reports', '2026', q), { recursive: true });
      for (const n of ['sales', 'tax'])
        writeFileSync(path.join(h, 'reports', '2026', q, `${n}.xml`), `<report q="${q}" kind="${n}"/>\n`);
    }
    // root-ca.pem is not prepared: the documented `oneid ca get root-ca.pem` writes it.

    const reg = (await this.sb.request('GET', '/api/v1/sandbox/registry')).body as {
      persons: Array<{ pinfl: string; passport: string; phone: string; kind: string }>;
    };
    const person = (pinfl: string) => reg.persons.find((p) => p.pinfl === pinfl)!;
    const ozoda = person(OZODA.pinfl);
    await this.prep(
      `oneid register --accept-offer --pinfl ${ozoda.pinfl} --passport ${ozoda.passport} --yes --login ${OZODA.login} --email ozoda@example.uz --phone ${OZODA.phone} --password-file ~/.oneid-pass --sms-code-stdin`,
    );
    const root = this.home;
    await issueKey(
      this.sb,
      { type: 'individual', pinfl: ozoda.pinfl, phone: ozoda.phone },
      { root, name: `DS${ozoda.pinfl}0001` },
    );
    await issueKey(
      this.sb,
      { type: 'legal', tin: OZODA.tin, phone: ozoda.phone },
      { root, name: `DS${OZODA.tin}0001` },
    );
    const alisher = person(ALISHER.pinfl);
    await issueKey(
      this.sb,
      { type: 'individual', pinfl: alisher.pinfl, phone: alisher.phone },
      { root, name: `DS${alisher.pinfl}0001` },
    );
    // Sessions go to the 0600 file in this world's config dir, so that examples written as users
    // type them (`oneid whoami`) run the same with or without an OS keychain on the machine.
    await this.prep('oneid config set storage file');
    await this.prep(`oneid login ${OZODA.login} --password-file ~/.oneid-pass`);

    // contract.p7s: a detached signature of contract.pdf under the name the verify example uses.
    const scratch = this.dir('contract');
    copyFileSync(path.join(h, 'contract.pdf'), path.join(scratch, 'contract.pdf'));
    await this.prep(
      `oneid key sign ${scratch}/contract.pdf --key ~/DSKEYS/DS${OZODA.tin}0001.pfx --detached`,
    );
    renameSync(path.join(scratch, 'contract.pdf.p7s'), path.join(h, 'contract.p7s'));

    // An application that waits for its SMS code (no code source): `key apply --resume` goes on.
    const staff = new Set<string>([OZODA.pinfl, ALISHER.pinfl, '41604714357530']);
    const waiting =
      reg.persons.find((p) => p.kind === 'citizen' && !staff.has(p.pinfl) && p.pinfl.startsWith('6')) ??
      reg.persons.find((p) => p.kind === 'citizen' && !staff.has(p.pinfl))!;
    const before = await this.sb.lastSms(waiting.phone);
    const first = await this.sh(
      `oneid key apply --pinfl ${waiting.pinfl} --phone ${waiting.phone} --photo me.jpg --selfie selfie.png --json`,
    );
    if (first.code !== 2 || !first.stdout.includes('SMS_CODE_NEEDED'))
      throw new Error(`preparing a waiting application: exit ${first.code}\n${first.stdout}${first.stderr}`);
    writeFileSync(path.join(h, 'code.txt'), `${await this.nextCode(waiting.phone, before)}\n`);
  }

  async dispose(): Promise<void> {
    if (!this.home) return;
    for (const d of this.extraDirs) {
      // Sandboxes an example started in its own data dir (documented examples use ./<dir> in HOME).
      await this.sh(`oneid sandbox stop --data ${d}`).catch(() => undefined);
    }
    for (const d of ['sandbox-data', 'openssl-friendly'])
      await this.sh(`oneid sandbox stop --data ./${d}`).catch(() => undefined);
    await this.sb?.stop();
    if (this.home) rmSync(this.home, { recursive: true, force: true });
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
