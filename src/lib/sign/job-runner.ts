/**
 * Runs jobs with bounded concurrency on one thread: each job is mostly I/O (read, write, fsync)
 * around a short CPU burst (hash + private-key operation), so a few in flight keep the core busy.
 * Results are handed back in batches to keep cross-thread messages few.
 */
import { CHUNK } from './digest.js';
import { signOne, type FileResult, type SignSettings } from './sign-file.js';
import type { Signer } from './signer.js';
import type { Job } from './worker-protocol.js';

const FLUSH_AT = 8;
const FLUSH_MS = 5;

export class JobRunner {
  private readonly queue: Job[] = [];
  private active = 0;
  private readonly buffers: Buffer[] = [];
  private pending: Array<FileResult & { id: number }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly signer: Signer,
    private readonly settings: SignSettings,
    private readonly concurrency: number,
    private readonly deliver: (results: Array<FileResult & { id: number }>) => void,
  ) {}

  push(jobs: Job[]): void {
    this.queue.push(...jobs);
    this.pump();
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length) {
      const job = this.queue.shift()!;
      this.active++;
      const buf = this.buffers.pop() ?? Buffer.allocUnsafe(CHUNK);
      void signOne(this.signer, this.settings, job.input, job.output, buf).then((r) => {
        this.buffers.push(buf);
        this.active--;
        this.pending.push({ ...r, id: job.id });
        this.scheduleFlush();
        this.pump();
      });
    }
  }

  /**
   * Results leave in batches (a cross-thread message per file cost measurably): at once when
   * `FLUSH_AT` are waiting or the runner ran dry, else after a few milliseconds.
   */
  private scheduleFlush(): void {
    const dry = this.active === 0 && this.queue.length === 0;
    if (this.pending.length >= FLUSH_AT || dry) {
      this.flush();
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const out = this.pending;
    this.pending = [];
    if (out.length) this.deliver(out);
  }
}
