/**
 * Where secrets come from (CLI-CONTRACT.md "Input and secrets"), first found wins:
 *   --<name>-file FILE  →  --<name>-stdin  →  environment variable  →  masked prompt.
 * A secret never comes from a plain flag value, and is never echoed, logged or written.
 */
import { readFile } from 'node:fs/promises';

import { Flags } from '@oclif/core';

import { UsageError } from '../lib/errors/index.js';
import { t } from '../lib/i18n/index.js';

export type SecretName = 'password' | 'new-password' | 'key-password' | 'new-key-password' | 'sms-code';

export const SECRET_ENV: Record<SecretName, string> = {
  password: 'ONEID_PASSWORD',
  'new-password': 'ONEID_NEW_PASSWORD',
  'key-password': 'ONEID_KEY_PASSWORD',
  'new-key-password': 'ONEID_NEW_KEY_PASSWORD',
  'sms-code': 'ONEID_SMS_CODE',
};

/** Help texts of the secret flags (catalog cmd/settings.ts), written out so that they are findable. */
const SECRET_FLAG_TEXT: Record<SecretName, { file: string; stdin: string }> = {
  password: { file: 'cmd.flag.password-file', stdin: 'cmd.flag.password-stdin' },
  'new-password': { file: 'cmd.flag.new-password-file', stdin: 'cmd.flag.new-password-stdin' },
  'key-password': { file: 'cmd.flag.key-password-file', stdin: 'cmd.flag.key-password-stdin' },
  'new-key-password': { file: 'cmd.flag.new-key-password-file', stdin: 'cmd.flag.new-key-password-stdin' },
  'sms-code': { file: 'cmd.flag.sms-code-file', stdin: 'cmd.flag.sms-code-stdin' },
};

/** The `--<name>-file` and `--<name>-stdin` flags for a command's secret. */
export function secretFlags<N extends SecretName>(name: N) {
  return {
    [`${name}-file`]: Flags.file({
      summary: t(SECRET_FLAG_TEXT[name].file),
      exists: false,
      helpGroup: 'SECRET',
    }),
    [`${name}-stdin`]: Flags.boolean({
      summary: t(SECRET_FLAG_TEXT[name].stdin),
      helpGroup: 'SECRET',
    }),
  } as Record<`${N}-file`, ReturnType<typeof Flags.file>> &
    Record<`${N}-stdin`, ReturnType<typeof Flags.boolean>>;
}

export function trimNewline(s: string): string {
  return s.replace(/\r?\n$/, '');
}

let stdinCache: Promise<string> | undefined;
/** Standard input, read once per process (several consumers would otherwise race for it). */
export function readStdinOnce(): Promise<string> {
  stdinCache ??= (async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  })();
  return stdinCache;
}

export interface SecretRequest {
  name: SecretName;
  flags: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  interactive: boolean;
  /** Prompt text (already translated). */
  prompt: string;
  /** Ask twice and compare (new passwords). */
  confirm?: boolean;
  /** The masked question (the command context's prompter); default @inquirer/prompts on stderr. */
  ask?: (message: string) => Promise<string>;
}

export interface SecretValue {
  value: string;
  source: 'file' | 'stdin' | 'env' | 'prompt';
}

export async function readSecret(req: SecretRequest): Promise<SecretValue> {
  const env = req.env ?? process.env;
  const file = req.flags[`${req.name}-file`];
  if (typeof file === 'string' && file !== '') {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError('SECRET_FILE_UNREADABLE', 'cli.error.secretFile', {
        params: {
          flag: `--${req.name}-file`,
          path: file,
          reason: (e as NodeJS.ErrnoException).code ?? 'error',
        },
      });
    }
    return { value: trimNewline(text), source: 'file' };
  }
  if (req.flags[`${req.name}-stdin`] === true) {
    if (process.stdin.isTTY)
      throw new UsageError('SECRET_STDIN_TTY', 'cli.error.secretStdinTty', {
        params: { flag: `--${req.name}-stdin` },
      });
    return { value: trimNewline(await readStdinOnce()), source: 'stdin' };
  }
  const envName = SECRET_ENV[req.name];
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: 'env' };
  if (req.interactive) {
    const ask =
      req.ask ??
      (async (message: string) =>
        (await import('@inquirer/prompts')).password({ message, mask: '*' }, { output: process.stderr }));
    const value = await ask(req.prompt);
    if (req.confirm && (await ask(t('cli.prompt.repeat'))) !== value)
      throw new UsageError('SECRET_MISMATCH', 'cli.error.secretMismatch');
    return { value, source: 'prompt' };
  }
  throw new UsageError('SECRET_MISSING', 'cli.error.secretMissing', {
    params: { name: req.name, file: `--${req.name}-file`, stdin: `--${req.name}-stdin`, env: envName },
  });
}
