/**
 * A signing worker: opens the key once (from PKCS#8 DER in workerData), then signs the jobs the
 * main thread sends. The key is never logged; a failure to open it is reported once as fatal.
 */
import { workerData } from 'node:worker_threads';
import { signWork, type FileResult } from './sign-file.js';
import { fromTransferable, openSigner } from './signer.js';
import { serveJobs } from './worker-host.js';
import type { Job, WorkerInit } from './worker-protocol.js';

const init = workerData as WorkerInit;
serveJobs<Job, FileResult>(
  () => signWork(openSigner(fromTransferable(init.signer)), init.settings),
  init.concurrency,
);
