/**
 * Fixed-window counters and lockouts in memory. The sandbox is one process, so memory is the
 * simplest correct place; a restart forgets them, which a local test portal can afford.
 */
interface Window {
  count: number;
  resetAt: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly locks = new Map<string, number>();

  /** Count one event; true when the key is still within `limit` events per window. */
  hit(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    if (this.windows.size > 100_000) this.sweep(now);
    return w.count <= limit;
  }

  count(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    return w && w.resetAt > now ? w.count : 0;
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  lock(key: string, ms: number, now = Date.now()): void {
    this.locks.set(key, now + ms);
  }

  /** Seconds until the lock on `key` ends, or 0 when not locked. */
  lockedFor(key: string, now = Date.now()): number {
    const until = this.locks.get(key);
    if (until === undefined) return 0;
    if (until <= now) {
      this.locks.delete(key);
      return 0;
    }
    return Math.ceil((until - now) / 1000);
  }

  reset(): void {
    this.windows.clear();
    this.locks.clear();
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}
