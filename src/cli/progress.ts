/**
 * Spinners and progress on stderr. On a dynamic terminal: an ora spinner / a redrawn bar with
 * rate and ETA. Otherwise: plain lines, at most one per `intervalMs` (default 5 s), so logs of
 * long batch jobs stay readable.
 */
import type { Terminal } from './terminal.js';

export interface Spinner {
  update(text: string): void;
  succeed(text?: string): void;
  fail(text?: string): void;
  stop(): void;
}

export async function startSpinner(
  term: Terminal,
  text: string,
  stream: NodeJS.WritableStream = process.stderr,
): Promise<Spinner> {
  if (!term.dynamic) {
    stream.write(`${text}\n`);
    return {
      update: () => {},
      succeed: (t) => t && stream.write(`${t}\n`),
      fail: (t) => t && stream.write(`${t}\n`),
      stop: () => {},
    };
  }
  const { default: ora } = await import('ora');
  const s = ora({
    text,
    stream: stream as NodeJS.WriteStream,
    color: term.color ? 'cyan' : false,
    isEnabled: true,
  }).start();
  return {
    update: (t) => {
      s.text = t;
    },
    succeed: (t) => s.succeed(t),
    fail: (t) => s.fail(t),
    stop: () => s.stop(),
  };
}

export interface ProgressOptions {
  total: number;
  label: string;
  /** Formats the plain-line form, e.g. (done, total, rate) => translated text. */
  line?: (done: number, total: number, ratePerSec: number, etaSec: number) => string;
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  tick(n?: number): void;
  done(): void;
  readonly completed: number;
}

export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '--:--';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(r).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function createProgress(
  term: Terminal,
  o: ProgressOptions,
  stream: NodeJS.WritableStream = process.stderr,
): Progress {
  const now = o.now ?? Date.now;
  const start = now();
  const interval = term.dynamic ? 100 : (o.intervalMs ?? 5000);
  let completed = 0;
  // The first item prints a line at once (scripts and tests see that work is under way), then at
  // most one line per interval.
  let last = -Infinity;
  let shown = -1; // the count the last plain line showed
  const rate = () => completed / Math.max((now() - start) / 1000, 1e-3);
  const line =
    o.line ??
    ((d, total, r, eta) => `${o.label} ${d}/${total} (${r.toFixed(1)}/s, ETA ${formatDuration(eta)})`);

  const render = (final: boolean) => {
    const r = rate();
    const eta = r > 0 ? (o.total - completed) / r : Infinity;
    if (term.dynamic) {
      const width = 24;
      const frac = o.total > 0 ? completed / o.total : 1;
      const filled = Math.round(frac * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      stream.write(`\r\x1b[2K${bar} ${line(completed, o.total, r, eta)}${final ? '\n' : ''}`);
    } else {
      stream.write(`${line(completed, o.total, r, eta)}\n`);
      shown = completed;
    }
  };

  return {
    tick(n = 1) {
      completed += n;
      const t = now();
      if (t - last >= interval) {
        last = t;
        render(false);
      }
    },
    done() {
      // A plain line for the same count was already printed: do not repeat it.
      if (term.dynamic || shown !== completed) render(true);
    },
    get completed() {
      return completed;
    },
  };
}
