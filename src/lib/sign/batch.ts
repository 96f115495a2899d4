/**
 * The batch engine: a worker_threads pool (default: one worker per core) signs, the main thread
 * only schedules and reports. Jobs go out in small chunks with a bounded number in flight per
 * worker, so an interrupt (AbortSignal, wired to Ctrl-C by the command) stops dispatching, lets
 * the files in flight finish, and returns `interrupted: true` with nothing half-written.
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../errors/index.js';
import { removeStaleTemps } from './atomic-write.js';
import { outputFor, type InputFile } from './inputs.js';
import { JobRunner } from './job-runner.js';
import type { FileResult, SignSettings } from './sign-file.js';
import { openSigner, toTransferable, type SignerKey } from './signer.js';
import type { FromWorker, Job, ToWorker, WorkerInit } from './worker-protocol.js';

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
  /** Files never started because of an interrupt. */
  notStarted: number;
  interrupted: boolean;
  elapsedMs: number;
  results: FileResult[];
}

const CHUNK_JOBS = 16;

function workerUrl(): URL {
  // Under tsx (tests, bench) this module is .ts and so is its worker; built, both are .js.
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./worker${ext}`, import.meta.url);
}

/** Built, the worker is a .js file; from TypeScript sources (tests, bench) it registers tsx first. */
function startWorker(init: WorkerInit): Worker {
  const url = workerUrl();
  // Built JS needs no loader: module hooks inherited from the parent (tsx, coverage) only slow
  // every worker's start-up, which counts in every batch.
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: init, execArgv: [] });
  const boot = `import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}))`;
  return new Worker(boot, { eval: true, workerData: init });
}

export async function signBatch(opts: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  openSigner(opts.key); // fail fast (unsupported key, key/certificate mismatch) before any work
  const jobs: Job[] = opts.inputs.map((f, id) => ({ id, input: f.path, output: outputFor(f, opts.outDir) }));
  const dirs = new Set(jobs.map((j) => path.dirname(j.output)));
  if (opts.outDir) for (const d of dirs) await mkdir(d, { recursive: true });
  await removeStaleTemps(dirs);

  const settings: SignSettings = {
    detached: opts.detached,
    existing: opts.existing,
    timestampUrl: opts.timestampUrl,
    signingTime: opts.signingTime,
    durable: opts.durable,
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
  if (nWorkers <= 0) await runInline(opts, settings, jobs, concurrency, record, next);
  else await runPool(opts, settings, jobs, nWorkers, concurrency, record, next);

  summary.notStarted = jobs.length - next.i;
  summary.interrupted = summary.notStarted > 0 && (opts.signal?.aborted ?? false);
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
    const runner = new JobRunner(openSigner(opts.key), settings, concurrency, (results) => {
      inFlight -= results.length;
      results.forEach(record);
      feed();
    });
    const feed = () => {
      while (!opts.signal?.aborted && inFlight < concurrency * 4 && next.i < jobs.length) {
        const chunk = jobs.slice(next.i, next.i + CHUNK_JOBS);
        next.i += chunk.length;
        inFlight += chunk.length;
        runner.push(chunk);
      }
      if (inFlight === 0) resolve();
    };
    opts.signal?.addEventListener('abort', () => inFlight === 0 && resolve(), { once: true });
    feed();
  });
}

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
  // Enough queued per worker that it never waits for the main thread between result batches.
  const maxInFlight = concurrency * 4;
  return new Promise((resolve, reject) => {
    const workers: Array<{ w: Worker; inFlight: number }> = [];
    let finished = false;
    const finish = (err?: unknown) => {
      if (finished) return;
      finished = true;
      for (const x of workers) void x.w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const idle = () => workers.every((x) => x.inFlight === 0);
    const feed = (x: { w: Worker; inFlight: number }) => {
      while (!opts.signal?.aborted && x.inFlight < maxInFlight && next.i < jobs.length) {
        const chunk = jobs.slice(next.i, next.i + CHUNK_JOBS);
        next.i += chunk.length;
        x.inFlight += chunk.length;
        x.w.postMessage({ type: 'jobs', jobs: chunk } satisfies ToWorker);
      }
      if ((next.i >= jobs.length || opts.signal?.aborted) && idle()) finish();
    };
    opts.signal?.addEventListener('abort', () => idle() && finish(), { once: true });
    for (let k = 0; k < nWorkers; k++) {
      const x = { w: startWorker(init), inFlight: 0 };
      workers.push(x);
      x.w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') feed(x);
        else if (m.type === 'results') {
          x.inFlight -= m.results.length;
          for (const r of m.results) {
            const { id: _id, ...rest } = r;
            record(rest);
          }
          feed(x);
        } else
          finish(new InternalError('SIGN_WORKER', 'sign.error.worker', { params: { reason: m.message } }));
      });
      x.w.on('error', (e) =>
        finish(
          new InternalError('SIGN_WORKER', 'sign.error.worker', {
            params: { reason: String(e.message) },
            cause: e,
          }),
        ),
      );
      x.w.on('exit', (code) => {
        if (!finished && code !== 0)
          finish(
            new InternalError('SIGN_WORKER', 'sign.error.worker', { params: { reason: `exit ${code}` } }),
          );
      });
    }
  });
}
