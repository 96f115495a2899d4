/**
 * Runs jobs with bounded concurrency on one thread: each job is mostly I/O (read, write, fsync)
 * around a short CPU burst (hash + public- or private-key operation), so a few in flight keep the
 * core busy. Results are handed back in batches to keep cross-thread messages few. The signing
 * and the verification engines both run their jobs through it (on a worker or the calling thread).
 */
const FLUSH_AT = 8;
const FLUSH_MS = 5;

export class JobRunner<J extends { id: number }, R> {
  private readonly queue: J[] = [];
  private active = 0;
  private pending: Array<R & { id: number }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** One job's work. It reports failures in its result; a rejection is a bug (on a worker: a crash). */
    private readonly work: (job: J) => Promise<R>,
    private readonly concurrency: number,
    private readonly deliver: (results: Array<R & { id: number }>) => void,
  ) {}

  push(jobs: J[]): void {
    this.queue.push(...jobs);
    this.pump();
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length) {
      const job = this.queue.shift()!;
      this.active++;
      void this.work(job).then((r) => {
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
