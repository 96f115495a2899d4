/**
 * A signing worker: opens the key once (from PKCS#8 DER in workerData), then signs the jobs the
 * main thread sends. The key is never logged; a failure to open it is reported once as fatal.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isOneIdError } from '../errors/index.js';
import { JobRunner } from './job-runner.js';
import { fromTransferable, openSigner } from './signer.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);
const init = workerData as WorkerInit;

try {
  const signer = openSigner(fromTransferable(init.signer));
  const runner = new JobRunner(signer, init.settings, init.concurrency, (results) =>
    send({ type: 'results', results }),
  );
  port.on('message', (m: ToWorker) => {
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
