/**
 * The base of every oneid command: global flags, language, settings, terminal rules, the `--json`
 * envelope, errors → exit codes, and helpers for output, secrets, prompts and progress.
 *
 * A command implements `run()` returning its typed result object (what `--json` prints under
 * `result`); it prints the human form itself with `this.out()` (skipped under `--json`).
 */
import type * as InquirerPrompts from '@inquirer/prompts';
import { Command, Flags, type Interfaces } from '@oclif/core';

import { debugEnabled } from '../lib/debug/index.js';
import { InterruptedError, type Params } from '../lib/errors/index.js';
import { resolveLanguage, setLanguage, t } from '../lib/i18n/index.js';
import { Settings, type SettingName } from '../lib/config/index.js';
import { CommandContext, type Prompter } from './context.js';
import { describeError, errorEnvelope, type SuccessEnvelope } from './envelope.js';
import type { Progress, ProgressOptions, Spinner } from './progress.js';
import type { SecretName, SecretValue } from './secrets.js';
import { makeStyle } from './style.js';
import { detectTerminal, type Terminal } from './terminal.js';

/** The @inquirer/prompts module, loaded only when a prompt is really shown. */
export type Prompts = typeof InquirerPrompts;

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<
  (typeof BaseCommand)['baseFlags'] & T['flags']
>;
export type BaseArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/** Pre-scan argv for --lang so even parse errors come in the user's language. */
function langFromArgv(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice(7);
  }
  return undefined;
}

export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true;

  static override baseFlags = {
    lang: Flags.option({
      options: ['en', 'ru', 'uz'] as const,
      summary: t('cmd.flag.lang'),
      // No `env:` binding: ONEID_LANG is read by the settings resolver, which then reports
      // "env" as the source (oclif would hand it over as if it were the flag).
      helpGroup: 'GLOBAL',
    })(),
    'no-color': Flags.boolean({ summary: t('cmd.flag.no-color'), helpGroup: 'GLOBAL' }),
    'no-prompt': Flags.boolean({
      summary: t('cmd.flag.no-prompt'),
      helpGroup: 'GLOBAL',
    }),
    profile: Flags.string({
      summary: t('cmd.flag.profile'),
      env: 'ONEID_PROFILE',
      helpGroup: 'GLOBAL',
    }),
  };

  protected flags!: BaseFlags<T>;
  protected args!: BaseArgs<T>;
  protected settings!: Settings;
  protected term!: Terminal;
  protected style = makeStyle(false);
  /** Everything the command needs from outside (streams, portal, sessions, secrets, prompts). */
  protected ctx!: CommandContext;
  protected get warnings(): string[] {
    return this.ctx?.warnings ?? this.early;
  }
  /** Warnings before the context exists (parse errors). */
  private readonly early: string[] = [];

  /** Settings that a command's own flags override (e.g. `--portal`); see `settingFlags()`. */
  protected settingOverrides(): Partial<Record<SettingName, string | undefined>> {
    const f = this.flags as Record<string, unknown>;
    const pick = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
    return { portal: pick('portal'), lang: pick('lang'), revocation: pick('revocation') };
  }

  override async init(): Promise<void> {
    await super.init();
    // A first language guess before parsing, so that a bad flag is reported in the right language.
    const envLang = process.env.ONEID_LANG;
    setLanguage(resolveLanguage([langFromArgv(this.argv), envLang]));
    this.term = detectTerminal({ noColorFlag: this.argv.includes('--no-color') });
    this.style = makeStyle(this.term.color);

    const { flags, args } = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (this.ctor as typeof BaseCommand).baseFlags,
      enableJsonFlag: this.ctor.enableJsonFlag,
      args: this.ctor.args,
      strict: this.ctor.strict,
    });
    this.flags = flags as BaseFlags<T>;
    this.args = args as BaseArgs<T>;

    this.settings = new Settings(this.flags.profile, this.settingOverrides());
    setLanguage(
      resolveLanguage([this.flags.lang, envLang, this.settings.storedValue('lang') as string | undefined]),
    );
    this.term = detectTerminal({
      noColorFlag: this.flags['no-color'],
      noPromptFlag: this.flags['no-prompt'],
    });
    this.ctx = new CommandContext({
      settings: this.settings,
      term: this.term,
      json: this.jsonEnabled(),
      flags: this.flags as Record<string, unknown>,
    });
    this.term = this.ctx.term;
    this.style = this.ctx.style;
  }

  // ---- output and input: the context's (kept here so that commands read as before) ----------

  protected out(text = ''): void {
    this.ctx.out(text);
  }

  protected note(text: string): void {
    this.ctx.note(text);
  }

  protected hint(key: string, params?: Params): void {
    this.ctx.hint(key, params);
  }

  protected warning(text: string): void {
    this.ctx.warning(text);
  }

  protected spinner(text: string): Promise<Spinner> {
    return this.ctx.spinner(text);
  }

  protected progress(o: ProgressOptions): Progress {
    return this.ctx.progress(o);
  }

  protected secret(
    name: SecretName,
    promptKey: string,
    opts: { confirm?: boolean } = {},
  ): Promise<SecretValue> {
    return this.ctx.secret(name, promptKey, opts);
  }

  /**
   * A value from a flag (or an argument: `{ arg: 'LOGIN' }`), else (interactive) a prompt, else a
   * usage error naming the flag or showing where the argument goes.
   */
  protected async valueOrPrompt<V>(
    value: V | undefined,
    input: string | { arg: string },
    ask: (p: Prompts, ctx: { output: NodeJS.WritableStream }) => Promise<V>,
  ): Promise<V> {
    const where =
      typeof input === 'string'
        ? { flag: input }
        : {
            arg: input.arg,
            usage: [this.config.bin, ...(this.id ?? '').split(':'), input.arg].filter(Boolean).join(' '),
          };
    return this.ctx.valueOrAsk(value, where, (p) => ask(asPrompts(p), { output: this.ctx.stderr }));
  }

  // ---- envelope and errors -------------------------------------------------------------------

  protected override toSuccessJson(result: unknown): SuccessEnvelope<unknown> {
    return { status: 0, result: result ?? null, warnings: this.warnings };
  }

  protected override logJson(json: unknown): void {
    (this.ctx?.stdout ?? process.stdout).write(JSON.stringify(json, null, 2) + '\n');
  }

  protected override async catch(err: Error & { exitCode?: number }): Promise<never> {
    // Inquirer's Ctrl-C and our own interruption both end as exit 130.
    if (err?.name === 'ExitPromptError' || err?.name === 'AbortPromptError')
      err = new InterruptedError('INTERRUPTED', 'cli.error.interrupted');
    const d = describeError(err);
    const stderr = this.ctx?.stderr ?? process.stderr;
    if (this.jsonEnabled()) {
      this.logJson(errorEnvelope(d, this.warnings));
    } else {
      stderr.write(this.style.red(`${t('cli.error')}: ${d.message}`) + '\n');
      if (d.hint) stderr.write(this.style.dim(d.hint) + '\n');
    }
    if (debugEnabled() && err instanceof Error && err.stack) stderr.write(err.stack + '\n');
    return this.exit(d.exit);
  }
}

/** The context's prompter in the shape of the @inquirer/prompts functions older commands call. */
function asPrompts(p: Prompter): Prompts {
  return {
    input: (o: { message: string; default?: string; validate?: (v: string) => true | string }) => p.input(o),
    password: (o: { message: string }) => p.password(o),
    confirm: (o: { message: string; default?: boolean }) => p.confirm(o),
    select: (o: { message: string; choices: Array<{ name: string; value: unknown }> }) => p.select(o),
  } as unknown as Prompts;
}
