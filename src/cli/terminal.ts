/**
 * Colour and TTY rules of CLI-CONTRACT.md, decided once per run.
 * No colour/spinner/progress when the stream is not a TTY, when CI is set, with NO_COLOR,
 * --no-color or TERM=dumb; FORCE_COLOR forces colour (but never makes a pipe interactive).
 */
export interface TerminalOptions {
  noColorFlag?: boolean;
  noPromptFlag?: boolean;
  env?: NodeJS.ProcessEnv;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

export interface Terminal {
  /** Colour on stdout/stderr. */
  color: boolean;
  /** Spinners and redrawn progress bars on stderr. */
  dynamic: boolean;
  /** Prompts allowed (both stdin and stdout are TTYs and prompting is not disabled). */
  interactive: boolean;
}

const truthy = (v: string | undefined) =>
  v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

export function detectTerminal(o: TerminalOptions = {}): Terminal {
  const env = o.env ?? process.env;
  const stdinTTY = o.stdinIsTTY ?? Boolean(process.stdin.isTTY);
  const stdoutTTY = o.stdoutIsTTY ?? Boolean(process.stdout.isTTY);
  const stderrTTY = o.stderrIsTTY ?? Boolean(process.stderr.isTTY);
  const dumb = env.TERM === 'dumb';
  const ci = truthy(env.CI);
  const suppressed = Boolean(o.noColorFlag) || env.NO_COLOR !== undefined || dumb || ci;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const color = o.noColorFlag ? false : forced || (!suppressed && stderrTTY);
  const dynamic = stderrTTY && !dumb && !ci && env.NO_COLOR === undefined && !o.noColorFlag;
  const interactive = stdinTTY && stdoutTTY && !o.noPromptFlag && !truthy(env.ONEID_NO_PROMPT);
  return { color, dynamic, interactive };
}
