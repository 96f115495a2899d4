/** Messages between the batch engines (main thread) and their workers (see pool.ts). */
import type { Params } from '../errors/index.js';
import type { FileResult, SignSettings } from './sign-file.js';
import type { TransferableSigner } from './signer.js';
import type { VerifyReport } from './verify.js';
import type { VerifiedFile } from './verify-batch.js';

/** `workerData` of a signing worker (worker.ts). */
export interface WorkerInit {
  signer: TransferableSigner;
  settings: SignSettings;
  /** Files a worker keeps in flight at once, so fsync and reads overlap the CPU work. */
  concurrency: number;
}

/** A file to sign. */
export interface Job {
  id: number;
  input: string;
  output: string;
}

/** `workerData` of a verification worker (verify-worker.ts). */
export interface VerifyWorkerInit {
  /** What every file of the batch is checked with (`VerifyBatchOptions` minus the callbacks). */
  settings: VerifySettings;
  /** Files a worker keeps in flight at once, so reads of some overlap the checks of others. */
  concurrency: number;
}

export interface VerifySettings {
  contentDir?: string;
  trusted?: Uint8Array[];
}

/** A signature file to verify (`root`: where its relative path starts, for --content-dir). */
export interface VerifyJob {
  id: number;
  path: string;
  root: string;
}

/** One verified file, as it crosses from a worker (structured clone) or stays on the calling thread. */
export interface Checked {
  entry: VerifiedFile;
  /** The full report, when the signature could be read (`entry.signers` is its `signers`). */
  report?: VerifyReport;
  /** Per signer of `report`: DER of the certificate `verifiedSigner()` gives, if any. */
  verified?: Array<Uint8Array | undefined>;
  /** Why the file failed, as a message key: its words are put on the calling thread. */
  failure?: { code: string; key: string; params?: Params };
  /** An unexpected (non-OneId) error (then `failure` says INTERNAL). */
  unexpected?: Error;
}

export type ToWorker<J = Job> = { type: 'jobs'; jobs: J[] };
export type FromWorker<R = FileResult & { id: number }> =
  { type: 'ready' } | { type: 'results'; results: R[] } | { type: 'fatal'; code: string; message: string };
