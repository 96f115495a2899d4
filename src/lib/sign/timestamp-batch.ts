/**
 * `key timestamp` as one call: an RFC 3161 token from a TSA for each signer of existing
 * signatures that has none, written back atomically (in place by default, as E-IMZO does, or
 * under `outDir`) in the form each file was in. The work waits on the network, so it runs on this
 * thread with a bounded number of files in flight (default 8), not on worker threads.
 *
 * Ctrl-C (interrupts.ts) stops dispatching and lets the files in flight finish; a second one
 * abandons their requests and removes their temp files. A file is only ever replaced whole (temp
 * + fsync + rename), so after a kill each file is either as it was or completely stamped: a run
 * with `resume` skips the stamped ones and finishes the rest. A TSA that cannot be reached or
 * refuses is the same for every file: the run stops dispatching and ends with that error.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BatchError,
  InterruptedError,
  isOneIdError,
  SignatureError,
  UsageError,
  type OneIdError,
} from '../errors/index.js';
import {
  OutputExistsError,
  pathExists,
  removeOwnTempsSync,
  removeStaleTemps,
  trackTempDirs,
  writeFileAtomic,
} from '../files/index.js';
import { t } from '../i18n/index.js';
import { attachTimestampTokens, timestampTargets } from './attach-timestamp.js';
import { signatureBytes } from './cms-decode.js';
import { onInterrupt } from './interrupts.js';
import { failed } from './sign-file.js';
import { requestTimestamp } from './timestamp.js';
import { encodeSignature, signatureFormOf, type SignatureFormat } from './transport.js';
import type { SignatureInput } from './verify-batch.js';

/** A file whose signers all carry a token: fail (default), skip (`resume`) or re-stamp (`force`). */
export type StampPolicy = 'fail' | 'force' | 'resume';

export interface StampedFile {
  input: string;
  output: string;
  status: 'stamped' | 'skipped' | 'failed';
  /** Tokens added (one per signer stamped). */
  tokens?: number;
  /** The form written. */
  format?: SignatureFormat;
  /** Error code when failed (`SIGN_ALREADY_TIMESTAMPED`, `SIGNATURE_MALFORMED`…). */
  code?: string;
  /** Why it failed, in the user's language. */
  message?: string;
}

export interface TimestampRunOptions {
  inputs: SignatureInput[];
  /** The TSA's URL (`tsaUrl(portal)` for the portal's). */
  tsa: string;
  /** Write under this folder (relative paths kept) instead of replacing each file. */
  outDir?: string;
  existing?: StampPolicy;
  /** The form written; default: each file's own. */
  format?: SignatureFormat;
  /** Files in flight (default 8). */
  concurrency?: number;
  /** Per TSA request (default 30 s). */
  timeoutMs?: number;
  /** Keep every result (default true); false keeps failures only (huge batches). */
  keepResults?: boolean;
  onResult?: (r: StampedFile) => void;
}

/** `--json` result of `oneid key timestamp`. */
export interface TimestampRunResult {
  tsa: string;
  total: number;
  stamped: number;
  skipped: number;
  failed: number;
  /** Files never started (an interrupt, or the TSA failing). */
  notStarted: number;
  interrupted: boolean;
  /** Tokens added over all files. */
  tokens: number;
  elapsedMs: number;
  results: StampedFile[];
}

interface Job {
  input: string;
  output: string;
}

interface Settings {
  tsa: string;
  existing: StampPolicy;
  format?: SignatureFormat;
  timeoutMs?: number;
  signal: AbortSignal;
}

/** Errors of the TSA exchange: the same for every file, so they end the run. */
const TSA_CODES = new Set(['SIGN_TSA_UNREACHABLE', 'SIGN_TSA_REFUSED', 'SIGN_TIMESTAMP_MALFORMED']);

function failure(job: Job, e: unknown): StampedFile {
  const { messageKey, params, message, code } = failed(job.input, job.output, e);
  return {
    input: job.input,
    output: job.output,
    status: 'failed',
    code,
    message: messageKey ? t(messageKey, params) : message,
  };
}

/** `output` (written by an earlier run) is `input` with every signer stamped. */
async function isStampedCopy(input: string, output: string): Promise<boolean> {
  try {
    const mine = timestampTargets(await readFile(input));
    const theirs = timestampTargets(await readFile(output));
    return (
      mine.length === theirs.length &&
      theirs.every((x, i) => x.timestamped && x.signature.equals(mine[i]!.signature))
    );
  } catch {
    return false;
  }
}

async function stampOne(job: Job, s: Settings): Promise<{ r: StampedFile; tsaError?: OneIdError }> {
  const { input, output } = job;
  const inPlace = input === output;
  const skipped: StampedFile = { input, output, status: 'skipped' };
  try {
    if (!inPlace && s.existing !== 'force' && (await pathExists(output, { followLinks: false }))) {
      if (s.existing === 'resume' && (await isStampedCopy(input, output))) return { r: skipped };
      throw new OutputExistsError(output);
    }
    const bytes = await readFile(input);
    const der = signatureBytes(bytes);
    const targets = timestampTargets(der);
    if (!targets.length) throw new SignatureError('SIGNATURE_NO_SIGNERS', 'sign.error.noSigners');
    const todo = s.existing === 'force' ? targets : targets.filter((x) => !x.timestamped);
    if (!todo.length) {
      if (s.existing === 'resume') return { r: skipped };
      throw new UsageError('SIGN_ALREADY_TIMESTAMPED', 'sign.error.fileTimestamped');
    }
    let tokens: Buffer[];
    try {
      tokens = await Promise.all(
        todo.map((x) =>
          requestTimestamp(x.signature, { url: s.tsa, timeoutMs: s.timeoutMs, signal: s.signal }),
        ),
      );
    } catch (e) {
      return { r: failure(job, e), tsaError: isOneIdError(e) && TSA_CODES.has(e.code) ? e : undefined };
    }
    // Abandoned (a second Ctrl-C) while the TSA answered: write nothing more.
    if (s.signal.aborted) return { r: { input, output, status: 'failed', code: 'SIGN_INTERRUPTED' } };
    const stamped = await attachTimestampTokens(
      der,
      todo.map((x, i) => ({ signerIndex: x.index, token: tokens[i]! })),
      { replace: s.existing === 'force' },
    );
    const format = s.format ?? signatureFormOf(bytes);
    // In place the file keeps its permissions; a new file is public, as signatures are.
    const mode = inPlace ? (await stat(input)).mode & 0o777 : 0o644;
    await writeFileAtomic(output, encodeSignature(stamped, format), {
      mode,
      replace: inPlace || s.existing === 'force',
      syncDir: false,
    });
    return { r: { input, output, status: 'stamped', tokens: todo.length, format } };
  } catch (e) {
    const err =
      e instanceof OutputExistsError
        ? new UsageError('SIGN_OUTPUT_EXISTS', 'sign.error.timestampOutputExists', { params: { output } })
        : e;
    return { r: failure(job, err) };
  }
}

export async function timestampFiles(
  o: TimestampRunOptions,
): Promise<{ result: TimestampRunResult; failure?: OneIdError }> {
  const started = Date.now();
  const seen = new Set<string>();
  const jobs: Job[] = [];
  for (const i of o.inputs) {
    if (seen.has(i.path)) continue;
    seen.add(i.path);
    const output = o.outDir ? path.join(path.resolve(o.outDir), path.relative(i.root, i.path)) : i.path;
    jobs.push({ input: i.path, output });
  }
  const dirs = new Set(jobs.map((j) => path.dirname(j.output)));
  if (o.outDir) for (const d of dirs) await mkdir(d, { recursive: true });
  // Every run clears what killed runs left in the folders it writes to.
  await removeStaleTemps(dirs);

  const result: TimestampRunResult = {
    tsa: o.tsa,
    total: jobs.length,
    stamped: 0,
    skipped: 0,
    failed: 0,
    notStarted: 0,
    interrupted: false,
    tokens: 0,
    elapsedMs: 0,
    results: [],
  };
  const keep = o.keepResults ?? true;
  let done = 0;
  let fatal: OneIdError | undefined;
  const record = (r: StampedFile) => {
    done++;
    result[r.status]++;
    result.tokens += r.tokens ?? 0;
    if (keep || r.status === 'failed') result.results.push(r);
    o.onResult?.(r);
  };

  const interrupts = onInterrupt();
  const abandon = new AbortController();
  const settings: Settings = {
    tsa: o.tsa,
    existing: o.existing ?? 'fail',
    format: o.format,
    timeoutMs: o.timeoutMs,
    signal: abandon.signal,
  };
  const concurrency = o.concurrency ?? 8;
  const untrack = trackTempDirs(dirs);
  try {
    await new Promise<void>((resolve) => {
      let inFlight = 0;
      let next = 0;
      let stopped = false;
      const halted = () => interrupts.finish.aborted || fatal !== undefined;
      const feed = () => {
        while (!halted() && inFlight < concurrency && next < jobs.length) {
          const job = jobs[next++]!;
          inFlight++;
          void stampOne(job, settings).then(({ r, tsaError }) => {
            if (stopped) return; // abandoned by a second Ctrl-C: counted as not started
            inFlight--;
            fatal ??= tsaError;
            record(r);
            feed();
          });
        }
        if (inFlight === 0) resolve();
      };
      interrupts.finish.addEventListener('abort', () => inFlight === 0 && resolve(), { once: true });
      interrupts.stop.addEventListener(
        'abort',
        () => {
          stopped = true;
          abandon.abort();
          resolve();
        },
        { once: true },
      );
      feed();
    });
  } finally {
    interrupts.dispose();
    // Stopped or interrupted: nothing of ours writes any more, so our temps here are abandoned.
    if (done !== jobs.length) removeOwnTempsSync(dirs);
    untrack();
  }

  result.notStarted = jobs.length - done;
  result.interrupted = result.notStarted > 0 && interrupts.finish.aborted;
  result.elapsedMs = Date.now() - started;
  if (keep) {
    const order = new Map(jobs.map((j, i) => [j.input, i]));
    result.results.sort((a, b) => order.get(a.input)! - order.get(b.input)!);
  }
  const data = { result };
  const { failed: nFailed, total, notStarted } = result;
  if (result.interrupted)
    return {
      result,
      failure: new InterruptedError('SIGN_INTERRUPTED', 'sign.interrupted', {
        params: { notStarted },
        data,
      }),
    };
  if (fatal) {
    // The TSA's own error (its class gives the exit code), with the run's result and a hint.
    const Ctor = fatal.constructor as new (code: string, key: string, d: object) => OneIdError;
    return {
      result,
      failure: new Ctor(fatal.code, fatal.key, {
        params: fatal.params,
        hintKey: notStarted > 0 ? 'sign.timestamp.tsaHint' : undefined,
        hintParams: { notStarted },
        data,
      }),
    };
  }
  if (nFailed > 0)
    return {
      result,
      failure: new BatchError('SIGN_TIMESTAMP_BATCH_FAILED', 'sign.error.timestampBatchFailed', {
        params: { failed: nFailed, total },
        data,
      }),
    };
  return { result };
}
