/** Messages between the batch engine (main thread) and its signing workers. */
import type { FileResult, SignSettings } from './sign-file.js';
import type { TransferableSigner } from './signer.js';

export interface WorkerInit {
  signer: TransferableSigner;
  settings: SignSettings;
  /** Files a worker keeps in flight at once, so fsync and reads overlap the CPU work. */
  concurrency: number;
}

export interface Job {
  id: number;
  input: string;
  output: string;
}

export type ToWorker = { type: 'jobs'; jobs: Job[] };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'results'; results: Array<FileResult & { id: number }> }
  | { type: 'fatal'; code: string; message: string };
