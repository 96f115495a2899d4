/**
 * Run the real CLI (`bin/run.js`, built `dist/`) as a child process, as a user or a script would.
 * Each call gets an isolated config dir unless the caller passes ONEID_CONFIG_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'run.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON when it is JSON, else undefined. */
  json?: any;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /**
   * Written to stdin, then stdin is closed (stdin is closed immediately when absent). A function
   * is awaited while the process runs and its result written (a value that exists only later,
   * such as an SMS code); `'open'` keeps stdin open for `LiveCli.write`.
   */
  input?: string | Buffer | (() => Promise<string>) | 'open';
  cwd?: string;
  timeoutMs?: number;
}

/** A running CLI process: its stdin (`write` ends it), output so far, and its result. */
export interface LiveCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Write to stdin and close it. */
  write(s: string | Buffer): void;
  done: Promise<CliResult>;
}

/** A fresh config dir, so tests never see each other's (or the developer's) settings. */
export function tempConfigDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'oneid-cfg-'));
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/**
 * Start the CLI as a process: the one spawn of the test helpers (runCli and the account and apply
 * helpers build on it). The environment is a clean one (fresh config dir, no prompts, no colour,
 * no ONEID_LANG/TOKEN/PORTAL) with `opts.env` over it; an `undefined` value removes a variable.
 */
export function spawnCli(args: string[], opts: CliOptions = {}): LiveCli {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ONEID_CONFIG_DIR: tempConfigDir(),
    ONEID_NO_PROMPT: '1',
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    LC_ALL: undefined,
    ONEID_LANG: undefined,
    ONEID_TOKEN: undefined,
    ONEID_PORTAL: undefined,
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (c: Buffer) => out.push(c));
  child.stderr!.on('data', (c: Buffer) => err.push(c));
  child.stdin!.on('error', () => {});
  const text = (b: Buffer[]) => Buffer.concat(b).toString('utf8');
  const done = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      live.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      const stdout = text(out);
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, signal, stdout, stderr: text(err), json });
    });
  });
  const input = opts.input;
  if (typeof input === 'function')
    input().then(
      (v) => child.stdin!.end(v),
      () => child.stdin!.end(),
    );
  else if (input === 'open') {
    // stays open until `write`
  } else if (input !== undefined) child.stdin!.end(input);
  else child.stdin!.end();
  return { child, stdout: () => text(out), stderr: () => text(err), write: (s) => child.stdin!.end(s), done };
}

/** Run the CLI to its end (see `spawnCli`). */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return spawnCli(args, opts).done;
}
