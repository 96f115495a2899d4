/**
 * A real pseudo-terminal for the interactive tests: the CLI runs in a detached tmux session on a
 * private server socket (never the user's tmux), keys are sent as a person would type them, and
 * the screen is read back with capture-pane.
 */
import { execFileSync } from 'node:child_process';

import { BIN, ROOT } from '../helpers/cli.js';

export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class Terminal {
  private readonly socket = `oneid-acct-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly name = 'cli';

  /** Start `oneid <args>` in a 120×40 terminal with exactly `env` (plus PATH, HOME, TERM). */
  constructor(args: string[], env: Record<string, string>) {
    const vars = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      NO_COLOR: '1',
      ...env,
    };
    const command =
      `env -i ${Object.entries(vars)
        .map(([k, v]) => `${k}=${quote(v)}`)
        .join(' ')} ` +
      `${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo "[exit $?]"; sleep 600`;
    this.tmux('new-session', '-d', '-s', this.name, '-x', '120', '-y', '40', '-c', ROOT, command);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.name, '-S', '-200');
  }

  /** Type text (literally) and optionally press Enter. */
  type(text: string, enter = true): void {
    if (text) this.tmux('send-keys', '-t', this.name, '-l', text);
    if (enter) this.tmux('send-keys', '-t', this.name, 'Enter');
  }

  key(name: 'Down' | 'Up' | 'Enter' | 'BSpace' | 'C-c', times = 1): void {
    this.tmux('send-keys', '-t', this.name, ...Array<string>(times).fill(name));
  }

  /** Wait until the screen matches (the whole scrollback), or fail showing the screen. */
  async waitFor(pattern: RegExp, ms = 15_000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const s = this.screen();
      if (pattern.test(s)) return s;
      if (Date.now() > end) throw new Error(`the screen never showed ${pattern}:\n${s}`);
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  /** The exit status printed after the command ended. */
  async exitCode(ms = 15_000): Promise<number> {
    const s = await this.waitFor(/\[exit \d+\]/, ms);
    return Number(/\[exit (\d+)\]/.exec(s)![1]);
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
