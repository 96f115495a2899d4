/**
 * The worker side of pool.ts: set up once (`open`: a failure is reported once as fatal), then run
 * every chunk of jobs the main thread sends through a JobRunner and answer with the results.
 */
import { parentPort } from 'node:worker_threads';
import { isOneIdError } from '../errors/index.js';
// Errors made on this thread get their English `message` (nested in other errors' reasons, and in
// results for programmatic users) as on the main thread; the catalogs load only when one is made.
import '../i18n/index.js';
import { JobRunner } from './job-runner.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

export function serveJobs<J extends { id: number }, R>(
  open: () => (job: J) => Promise<R>,
  concurrency: number,
): void {
  const port = parentPort!;
  const send = (m: FromWorker<R & { id: number }>) => port.postMessage(m);
  try {
    const runner = new JobRunner(open(), concurrency, (results) => send({ type: 'results', results }));
    port.on('message', (m: ToWorker<J>) => {
      if (m.type === 'jobs') runner.push(m.jobs);
    });
    send({ type: 'ready' });
  } catch (e) {
    send({
      type: 'fatal',
      code: isOneIdError(e) ? e.code : 'SIGN_WORKER',
      message: String((e as Error)?.message ?? e),
    });
  }
}
