/**
 * Fixed-window counters and lockouts in memory. The sandbox is one process, so memory is the
 * simplest correct place; a restart forgets them, which a local test portal can afford.
 *
 * Limits on guesses whose check is asynchronous (a password's scrypt runs ~30 ms on the thread
 * pool) are taken as reservations: `reserve` counts the attempt synchronously, before the first
 * `await`, together with the attempts still being checked, so that a burst of concurrent requests
 * gets no more evaluations than the limit allows (issue 13: 300 parallel logins were all checked).
 */
import { tooMany } from '../http/errors.js';

interface Window {
  count: number;
  resetAt: number;
}

/** One limit an attempt must fit in: at most `limit` failures per window, then a lock. */
export interface AttemptLimit {
  key: string;
  /** Failures allowed within the window; the one that reaches it locks the key. */
  limit: number;
  windowMs: number;
  lockMs: number;
  /** 429 error code and English message when the key is locked or has no attempt left. */
  code: string;
  message: string;
}

/**
 * A limit on wrong guesses with the portal's lockout (`lockoutSeconds`): `limit` failures within
 * `windowSeconds` (default: the rate window), then the key is locked.
 */
export function guessLimit(
  s: { rateWindowSeconds: number; lockoutSeconds: number },
  key: string,
  limit: number,
  refusal: { code: string; message: string },
  windowSeconds = s.rateWindowSeconds,
): AttemptLimit {
  return { key, limit, windowMs: windowSeconds * 1000, lockMs: s.lockoutSeconds * 1000, ...refusal };
}

/** Attempts reserved by `reserve`: settle each exactly once (later calls do nothing). */
export interface Reservation {
  /** The guess was wrong: count it as a failure; reaching a limit locks its key. */
  fail(): void;
  /** The guess was right: failures of the keys named in `reset` are forgotten. */
  succeed(reset?: readonly string[]): void;
  /** The check did not happen (an error): give the attempt back uncounted. */
  cancel(): void;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly locks = new Map<string, number>();
  /** Attempts reserved and not yet settled, per key. */
  private readonly pending = new Map<string, number>();

  /** Count one event; true when the key is still within `limit` events per window. */
  hit(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
    const w = this.window(key, windowMs, now);
    w.count++;
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

  /**
   * Reserve one attempt under every limit, atomically (no `await` inside), or throw 429: when a
   * key is locked (retryAfter = the lock's rest), or when its failures so far plus the attempts
   * still being checked already reach its limit (retryAfter = 1 s: the checks in flight decide
   * within milliseconds whether the key locks). Nothing is reserved when it throws.
   */
  reserve(limits: readonly AttemptLimit[], now = Date.now()): Reservation {
    for (const l of limits) {
      const locked = this.lockedFor(l.key, now);
      if (locked) throw tooMany(l.code, l.message, locked);
    }
    for (const l of limits) {
      if (this.count(l.key, now) + (this.pending.get(l.key) ?? 0) >= l.limit) {
        throw tooMany(l.code, l.message, 1);
      }
    }
    for (const l of limits) this.pending.set(l.key, (this.pending.get(l.key) ?? 0) + 1);
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      for (const l of limits) {
        const n = (this.pending.get(l.key) ?? 1) - 1;
        if (n > 0) this.pending.set(l.key, n);
        else this.pending.delete(l.key);
      }
      return true;
    };
    return {
      fail: () => {
        if (!settle()) return;
        const at = Date.now();
        for (const l of limits) {
          if (!this.hit(l.key, l.limit - 1, l.windowMs, at)) {
            this.lock(l.key, l.lockMs, at);
            this.clear(l.key);
          }
        }
      },
      succeed: (reset = []) => {
        if (!settle()) return;
        for (const k of reset) this.clear(k);
      },
      cancel: () => void settle(),
    };
  }

  reset(): void {
    this.windows.clear();
    this.locks.clear();
    // Attempts in flight keep their reservations: their settling must not go below zero.
  }

  private window(key: string, windowMs: number, now: number): Window {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.sweep(now);
    }
    return w;
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    for (const [k, until] of this.locks) if (until <= now) this.locks.delete(k);
  }
}
