/**
 * Asking the user, from the agent process, when a page wants a locked key or a site is new:
 * a desktop dialog where there is a desktop (zenity or kdialog on Linux with DISPLAY or
 * WAYLAND_DISPLAY, osascript on macOS, PowerShell on Windows), else this process's terminal when it
 * runs in the foreground, else nobody (the page gets a reason naming `oneid agent unlock` /
 * `oneid agent allow`). Programs are started with argument arrays, never through a shell; texts
 * travel as arguments or variables, the password comes back on the dialog's stdout. One question
 * at a time: a page that sends 50 requests gets one dialog.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { t } from '../i18n/index.js';

export interface ConsentChannel {
  kind: 'zenity' | 'kdialog' | 'osascript' | 'powershell' | 'terminal' | 'none';
  /** The password, or undefined when cancelled. */
  password(text: string): Promise<string | undefined>;
  /** Yes / no. */
  confirm(text: string): Promise<boolean>;
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

const DIALOG_TIMEOUT_MS = 120_000;

/** Run a dialog program; its stdout (last newline removed) and exit status. */
function run(
  file: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: env ? { ...process.env, ...env } : process.env,
      timeout: DIALOG_TIMEOUT_MS,
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve({ code: null, out: '' }));
    child.on('close', (code) =>
      resolve({
        code,
        out: Buffer.concat(chunks)
          .toString('utf8')
          .replace(/\r?\n$/, ''),
      }),
    );
  });
}

function desktop(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): ConsentChannel | undefined {
  const title = t('agent.dialog.title');
  if (platform === 'darwin') {
    const osa = onPath('osascript', env) ?? '/usr/bin/osascript';
    return {
      kind: 'osascript',
      password: async (text) => {
        const r = await run(osa, [
          '-e',
          'on run argv',
          '-e',
          'display dialog (item 1 of argv) default answer "" with hidden answer with title (item 2 of argv)',
          '-e',
          'return text returned of result',
          '-e',
          'end run',
          text,
          title,
        ]);
        return r.code === 0 ? r.out : undefined;
      },
      confirm: async (text) => {
        const r = await run(osa, [
          '-e',
          'on run argv',
          '-e',
          'display dialog (item 1 of argv) with title (item 2 of argv)',
          '-e',
          'end run',
          text,
          title,
        ]);
        return r.code === 0;
      },
    };
  }
  if (platform === 'win32') {
    const ps = onPath('powershell.exe', env) ?? 'powershell.exe';
    const vars = (text: string) => ({ ONEID_DIALOG_TEXT: text, ONEID_DIALOG_TITLE: title });
    return {
      kind: 'powershell',
      password: async (text) => {
        const script =
          '$c = Get-Credential -UserName oneid -Message $env:ONEID_DIALOG_TEXT; ' +
          'if ($c) { [Console]::Out.Write($c.GetNetworkCredential().Password) } else { exit 1 }';
        const r = await run(ps, ['-NoProfile', '-NonInteractive', '-Command', script], vars(text));
        return r.code === 0 ? r.out : undefined;
      },
      confirm: async (text) => {
        const script =
          'Add-Type -AssemblyName PresentationFramework; ' +
          "[System.Windows.MessageBox]::Show($env:ONEID_DIALOG_TEXT, $env:ONEID_DIALOG_TITLE, 'YesNo')";
        const r = await run(ps, ['-NoProfile', '-NonInteractive', '-Command', script], vars(text));
        return r.code === 0 && r.out.trim() === 'Yes';
      },
    };
  }
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  const zenity = onPath('zenity', env);
  if (zenity)
    return {
      kind: 'zenity',
      password: async (text) => {
        const r = await run(zenity, ['--entry', '--hide-text', '--title', title, '--text', text]);
        return r.code === 0 ? r.out : undefined;
      },
      confirm: async (text) =>
        (await run(zenity, ['--question', '--title', title, '--text', text])).code === 0,
    };
  const kdialog = onPath('kdialog', env);
  if (kdialog)
    return {
      kind: 'kdialog',
      password: async (text) => {
        const r = await run(kdialog, ['--title', title, '--password', text]);
        return r.code === 0 ? r.out : undefined;
      },
      confirm: async (text) => (await run(kdialog, ['--title', title, '--yesno', text])).code === 0,
    };
  return undefined;
}

/** The agent's own terminal (foreground with a TTY): masked prompt on stderr. */
function terminal(): ConsentChannel {
  const load = () => import('@inquirer/prompts');
  const ctx = { input: process.stdin, output: process.stderr };
  return {
    kind: 'terminal',
    password: async (text) => {
      try {
        return await (await load()).password({ message: text, mask: '*' }, ctx);
      } catch {
        return undefined;
      }
    },
    confirm: async (text) => {
      try {
        return await (await load()).confirm({ message: text, default: false }, ctx);
      } catch {
        return false;
      }
    },
  };
}

const NONE: ConsentChannel = {
  kind: 'none',
  password: () => Promise.resolve(undefined),
  confirm: () => Promise.resolve(false),
};

/** The channel of this process: desktop, else terminal (foreground + TTY), else none. */
export function consentChannel(o: {
  foreground: boolean;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}): ConsentChannel {
  const env = o.env ?? process.env;
  const d = desktop(env, o.platform ?? process.platform);
  if (d) return d;
  if (o.foreground && process.stdin.isTTY) return terminal();
  return NONE;
}

/**
 * Questions one at a time, and the same question asked while it is open shares its answer (a page
 * firing many requests at a locked key sees one dialog).
 */
export class Asker {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly open = new Map<string, Promise<unknown>>();

  constructor(readonly channel: ConsentChannel) {}

  get available(): boolean {
    return this.channel.kind !== 'none';
  }

  ask<T>(id: string, fn: (c: ConsentChannel) => Promise<T>): Promise<T> {
    const pending = this.open.get(id);
    if (pending) return pending as Promise<T>;
    const p = this.queue.then(() => fn(this.channel));
    this.queue = p.catch(() => undefined);
    this.open.set(id, p);
    void p.finally(() => this.open.delete(id)).catch(() => undefined);
    return p;
  }
}
