/**
 * Run a command in-process, through the same oclif configuration as `bin/dev.js` (the TypeScript
 * sources), with the command context's streams and prompter replaced by fakes:
 *
 *   const r = await runCommand(['config', 'get', 'lang', '--json'], { env: { ONEID_LANG: 'ru' } });
 *   assert.equal(r.code, 0); r.json.result …
 *
 * Ten times faster than a child process, and prompts can be answered (`answers`). The contract
 * that only a process shows (exit status, signals, real terminals) stays in the process tests
 * (test/helpers/cli.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';

import { Config, settings } from '@oclif/core';

import { withContextOverrides, type Prompter } from '../../src/cli/context.js';
import { ROOT, tempConfigDir, type CliResult } from './cli.js';

let config: Promise<Config> | undefined;

function load(): Promise<Config> {
  config ??= (async () => {
    const pjson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    pjson.oclif = { ...pjson.oclif, commands: './src/cli/commands', helpClass: './src/cli/help.ts' };
    pjson.version = `${pjson.version}+dev`; // not the built manifest: commands come from src/
    settings.enableAutoTranspile = false; // mocha already runs through tsx
    // oclif warns that the built manifest does not match: that is the point (see above).
    const warn = process.emitWarning;
    process.emitWarning = () => undefined;
    try {
      return await Config.load({ root: ROOT, pjson });
    } finally {
      process.emitWarning = warn;
    }
  })();
  return config;
}

/** Scripted answers, in order, for whatever the command asks. */
export function scriptedPrompter(answers: Array<string | boolean | number>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`no scripted answer left for: ${message}`);
    return answers.shift()!;
  };
  return {
    asked,
    input: async (o) => String(next(o.message)),
    password: async (o) => String(next(o.message)),
    confirm: async (o) => Boolean(next(o.message)),
    select: async <V>(o: { message: string; choices: Array<{ name: string; value: V }> }) => {
      const a = next(o.message);
      const c = typeof a === 'number' ? o.choices[a] : o.choices.find((x) => x.name.includes(String(a)));
      if (!c) throw new Error(`no choice matches ${String(a)} for: ${o.message}`);
      return c.value;
    },
  };
}

export interface RunCommandOptions {
  /** Environment for this run (merged over a clean one: fresh config dir, no prompts). */
  env?: Record<string, string | undefined>;
  /** Answers for the prompts; implies an interactive terminal. */
  answers?: Array<string | boolean | number>;
}

export async function runCommand(
  argv: string[],
  o: RunCommandOptions = {},
): Promise<CliResult & { asked: string[] }> {
  const cfg = await load();
  const env: Record<string, string | undefined> = {
    ONEID_CONFIG_DIR: tempConfigDir(),
    ONEID_NO_PROMPT: o.answers ? undefined : '1',
    NO_COLOR: '1',
    ONEID_LANG: undefined,
    ONEID_TOKEN: undefined,
    ONEID_PORTAL: undefined,
    LC_ALL: undefined,
    LANG: 'C.UTF-8',
    ...o.env,
  };
  const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;

  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const prompter = scriptedPrompter([...(o.answers ?? [])]);
  let code = 0;
  try {
    await withContextOverrides(
      { streams: { stdout, stderr }, prompter, interactive: o.answers ? true : undefined },
      async () => {
        // The topic separator is a space: the first words that name a command are its id.
        let i = argv.length;
        while (i > 0 && !cfg.findCommand(argv.slice(0, i).join(':'))) i--;
        if (i === 0) throw new Error(`no command in: ${argv.join(' ')}`);
        await cfg.runCommand(argv.slice(0, i).join(':'), argv.slice(i));
      },
    );
  } catch (e) {
    const exit = (e as { oclif?: { exit?: number } }).oclif?.exit;
    if (typeof exit !== 'number') throw e;
    code = exit;
  } finally {
    for (const [k, v] of saved)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
  const text = Buffer.concat(out).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    code,
    signal: null,
    stdout: text,
    stderr: Buffer.concat(err).toString('utf8'),
    json,
    asked: prompter.asked,
  };
}
