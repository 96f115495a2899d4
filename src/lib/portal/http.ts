/**
 * The HTTP layer of the portal client (got 14, imported lazily: it costs ~100 ms to load, which
 * commands that never talk to the portal should not pay). One place maps transport failures and
 * portal answers to typed errors:
 *   connection refused / DNS / timeout / 5xx → NetworkError (exit 7)
 *   401 (missing or expired session)        → AuthError (exit 3)
 *   other 4xx `{status, code, message}`      → PortalRefusedError (exit 8), the portal's code kept
 */
import { trace } from '../debug/index.js';
import { AuthError, NetworkError, PortalRefusedError } from '../errors/index.js';
import { portalEndpoint } from './url.js';

export interface PortalErrorBody {
  status?: number;
  code?: string;
  message?: string;
  [k: string]: unknown;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  json?: unknown;
  body?: Buffer | string;
  headers?: Record<string, string>;
  searchParams?: Record<string, string | number | boolean | undefined>;
  /** Bearer token of the session, when the endpoint needs one. */
  token?: string;
  timeoutMs?: number;
  /** Expect a binary answer (certificate, TSA reply…) instead of JSON. */
  binary?: boolean;
  /** Sees the answer's headers (e.g. `date`), whatever its status. */
  onHeaders?: (headers: Record<string, string | string[] | undefined>) => void;
}

export interface PortalClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  userAgent?: string;
}

const isLocal = (url: string) => /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(url);

export class PortalHttp {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly userAgent: string;

  constructor(o: PortalClientOptions) {
    this.baseUrl = o.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = o.timeoutMs ?? 15_000;
    this.userAgent = o.userAgent ?? 'oneid-cli';
  }

  async request<T>(path: string, o: RequestOptions = {}): Promise<T> {
    const { default: got, RequestError } = await import('got');
    const url = portalEndpoint(this.baseUrl, path);
    const method = o.method ?? (o.json !== undefined || o.body !== undefined ? 'POST' : 'GET');
    const headers: Record<string, string> = { 'user-agent': this.userAgent, ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const searchParams = o.searchParams
      ? Object.fromEntries(Object.entries(o.searchParams).filter(([, v]) => v !== undefined))
      : undefined;
    trace('portal', `${method} ${url}`, { searchParams, json: o.json, headers });
    const started = Date.now();
    let res;
    try {
      res = await got(url, {
        method,
        headers,
        json: o.json,
        body: o.body,
        searchParams: searchParams as Record<string, string | number | boolean>,
        responseType: 'buffer',
        throwHttpErrors: false,
        retry: { limit: 0 },
        timeout: { request: o.timeoutMs ?? this.timeoutMs },
        followRedirect: false,
      });
    } catch (e) {
      const code = e instanceof RequestError ? (e.code ?? 'ERROR') : 'ERROR';
      trace('portal', `${method} ${url} failed: ${code}`);
      throw new NetworkError(
        code === 'ETIMEDOUT' ? 'PORTAL_TIMEOUT' : 'PORTAL_UNREACHABLE',
        'portal.error.unreachable',
        {
          params: { url: this.baseUrl, reason: code },
          hintKey: isLocal(this.baseUrl) ? 'portal.hint.startSandbox' : 'portal.hint.checkNetwork',
          cause: e,
        },
      );
    }
    trace('portal', `${method} ${url} → ${res.statusCode} in ${Date.now() - started} ms`);
    o.onHeaders?.(res.headers);
    const status = res.statusCode;
    if (status >= 200 && status < 300) {
      if (o.binary) return res.rawBody as T;
      if (res.rawBody.length === 0) return undefined as T;
      return parseJson<T>(res.rawBody, this.baseUrl);
    }
    const body = safeJson(res.rawBody);
    const portalMessage = body?.message ?? `HTTP ${status}`;
    const portalCode = body?.code ?? `HTTP_${status}`;
    if (status >= 500)
      throw new NetworkError('PORTAL_FAILURE', 'portal.error.server', {
        params: { url: this.baseUrl, status, message: portalMessage },
      });
    const details = { params: { message: portalMessage, code: portalCode }, data: { portal: body ?? {} } };
    if (status === 401)
      throw new AuthError(portalCode, 'portal.error.unauthorized', {
        ...details,
        hintKey: 'portal.hint.login',
      });
    throw new PortalRefusedError(portalCode, 'portal.error.refused', details);
  }
}

function safeJson(buf: Buffer): PortalErrorBody | undefined {
  try {
    const v = JSON.parse(buf.toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as PortalErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

function parseJson<T>(buf: Buffer, baseUrl: string): T {
  try {
    return JSON.parse(buf.toString('utf8')) as T;
  } catch {
    throw new NetworkError('PORTAL_BAD_ANSWER', 'portal.error.badAnswer', { params: { url: baseUrl } });
  }
}
