/**
 * What the batch commands (`key sign`, `key timestamp`) print while they work: a progress line on
 * stderr (two files or more), or with --jsonl one JSON line per file on stdout; a failed file as a
 * note on stderr, and each other file as a result line when the batch is small enough to read.
 */
import { t } from '../lib/i18n/index.js';
import type { CommandContext } from './context.js';
import { formatDuration } from './progress.js';

export interface BatchItem {
  input: string;
  status: string;
  /** Why it failed, in the user's language. */
  message?: string;
}

export interface BatchReporter<R> {
  onResult(r: R): void;
  done(): void;
}

export function batchReporter<R extends BatchItem>(
  ctx: CommandContext,
  o: {
    total: number;
    jsonl: boolean;
    /** Catalog key of the progress line ({done}, {total}, {rate}, {eta}). */
    progressKey: string;
    /** The result line of a file that did not fail (undefined: none). */
    line: (r: R) => string | undefined;
  },
): BatchReporter<R> {
  // A one-file batch needs no progress line: its result line and the summary say it all.
  const progress =
    o.jsonl || o.total < 2
      ? undefined
      : ctx.progress({
          total: o.total,
          label: '',
          line: (done, total, rate, eta) =>
            t(o.progressKey, { done, total, rate: rate.toFixed(0), eta: formatDuration(eta) }),
        });
  const showEach = !ctx.json && !o.jsonl && o.total <= 50;
  return {
    onResult(r) {
      progress?.tick();
      if (o.jsonl) ctx.stdout.write(JSON.stringify(r) + '\n');
      else if (r.status === 'failed')
        ctx.note(t('sign.file.failed', { file: r.input, reason: r.message ?? '' }));
      else if (showEach) {
        const text = o.line(r);
        if (text !== undefined) ctx.out(text);
      }
    },
    done: () => progress?.done(),
  };
}
