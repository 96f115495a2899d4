/**
 * The command context (gh's Factory): everything a command needs from the outside world, built
 * once per run by BaseCommand — settings, the terminal, the output streams, the one portal
 * client, the session place, secrets, keys and prompts. Commands use only this, so a test can
 * run a command in-process with fakes (streams, prompter, stdin) through `withContextOverrides`.
 */
import type { Settings } from '../lib/config/index.js';
import type { Params } from '../lib/errors/index.js';
import { UsageError } from '../lib/errors/index.js';
import { t } from '../lib/i18n/index.js';
// Only light areas are imported at load time: every command builds a context, and start-up is a
// budget (bench/startup.ts). The portal client, the session store and the keys area load when a
// command first asks for them.
import type { RegisterAsker, SessionPlace } from '../lib/account/index.js';
import type { OpenedKey } from '../lib/keys/index.js';
import type { PortalHttp } from '../lib/portal/index.js';
import type { RevocationChecker } from '../lib/revocation/index.js';
import {
  createProgress,
  startSpinner,
  type Progress,
  type ProgressOptions,
  type Spinner,
} from './progress.js';
import { readSecret, SECRET_ENV, type SecretName, type SecretValue } from './secrets.js';
import { makeStyle } from './style.js';
import type { Terminal } from './terminal.js';

/**
 * Questions a command may ask; answered by @inquirer/prompts on a terminal, by fakes in tests. The
 * register wizard's questions (`RegisterAsker`, in the lib) are a subset.
 */
export interface Prompter extends RegisterAsker {
  select<V>(o: { message: string; choices: Array<{ name: string; value: V }>; default?: V }): Promise<V>;
}

/** The real prompter: @inquirer/prompts, loaded only when a question is really asked, on stderr. */
export function inquirerPrompter(output: NodeJS.WritableStream): Prompter {
  const load = () => import('@inquirer/prompts');
  const ctx = { output };
  return {
    input: async (o) => (await load()).input({ required: true, ...o }, ctx),
    password: async (o) => (await load()).password({ ...o, mask: '*' }, ctx),
    confirm: async (o) => (await load()).confirm(o, ctx),
    select: async <V>(o: { message: string; choices: Array<{ name: string; value: V }>; default?: V }) =>
      (await load()).select<V>(o, ctx),
  };
}

export interface ContextStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** What a test may replace (see test/helpers/run-command.ts). */
export interface ContextOverrides {
  streams?: ContextStreams;
  prompter?: Prompter;
  /** Pretend stdin/stdout are a terminal (prompts allowed) or not. */
  interactive?: boolean;
}

// Kept on globalThis, not in a module variable: the test and the command may hold two instances
// of this module (oclif loads commands through its own loader).
const KEY = Symbol.for('oneid.cli.contextOverrides');
const holder = globalThis as { [KEY]?: ContextOverrides };

/** Run `fn` with the next commands' contexts built from these fakes (in-process tests). */
export async function withContextOverrides<T>(o: ContextOverrides, fn: () => Promise<T>): Promise<T> {
  const before = holder[KEY];
  holder[KEY] = o;
  try {
    return await fn();
  } finally {
    holder[KEY] = before;
  }
}

export interface ContextInput {
  settings: Settings;
  term: Terminal;
  /** `--json`: stdout carries only the envelope. */
  json: boolean;
  /** The command's parsed flags (secret sources, --insecure-storage). */
  flags: Record<string, unknown>;
}

export class CommandContext {
  readonly settings: Settings;
  readonly term: Terminal;
  readonly json: boolean;
  readonly style: ReturnType<typeof makeStyle>;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly prompter: Prompter;
  /** Warnings of this run: on stderr for people, in the envelope's `warnings` for scripts. */
  readonly warnings: string[] = [];
  private readonly flags: Record<string, unknown>;
  private portalClient?: PortalHttp;
  private place?: SessionPlace;

  constructor(input: ContextInput) {
    const o = holder[KEY] ?? {};
    this.settings = input.settings;
    this.term = o.interactive === undefined ? input.term : { ...input.term, interactive: o.interactive };
    this.json = input.json;
    this.flags = input.flags;
    this.style = makeStyle(this.term.color);
    this.stdout = o.streams?.stdout ?? process.stdout;
    this.stderr = o.streams?.stderr ?? process.stderr;
    this.prompter = o.prompter ?? inquirerPrompter(this.stderr);
  }

  // ---- output ---------------------------------------------------------------------------------

  /** A line of the result on stdout (nothing under --json: the envelope is the result). */
  out(text = ''): void {
    if (!this.json) this.stdout.write(text + '\n');
  }

  /** Raw result bytes on stdout (a PEM, a signature) when not under --json. */
  write(data: string | Uint8Array): void {
    if (!this.json) this.stdout.write(data);
  }

  /** Progress, notes and hints go to stderr. */
  note(text: string): void {
    if (!this.json) this.stderr.write(text + '\n');
  }

  /** A next-step hint in the user's language (stderr, dim). */
  hint(key: string, params?: Params): void {
    this.note(this.style.dim(t(key, params)));
  }

  warning(text: string): void {
    this.warnings.push(text);
    if (!this.json) this.stderr.write(this.style.yellow(`${t('cli.warning')}: ${text}`) + '\n');
  }

  spinner(text: string): Promise<Spinner> {
    return startSpinner(
      this.json ? { ...this.term, dynamic: false } : this.term,
      text,
      this.json ? nullStream : this.stderr,
    );
  }

  progress(o: ProgressOptions): Progress {
    return createProgress(this.json ? { ...this.term, dynamic: false } : this.term, o, this.stderr);
  }

  /** Rows as aligned columns (two spaces apart; the last column is not padded). */
  table(header: string[], rows: string[][]): string[] {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (r: string[]) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd();
    return [line(header), ...rows.map(line)];
  }

  // ---- the outside world ----------------------------------------------------------------------

  /** The one portal client of this run, for the effective portal URL (flag > env > profile). */
  async portal(): Promise<PortalHttp> {
    return (await this.sessionPlaceAndClient()).http;
  }

  /** Where this run's session lives (file and keychain; `--insecure-storage` writes the file). */
  async sessions(): Promise<SessionPlace> {
    return (await this.sessionPlaceAndClient()).place;
  }

  private async sessionPlaceAndClient(): Promise<{ http: PortalHttp; place: SessionPlace }> {
    if (!this.portalClient || !this.place) {
      const { accountContext } = await import('../lib/account/index.js');
      const { http, place } = accountContext(this.settings, this.flags['insecure-storage'] === true, {
        warn: (m) => this.warning(m),
      });
      this.portalClient = http;
      this.place = place;
    }
    return { http: this.portalClient, place: this.place };
  }

  /**
   * This run's revocation checker (one per run: it caches per certificate), in the effective mode
   * (--revocation > ONEID_REVOCATION > profile > auto), with the CRLs given by --crl.
   */
  async revocation(crls?: string[]): Promise<RevocationChecker> {
    const { RevocationChecker, crlCacheDir } = await import('../lib/revocation/index.js');
    return new RevocationChecker({ mode: this.settings.get('revocation'), crls, cacheDir: crlCacheDir() });
  }

  /** A secret from its file, stdin, environment variable or (terminal only) a masked prompt. */
  secret(name: SecretName, promptKey: string, o: { confirm?: boolean } = {}): Promise<SecretValue> {
    return readSecret({
      name,
      flags: this.flags,
      interactive: this.term.interactive,
      prompt: t(promptKey),
      confirm: o.confirm,
      ask: (message) => this.prompter.password({ message }),
    });
  }

  /** True when the secret was given without a prompt (a file, stdin or its variable). */
  secretGiven(name: SecretName): boolean {
    const f = this.flags[`${name}-file`];
    return (
      (typeof f === 'string' && f !== '') ||
      this.flags[`${name}-stdin`] === true ||
      !!process.env[SECRET_ENV[name]]
    );
  }

  /** Open a key by file, alias, serial or PINFL/TIN; its password asked only when needed. */
  async openKey(ref: string, promptKey = 'keys.prompt.password'): Promise<OpenedKey> {
    const { openKey } = await import('../lib/keys/index.js');
    return openKey(ref, async () => (await this.secret('key-password', promptKey)).value, {
      roots: this.settings.get('key-roots'),
    });
  }

  /** A value given, else (terminal) asked, else a usage error naming the flag or the argument. */
  async valueOrAsk<V>(
    value: V | undefined,
    input: { flag: string } | { arg: string; usage: string },
    ask: (p: Prompter) => Promise<V>,
  ): Promise<V> {
    if (value !== undefined && value !== null && value !== '') return value;
    if (!this.term.interactive) {
      if ('flag' in input)
        throw new UsageError('MISSING_INPUT', 'cli.error.missingInput', {
          params: { flag: `--${input.flag}` },
        });
      throw new UsageError('MISSING_INPUT', 'cli.error.missingArg', { params: input });
    }
    return ask(this.prompter);
  }
}

const nullStream = { write: () => true } as unknown as NodeJS.WritableStream;
