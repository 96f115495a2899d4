/**
 * The revocation area's HTTP: plain GETs and POSTs to whatever URL a certificate names (node's
 * fetch), with a short timeout and at most a few requests at a time. Failures are values, not
 * throws: an unreachable responder makes a status unknown, it does not end the run.
 */
import { trace } from '../debug/index.js';

/** Per request. A responder that needs longer is treated as down. */
export const TIMEOUT_MS = 4000;
/** Requests in flight at once (per checker). */
export const MAX_CONCURRENT = 4;

export type Fetched = { ok: true; body: Buffer } | { ok: false; why: string };

/** A counting semaphore: at most `max` of the given tasks run at once. */
export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly max = MAX_CONCURRENT) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((go) => this.waiting.push(go));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** One request; the body on 2xx, else why not (`HTTP 503`, `timeout`, `ECONNREFUSED`…). */
export async function fetchBytes(
  url: string,
  o: { body?: Buffer; contentType?: string; timeoutMs?: number } = {},
): Promise<Fetched> {
  trace('revocation', `${o.body ? 'POST' : 'GET'} ${url}`);
  try {
    const res = await fetch(url, {
      method: o.body ? 'POST' : 'GET',
      ...(o.body
        ? { body: o.body, headers: { 'content-type': o.contentType ?? 'application/octet-stream' } }
        : {}),
      signal: AbortSignal.timeout(o.timeoutMs ?? TIMEOUT_MS),
      redirect: 'follow',
    });
    if (!res.ok) {
      await res.arrayBuffer().catch(() => undefined);
      return { ok: false, why: `HTTP ${res.status}` };
    }
    return { ok: true, body: Buffer.from(await res.arrayBuffer()) };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return { ok: false, why: 'timeout' };
    return { ok: false, why: err.cause?.code ?? err.message };
  }
}
