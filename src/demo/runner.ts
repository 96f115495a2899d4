/**
 * Runs the real CLI (`bin/run.js`) as a child process, the way a user types it: the command line
 * is printed first (`$ oneid …`), then an excerpt of what it printed. The demo never calls library
 * code for a step a user would do with `oneid`, so what it shows is what a user gets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: dist/demo/runner.js (or src/demo/runner.ts under tsx) → ../.. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'run.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /**
   * stdout parsed when the command ran with --json: the contract's envelope; each step reads the
   * few fields of its command's documented result.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json?: any;
}

export interface RunOptions {
  /** Exit codes that count as success for this step (default [0]). */
  expect?: number[];
  /** Awaited while the command runs; its value is written to stdin, which is then closed. */
  feed?: () => Promise<string>;
  /** Print the command line and output (default true); polling loops print once themselves. */
  quiet?: boolean;
  /** What to show of the output: the human text (default) or a line the caller derives from JSON. */
  summary?: (r: RunResult) => string | string[];
  /** At most this many output lines are shown (first few and last ones). */
  maxLines?: number;
  timeoutMs?: number;
}

/** A failed step: the command line and its whole output, printed by main before it exits. */
export class StepFailed extends Error {
  constructor(
    readonly commandLine: string,
    readonly result: RunResult,
  ) {
    super(`step failed (exit ${result.code}): ${commandLine}`);
  }
}

const useColour = () => process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const bold = (s: string) => (useColour() ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s: string) => (useColour() ? `\x1b[2m${s}\x1b[22m` : s);

/** Quote an argument for a POSIX shell only when it needs it, so printed lines can be pasted. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./~-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export const commandLine = (args: string[]) => ['oneid', ...args.map(shellQuote)].join(' ');

export function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function heading(text: string): void {
  say();
  say(bold(`## ${text}`));
}

/** The first and last lines of a long output, with a count of what was left out. */
export function excerpt(text: string, max: number): string[] {
  const lines = text
    .replace(/\s+$/, '')
    .split('\n')
    .filter((l, i, a) => l !== '' || i < a.length - 1);
  if (lines.length <= max) return lines;
  const head = Math.max(1, Math.floor(max / 3));
  const tail = max - head;
  return [...lines.slice(0, head), dim(`… (${lines.length - max} more lines)`), ...lines.slice(-tail)];
}

export class Cli {
  /** Children running now, so that Ctrl-C can end them before the demo cleans up. */
  readonly live = new Set<ChildProcess>();

  constructor(
    readonly env: NodeJS.ProcessEnv,
    private readonly cwd: string,
  ) {}

  async run(args: string[], o: RunOptions = {}): Promise<RunResult> {
    const line = commandLine(args);
    if (!o.quiet) say(bold(`$ ${line}`));
    const r = await this.spawn(args, o);
    if ((o.expect ?? [0]).includes(r.code ?? -1)) {
      if (!o.quiet) this.show(r, o);
      return r;
    }
    throw new StepFailed(line, r);
  }

  /** Print the banner of a command whose output the caller shows (polling loops). */
  announce(args: string[]): void {
    say(bold(`$ ${commandLine(args)}`));
  }

  show(r: RunResult, o: RunOptions = {}): void {
    const shown = o.summary ? [o.summary(r)].flat() : excerpt(`${r.stdout}${r.stderr}`, o.maxLines ?? 14);
    for (const l of shown) if (l.trim()) say(`  ${l}`);
  }

  private spawn(args: string[], o: RunOptions): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: this.cwd,
        env: this.env,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      this.live.add(child);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.stdin.on('error', () => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        this.live.delete(child);
        const stdout = Buffer.concat(out).toString('utf8');
        let json: unknown;
        if (args.includes('--json')) {
          try {
            json = JSON.parse(stdout);
          } catch {
            json = undefined;
          }
        }
        resolve({ code, stdout, stderr: Buffer.concat(err).toString('utf8'), json });
      });
      if (o.feed) {
        o.feed().then(
          (v) => child.stdin.end(v),
          () => child.stdin.end(),
        );
      } else child.stdin.end();
    });
  }
}
