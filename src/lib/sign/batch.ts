/**
 * The batch engine: a worker_threads pool (default: one worker per core) signs, the main thread
 * only schedules and reports. Jobs go out in small chunks with a bounded number in flight per
 * worker, so an interrupt (AbortSignal, wired to Ctrl-C by the command) stops dispatching, lets
 * the files in flight finish, and returns `interrupted: true` with nothing half-written. A second
 * signal (`stop`, the second Ctrl-C) does not wait for them: the workers are terminated and the
 * temp files of the files they had in flight removed before returning.
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { InternalError } from '../errors/index.js';
import { removeOwnTempsSync, removeStaleTemps, trackTempDirs } from '../files/index.js';
import { outputFor, type InputFile } from './inputs.js';
import { JobRunner } from './job-runner.js';
import { CHUNK_JOBS, runPool as runWorkers } from './pool.js';
import { signWork, type FileResult, type SignSettings } from './sign-file.js';
import { openSigner, toTransferable, type SignerKey } from './signer.js';
import type { Job, WorkerInit } from './worker-protocol.js';

export interface BatchOptions extends SignSettings {
  key: SignerKey;
  inputs: InputFile[];
  outDir?: string;
  /** Worker threads; 0 signs on the calling thread. Default: number of cores. */
  workers?: number;
  /** Files in flight per worker (default 8). */
  concurrency?: number;
  /** Called once per finished file, in completion order. */
  onResult?: (r: FileResult, progress: BatchProgress) => void;
  signal?: AbortSignal;
  /**
   * Stop at once (second Ctrl-C): terminate the workers, remove the temp files of the files in
   * flight, return. Those files count as not started (their output, if published, is complete).
   * Meant to follow `signal`; on its own it also stops dispatching.
   */
  stop?: AbortSignal;
  /** Keep every result in the summary (default true); false keeps failures only (huge batches). */
  keepResults?: boolean;
}

export interface BatchProgress {
  total: number;
  done: number;
  failed: number;
  elapsedMs: number;
}

export interface BatchSummary {
  total: number;
  signed: number;
  appended: number;
  skipped: number;
  failed: number;
  /** Files never started because of an interrupt (after a `stop`: also those left in flight). */
  notStarted: number;
  interrupted: boolean;
  elapsedMs: number;
  results: FileResult[];
}

export async function signBatch(opts: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  openSigner(opts.key); // fail fast (unsupported key, key/certificate mismatch) before any work
  const jobs: Job[] = opts.inputs.map((f, id) => ({ id, input: f.path, output: outputFor(f, opts.outDir) }));
  const dirs = new Set(jobs.map((j) => path.dirname(j.output)));
  if (opts.outDir) for (const d of dirs) await mkdir(d, { recursive: true });
  // Every run, --resume or not, clears what killed runs left in the folders it writes to.
  await removeStaleTemps(dirs);

  const settings: SignSettings = {
    detached: opts.detached,
    existing: opts.existing,
    timestampUrl: opts.timestampUrl,
    signingTime: opts.signingTime,
    durable: opts.durable,
    format: opts.format,
  };
  const summary: BatchSummary = {
    total: jobs.length,
    signed: 0,
    appended: 0,
    skipped: 0,
    failed: 0,
    notStarted: 0,
    interrupted: false,
    elapsedMs: 0,
    results: [],
  };
  const keep = opts.keepResults ?? true;
  let done = 0;
  const record = (r: FileResult) => {
    done++;
    if (r.status === 'signed') summary.signed++;
    else if (r.status === 'appended') summary.appended++;
    else if (r.status === 'skipped') summary.skipped++;
    else summary.failed++;
    if (keep || r.status === 'failed') summary.results.push(r);
    opts.onResult?.(r, { total: jobs.length, done, failed: summary.failed, elapsedMs: Date.now() - started });
  };

  const concurrency = opts.concurrency ?? 8;
  const nWorkers = Math.min(opts.workers ?? availableParallelism(), jobs.length);
  const next = { i: 0 };
  const untrack = trackTempDirs(dirs);
  let clean = false;
  try {
    if (nWorkers <= 0) await runInline(opts, settings, jobs, concurrency, record, next);
    else await runPool(opts, settings, jobs, nWorkers, concurrency, record, next);
    clean = done === jobs.length;
  } finally {
    // Stopped, interrupted or failed: nothing of ours writes any more (workers are terminated),
    // so every temp file of this process in these folders is an abandoned one.
    if (!clean) removeOwnTempsSync(dirs);
    untrack();
  }

  summary.notStarted = jobs.length - done;
  const aborted = (opts.signal?.aborted ?? false) || (opts.stop?.aborted ?? false);
  summary.interrupted = summary.notStarted > 0 && aborted;
  summary.elapsedMs = Date.now() - started;
  if (keep) {
    // Report in input order, whatever order the workers finished in.
    const order = new Map(jobs.map((j) => [j.input, j.id]));
    summary.results.sort((a, b) => order.get(a.input)! - order.get(b.input)!);
  }
  return summary;
}

function runInline(
  opts: BatchOptions,
  settings: SignSettings,
  jobs: Job[],
  concurrency: number,
  record: (r: FileResult) => void,
  next: { i: number },
): Promise<void> {
  return new Promise((resolve) => {
    let inFlight = 0;
    let stopped = false;
    const runner = new JobRunner<Job, FileResult>(
      signWork(openSigner(opts.key), settings),
      concurrency,
      (results) => {
        if (stopped) return; // abandoned by a stop: counted as not started
        inFlight -= results.length;
        results.forEach(record);
        feed();
      },
    );
    const feed = () => {
      while (!halted(opts) && inFlight < concurrency * 4 && next.i < jobs.length) {
        const chunk = jobs.slice(next.i, next.i + CHUNK_JOBS);
        next.i += chunk.length;
        inFlight += chunk.length;
        runner.push(chunk);
      }
      if (inFlight === 0) resolve();
    };
    opts.signal?.addEventListener('abort', () => inFlight === 0 && resolve(), { once: true });
    // On this thread the files in flight cannot be cut short: stop waiting for them. Their temp
    // files are removed by the caller; one still being written when the process exits is the
    // next run's to remove.
    const onStop = () => {
      stopped = true;
      resolve();
    };
    if (opts.stop?.aborted) onStop();
    else opts.stop?.addEventListener('abort', onStop, { once: true });
    feed();
  });
}

const halted = (opts: BatchOptions): boolean => !!opts.signal?.aborted || !!opts.stop?.aborted;

function runPool(
  opts: BatchOptions,
  settings: SignSettings,
  jobs: Job[],
  nWorkers: number,
  concurrency: number,
  record: (r: FileResult) => void,
  next: { i: number },
): Promise<void> {
  const init: WorkerInit = { signer: toTransferable(opts.key), settings, concurrency };
  return runWorkers<Job, FileResult & { id: number }>({
    module: 'worker',
    size: nWorkers,
    init,
    // Enough queued per worker that it never waits for the main thread between result batches.
    maxInFlight: concurrency * 4,
    take: (max) => {
      if (halted(opts)) return [];
      const chunk = jobs.slice(next.i, next.i + max);
      next.i += chunk.length;
      return chunk;
    },
    drained: () => next.i >= jobs.length || halted(opts),
    onResults: (results) => {
      for (const { id: _id, ...rest } of results) record(rest);
    },
    signal: opts.signal,
    stop: opts.stop,
    failure: (reason, cause) =>
      new InternalError('SIGN_WORKER', 'sign.error.worker', { params: { reason }, cause }),
  });
}
