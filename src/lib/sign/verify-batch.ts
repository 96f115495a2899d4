/**
 * `key verify` over many signatures: which signature files, which content for each (--content,
 * --content-dir mirroring `key sign --out-dir`, or the file beside `x.pdf.p7s`), one report per
 * file whatever happens to another, and the error the run ends with.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';

import { InternalError, isOneIdError, SignatureError, UsageError } from '../errors/index.js';
import { t } from '../i18n/index.js';
import { collectInputs } from './inputs.js';
import { runPool } from './pool.js';
import { checkRevocation, type VerifyRevocation } from './revocation-step.js';
import { adoptVerified, assertValid, failureError, type SignerReport, type VerifyReport } from './verify.js';
import { VerifyCache } from './verify-cache.js';
import { checkSignatureFile, type CheckSettings } from './verify-job.js';
import type { Checked, VerifyJob, VerifyWorkerInit } from './worker-protocol.js';

/** One verified signature file in the `--json` result of `oneid key verify`. */
export interface VerifiedFile {
  file: string;
  /** Detached content used (--content, the file under --content-dir, or the one beside). */
  content?: string;
  valid: boolean;
  detached?: boolean;
  signers: SignerReport[];
  error?: { code: string; message: string };
}

/** `--json` result of `oneid key verify`. */
export interface VerifyBatchResult {
  valid: boolean;
  total: number;
  failed: number;
  files: VerifiedFile[];
}

/** A signature file and the folder its relative path starts from (for --content-dir). */
export interface SignatureInput {
  path: string;
  root: string;
}

export interface VerifyBatchOptions {
  signatures: SignatureInput[];
  /** The one content file (one signature only). */
  content?: string;
  /** Contents under this folder, with the signatures' relative layout (`a/b.txt.p7s` ↔ `DIR/a/b.txt`). */
  contentDir?: string;
  trusted?: Uint8Array[];
  /** Called with each file's report as soon as it is known (in input order). */
  onFile?: (entry: VerifiedFile) => void;
  /**
   * Worker threads that verify (the calling thread then only schedules); 0 verifies on the calling
   * thread. Default: the calling thread, joined by one worker per other core when the batch is
   * long enough to pay for them. One signature is always verified on the calling thread.
   */
  workers?: number;
  /**
   * Revocation, checked on the calling thread as a post-step on each file's report through one
   * per-batch checker: it caches per certificate and shares lookups in flight, wherever the
   * signature itself was verified.
   */
  revocation?: VerifyRevocation;
}

const GLOB_CHARS = /[*?[\]{}]/;

/** The folder a pattern's matches are relative to: its path up to the first segment with a wildcard. */
function patternBase(pattern: string, cwd: string): string {
  const parts = pattern.split(/[\\/]/);
  const i = parts.findIndex((p) => GLOB_CHARS.test(p));
  return path.resolve(cwd, parts.slice(0, i).join('/') || (pattern.startsWith('/') ? '/' : '.'));
}

/**
 * Signature inputs: explicit files as given; folders and patterns contribute their `.p7s` files.
 * A missing file is a usage error (exit 2); nothing found at all too.
 */
export async function collectSignatures(
  args: string[],
  o: { recursive?: boolean; cwd?: string } = {},
): Promise<SignatureInput[]> {
  const cwd = o.cwd ?? process.cwd();
  const out: SignatureInput[] = [];
  for (const a of args) {
    const abs = path.resolve(cwd, a);
    const st = await stat(abs).catch(() => undefined);
    if (st && !st.isDirectory()) {
      out.push({ path: abs, root: path.dirname(abs) });
      continue;
    }
    if (!st && !GLOB_CHARS.test(a))
      throw new UsageError('SIGN_INPUT_MISSING', 'sign.error.inputMissing', { params: { paths: a } });
    const root = st ? abs : patternBase(a, cwd);
    const found = await collectInputs({ args: [a], recursive: o.recursive, includeSignatures: true, cwd });
    for (const f of found) if (f.path.endsWith('.p7s')) out.push({ path: f.path, root });
  }
  if (out.length === 0) throw new UsageError('SIGN_NO_SIGNATURES', 'sign.error.noSignatures');
  return out;
}

/**
 * When the work left after the first SAMPLE files (verified here, timed) is estimated above
 * PAYOFF_MS, worker threads join in (two cores or more): below it, a worker's start (~45 ms of
 * CPU) and its own warm-up (JIT and heap growth: ~250 ms of CPU over an RSA batch) cost more than
 * it saves. Measured: docs/decisions.md.
 */
const SAMPLE = 24;
const PAYOFF_MS = 400;

/** Signature files handed out but not yet reported, at most (memory stays flat for any batch). */
const WINDOW = 256;

/** Files in flight on one thread (one file's reads overlap another's checks). */
const IN_FLIGHT = 8;

/** Verify every signature; resolves with the report when all verify, else throws the run's error. */
export async function verifyBatch(o: VerifyBatchOptions): Promise<VerifyBatchResult> {
  const single = o.signatures.length === 1;
  if (o.content !== undefined && !single)
    throw new UsageError('SIGN_CONTENT_WITH_MANY', 'sign.error.contentWithMany');
  if (o.content !== undefined && o.contentDir !== undefined)
    throw new UsageError('SIGN_CONTENT_TWICE', 'sign.error.contentTwice');
  for (const p of [o.content, o.contentDir])
    if (p !== undefined && !existsSync(p))
      throw new UsageError('SIGN_INPUT_MISSING', 'sign.error.inputMissing', { params: { paths: p } });

  const files: VerifiedFile[] = [];
  let unexpected: Error | undefined;
  const here = new VerifyCache();
  /**
   * Every finished file passes here, in input order, before it is reported (`onFile`) and
   * collected, wherever it was verified: the one place for a post-step over each file's full
   * report (`c.report`, absent when the signature could not be read). It may be async: the next
   * file waits for it.
   */
  const finished = async (c: Checked): Promise<void> => {
    // From a worker: `verifiedSigner()` works on the report as on the thread that verified it.
    if (c.report && c.verified) adoptVerified(c.report, c.verified, here);
    if (c.report) {
      if (o.revocation) await revocationStep(c, c.report, o.revocation);
      // The certificate path served the revocation check; it is not part of the printed report.
      // Dropped in place: a copy of a signer would lose what earns `verifiedSigner()`.
      for (const s of c.report.signers) delete s.chainCertificates;
      c.entry.signers = c.report.signers;
    }
    if (c.failure) c.entry.error = { code: c.failure.code, message: t(c.failure.key, c.failure.params) };
    if (c.unexpected) unexpected ??= c.unexpected;
    o.onFile?.(c.entry);
    files.push(c.entry);
  };
  await new Scheduler(o, here, finished).run();

  const failed = files.filter((f) => !f.valid).length;
  const result: VerifyBatchResult = { valid: failed === 0, total: files.length, failed, files };
  if (unexpected)
    throw new InternalError('INTERNAL', 'cli.error.internal', {
      params: { detail: unexpected.message },
      cause: unexpected,
      data: { result },
    });
  if (failed === 0) return result;
  if (single) {
    const only = files[0]!;
    const bad = only.signers.find((s) => s.code);
    if (bad?.code) throw failureError(bad.code, bad, { result });
    throw new SignatureError(only.error!.code, 'sign.verify.failed', {
      params: { file: only.file, reason: only.error!.message },
      data: { result },
    });
  }
  throw new SignatureError('SIGNATURE_BATCH_FAILED', 'sign.error.verifyBatchFailed', {
    params: { failed, total: files.length },
    data: { result },
  });
}

/** Revocation may turn a valid file invalid: the file then fails with the signer's own error. */
async function revocationStep(c: Checked, report: VerifyReport, check: VerifyRevocation): Promise<void> {
  await checkRevocation(report, check);
  if (!c.entry.valid || report.valid) return;
  c.entry.valid = false;
  try {
    assertValid(report);
  } catch (e) {
    if (!isOneIdError(e)) throw e;
    c.failure = { code: e.code, key: e.key, params: e.params };
  }
}

/**
 * Hands the files out in input order, to this thread or to worker threads (the signing engine's
 * pool, pool.ts; each worker has its own cache), and puts the answers back in input order before
 * they pass `finished`. At most WINDOW files are handed out and not yet reported, so a slow file
 * holds back the hand-out, not memory.
 *
 * Without `workers`, the first SAMPLE files are verified here and timed; when the rest would take
 * longer than PAYOFF_MS here, one worker per other core starts and this thread goes on verifying
 * beside them, taking the next files as the workers do. With `workers`, only they verify.
 */
class Scheduler {
  private readonly jobs: SignatureInput[];
  private readonly answered = new Map<number, Checked>();
  private given = 0;
  private reported = 0;
  private failed: unknown;
  private draining = false;
  /** The drain in progress (or the last one). */
  private drained: Promise<void> = Promise.resolve();
  /** Wakes whoever waits for room in the window (this thread's loop, the pool's hand-out). */
  private wakers = new Set<() => void>();
  private readonly settings: CheckSettings;

  constructor(
    private readonly o: VerifyBatchOptions,
    private readonly cache: VerifyCache,
    private readonly finished: (c: Checked) => void | Promise<void>,
  ) {
    this.jobs = o.signatures;
    this.settings = {
      content: o.content,
      contentDir: o.contentDir,
      trusted: o.trusted,
      single: o.signatures.length === 1,
    };
  }

  async run(): Promise<void> {
    const n = this.jobs.length;
    const forced = this.o.workers;
    // Chosen here: this thread verifies too, beside one worker per other core.
    let size = n <= 1 ? 0 : Math.max(0, Math.min(forced ?? availableParallelism() - 1, n));
    if (forced === undefined && size > 0) {
      const t0 = performance.now();
      await this.here(() => this.given >= SAMPLE);
      const perFile = (performance.now() - t0) / Math.max(1, this.given);
      if (this.given >= n || perFile * (n - this.given) < PAYOFF_MS) size = 0;
    }
    if (size > 0 && this.failed === undefined)
      await Promise.all([
        this.pool(size).catch((e: unknown) => {
          this.failed ??= e;
        }),
        forced === undefined ? this.here(() => false) : undefined,
      ]);
    else await this.here(() => false);
    await this.drained;
    if (this.failed !== undefined) throw this.failed;
  }

  private room(): boolean {
    return this.failed === undefined && this.given < this.jobs.length && this.given < this.reported + WINDOW;
  }

  private answer(id: number, c: Checked): void {
    this.answered.set(id, c);
    if (this.draining) return; // the loop in progress takes it
    this.draining = true;
    this.drained = this.drain();
  }

  /** Reports leave in input order; an async `finished` holds back the next one (and the hand-out). */
  private async drain(): Promise<void> {
    try {
      while (this.failed === undefined && this.answered.has(this.reported)) {
        const c = this.answered.get(this.reported)!;
        this.answered.delete(this.reported);
        this.reported++;
        const p = this.finished(c);
        if (p) await p;
        for (const wake of this.wakers) wake();
      }
    } catch (e) {
      this.failed ??= e;
      for (const wake of this.wakers) wake();
    } finally {
      this.draining = false;
    }
  }

  /** Verify on this thread, IN_FLIGHT files at a time, until `enough()` or nothing is left to take. */
  private async here(enough: () => boolean): Promise<void> {
    const running = new Set<Promise<void>>();
    let wake = (): void => undefined;
    const waker = () => wake();
    this.wakers.add(waker);
    try {
      for (;;) {
        while (running.size < IN_FLIGHT && !enough() && this.room()) {
          const id = this.given++;
          const p: Promise<void> = checkSignatureFile(this.jobs[id]!, this.settings, this.cache)
            .then(
              (c) => this.answer(id, c),
              (e: unknown) => {
                this.failed ??= e;
              },
            )
            .finally(() => running.delete(p));
          running.add(p);
        }
        if (running.size > 0) await Promise.race(running);
        else if (!enough() && this.failed === undefined && this.given < this.jobs.length)
          await new Promise<void>((r) => (wake = r)); // the window is full: wait for a report
        else return;
      }
    } finally {
      this.wakers.delete(waker);
    }
  }

  private pool(size: number): Promise<void> {
    const init: VerifyWorkerInit = {
      settings: { contentDir: this.o.contentDir, trusted: this.o.trusted },
      concurrency: WORKER_CONCURRENCY,
    };
    return runPool<VerifyJob, Checked & { id: number }>({
      module: 'verify-worker',
      size,
      init,
      maxInFlight: WORKER_IN_FLIGHT,
      take: (max) => {
        const out: VerifyJob[] = [];
        while (out.length < max && this.room()) {
          const id = this.given++;
          const s = this.jobs[id]!;
          out.push({ id, path: s.path, root: s.root });
        }
        return out;
      },
      drained: () => this.given >= this.jobs.length || this.failed !== undefined,
      onResults: (results) => {
        for (const { id, ...c } of results) this.answer(id, c);
      },
      bind: (feed) => this.wakers.add(feed),
      failure: (reason, cause) =>
        new InternalError('VERIFY_WORKER', 'sign.error.verifyWorker', { params: { reason }, cause }),
    });
  }
}

/**
 * Files a verification worker keeps in flight (its reads overlap its checks), and handed to it:
 * enough for ~10 ms of RSA checks, as this thread, verifying too, hears the workers only between
 * its own slices of work (chain.ts yields every 8 ms).
 */
const WORKER_CONCURRENCY = 4;
const WORKER_IN_FLIGHT = 96;
