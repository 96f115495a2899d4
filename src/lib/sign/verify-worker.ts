/**
 * A verification worker: one VerifyCache for the whole batch (certificates parsed, keys decoded,
 * chains checked once; an O'z DSt key's precomputed table stays in this thread's point cache),
 * then the jobs the main thread sends, answered with full reports.
 */
import { workerData } from 'node:worker_threads';
import { verifyWork } from './verify-job.js';
import { serveJobs } from './worker-host.js';
import type { Checked, VerifyJob, VerifyWorkerInit } from './worker-protocol.js';

const init = workerData as VerifyWorkerInit;
serveJobs<VerifyJob, Checked>(() => verifyWork(init.settings), init.concurrency);
