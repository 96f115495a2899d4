/**
 * The worker_threads pool both batch engines run on (signing: worker.ts, verification:
 * verify-worker.ts): each worker runs a JobRunner and answers with results in batches; the main
 * thread only hands out small chunks of jobs, with a bounded number in flight per worker, and
 * hears the results. An interrupt (`signal`) stops the handing out and waits for the jobs in
 * flight; `stop` does not wait: the workers are terminated. A worker that fails to start, throws
 * or exits ends the run with the caller's typed error, never a hang.
 */
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** Jobs per message to a worker (and per push to a runner on the calling thread). */
export const CHUNK_JOBS = 16;

/** Worker modules of this folder. */
export type WorkerModule = 'worker' | 'verify-worker';

function workerUrl(module: WorkerModule): URL {
  // Under tsx (tests, bench) this module is .ts and so is its worker; built, both are .js.
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${module}${ext}`, import.meta.url);
}

/** Built, a worker is a .js file; from TypeScript sources (tests, bench) it registers tsx first. */
export function startWorker(module: WorkerModule, workerData: unknown): Worker {
  const url = workerUrl(module);
  // Built JS needs no loader: module hooks inherited from the parent (tsx, coverage) only slow
  // every worker's start-up, which counts in every batch.
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData, execArgv: [] });
  // Both hooks: the i18n module's catalogs are a require() from the sources.
  const boot = `Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]).then(([esm, cjs]) => (esm.register(), cjs.register())).then(() => import(${JSON.stringify(url.href)}))`;
  return new Worker(boot, { eval: true, workerData });
}

export interface PoolRun<J, R> {
  module: WorkerModule;
  /** Workers to start (≥ 1). */
  size: number;
  /** Each worker's `workerData`. */
  init: unknown;
  /** Jobs a worker may have in flight (handed out, not yet answered). */
  maxInFlight: number;
  /**
   * Up to `max` jobs to hand out now; none when there is nothing to give at the moment (all
   * given, interrupted, or the caller's own window is full: it is asked again after each answer).
   */
  take(max: number): J[];
  /** True once no job will be handed out any more (all given, or interrupted). */
  drained(): boolean;
  /** A worker's answers, in its completion order. */
  onResults(results: R[]): void;
  /** First interrupt: hand out nothing more (the caller's `take`/`drained` say so), finish the jobs in flight. */
  signal?: AbortSignal;
  /** Second interrupt: terminate the workers now; answers still on their way are dropped. */
  stop?: AbortSignal;
  /** The run's error for a worker that failed (`reason`: its message or exit code). */
  failure(reason: string, cause?: unknown): Error;
  /** Given the hand-out, for a caller whose `take` has more to give outside an answer (its window freed). */
  bind?(feed: () => void): void;
  /** Called with each worker once started (tests end one on purpose). */
  started?(worker: Worker): void;
}

/** Resolves once every job handed out is answered and nothing is left to hand out, or after a `stop`. */
export function runPool<J, R>(run: PoolRun<J, R>): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Array<{ w: Worker; inFlight: number; ready: boolean }> = [];
    let finished = false;
    const finish = (err?: unknown) => {
      if (finished) return;
      finished = true;
      // Settle once every worker is gone, so that nothing writes when the caller cleans up.
      void Promise.allSettled(workers.map((x) => x.w.terminate())).then(() =>
        err ? reject(err) : resolve(),
      );
    };
    const idle = () => workers.every((x) => x.inFlight === 0);
    const feed = () => {
      for (const x of workers) {
        while (x.ready && x.inFlight < run.maxInFlight) {
          const chunk = run.take(Math.min(CHUNK_JOBS, run.maxInFlight - x.inFlight));
          if (chunk.length === 0) break;
          x.inFlight += chunk.length;
          x.w.postMessage({ type: 'jobs', jobs: chunk } satisfies ToWorker<J>);
        }
      }
      if (run.drained() && idle()) finish();
    };
    run.bind?.(() => finished || feed());
    run.signal?.addEventListener('abort', () => run.drained() && idle() && finish(), { once: true });
    // Second interrupt: do not wait for the jobs in flight.
    if (run.stop?.aborted) queueMicrotask(() => finish());
    else run.stop?.addEventListener('abort', () => finish(), { once: true });
    for (let k = 0; k < run.size; k++) {
      const x = { w: startWorker(run.module, run.init), inFlight: 0, ready: false };
      workers.push(x);
      x.w.on('message', (m: FromWorker<R>) => {
        if (finished) return; // stopped: whatever still arrives is dropped
        if (m.type === 'ready') x.ready = true;
        else if (m.type === 'results') {
          x.inFlight -= m.results.length;
          run.onResults(m.results);
        } else {
          finish(run.failure(m.message));
          return;
        }
        feed();
      });
      x.w.on('error', (e) => finish(run.failure(String(e.message), e)));
      x.w.on('exit', (code) => {
        if (!finished) finish(run.failure(`exit ${code}`));
      });
      run.started?.(x.w);
    }
  });
}
