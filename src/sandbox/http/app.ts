/**
 * The fastify instance: body parsers and limits, schema validation that rejects (never strips)
 * unknown fields, one error format, loopback-only admin routes, request logging with secrets
 * redacted, and the route modules. The OpenAPI document is collected from the same route schemas.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { ApiError, forbidden } from './errors.js';
import { OpenApiCollector } from './openapi.js';
import { ROUTE_MODULES } from '../routes/index.js';

export const JSON_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  logRequests: boolean;
}

const SECRET_QUERY = /([?&](?:client_secret|access_token|refresh_token|code|password|token)=)[^&]*/gi;
export const redactUrl = (url: string): string => url.replace(SECRET_QUERY, '$1***');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
export const isLoopback = (req: FastifyRequest): boolean => LOOPBACK.has(req.socket.remoteAddress ?? '');

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Loopback-only sandbox administration (outbox, approve, pay…). */
    admin?: boolean;
    /** Documented as needing `Authorization: Bearer`. */
    auth?: boolean;
    /** Documented as needing `X-Application-Secret` or the key holder's `Authorization: Bearer`. */
    applicationAuth?: boolean;
  }
  /** Documentation fields read by the OpenAPI collector (fastify's validator ignores them). */
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    hide?: boolean;
    consumes?: string[];
    /** Documented refusals: HTTP status → the error codes it carries. */
    errors?: Record<string, string>;
  }
}

export async function buildApp(
  ctx: Ctx,
  opts: AppOptions,
): Promise<{ app: FastifyInstance; openapi: OpenApiCollector }> {
  const app = createFastify(opts);
  addBodyParsers(app);
  const openapi = new OpenApiCollector(ctx.version);
  addHooks(app, openapi);
  setErrorAnswers(app);
  for (const register of ROUTE_MODULES) register(app, ctx);
  app.get('/openapi.json', { schema: { hide: true } }, async () => openapi.document());
  await app.ready();
  return { app, openapi };
}

function createFastify(opts: AppOptions): FastifyInstance {
  return Fastify({
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // Errors the router raises before any route runs (URL too long, bad percent-encoding): same shape.
    frameworkErrors: (err, _req, reply) => {
      const status = typeof err.statusCode === 'number' && err.statusCode < 500 ? err.statusCode : 400;
      const body = {
        status,
        code: err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URL_TOO_LONG' : 'BAD_URL',
        message: err.message.slice(0, 200),
      };
      void (reply as unknown as { code(n: number): { send(b: unknown): void } }).code(status).send(body);
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    logger: opts.logRequests
      ? {
          level: 'info',
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-application-secret"]'],
          serializers: {
            req: (req: { method: string; url: string; ip?: string }) => ({
              method: req.method,
              url: redactUrl(req.url),
              ip: req.ip,
            }),
          },
        }
      : false,
  });
}

/**
 * Raw bodies: images for key applications, base64 PKCS#7 text for the E-IMZO-SERVER endpoints,
 * and OAuth form posts for the SSO endpoint.
 */
function addBodyParsers(app: FastifyInstance): void {
  app.addContentTypeParser(
    ['image/jpeg', 'image/png', 'application/octet-stream'],
    { parseAs: 'buffer' },
    (_r, body, done) => done(null, body),
  );
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_r, body, done) => done(null, body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) => {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(body as string)) out[k] = v;
    done(null, out);
  });
}

/** Every route documented and closed to undeclared query parameters; admin on loopback only; no caching. */
function addHooks(app: FastifyInstance, openapi: OpenApiCollector): void {
  app.addHook('onRoute', (route) => {
    // A route that declares no query parameters accepts none: unknown input is refused, not ignored.
    if (route.schema && !route.schema.querystring && !route.url.startsWith('/sso/')) {
      route.schema.querystring = { type: 'object', additionalProperties: false, properties: {} };
    }
    openapi.add(route);
  });
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config?.admin && !isLoopback(req)) {
      throw forbidden('ADMIN_LOOPBACK_ONLY', 'Sandbox administration is available from this machine only.');
    }
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });
}

/** One error format: `{status, code, message, ...extra}`; only a bug answers 5xx. */
function setErrorAnswers(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({
      status: 404,
      code: 'NOT_FOUND',
      message: `No such endpoint: ${req.method} ${req.url.split('?')[0]}`,
    });
  });

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) {
      if (typeof err.extra.retryAfter === 'number' && err.extra.retryAfter > 0) {
        void reply.header('retry-after', String(err.extra.retryAfter));
      }
      return reply
        .code(err.status)
        .send({ status: err.status, code: err.code, message: err.message, ...err.extra });
    }
    if (err.validation) {
      return reply.code(400).send({ status: 400, code: 'VALIDATION', message: err.message });
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) {
      const body = { status, code: badInputCode(err), message: err.message };
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        // Read what the client is still sending before answering: closing the socket under a
        // client that is mid-upload makes it see EPIPE instead of this 413.
        return drain(req.raw, DRAIN_LIMIT).then(() =>
          reply.code(status).header('connection', 'close').send(body),
        );
      }
      return reply.code(status).send(body);
    }
    req.log?.error({ err }, 'internal error');
    return reply
      .code(500)
      .send({ status: 500, code: 'INTERNAL', message: 'Internal error in the sandbox portal.' });
  });
}

const DRAIN_LIMIT = 32 * 1024 * 1024;

/** Consume (and drop) the rest of a request body, up to `limit` bytes or 10 s. */
function drain(
  stream: NodeJS.ReadableStream & { readableEnded?: boolean; destroy?: () => void },
  limit: number,
): Promise<void> {
  if (stream.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 10_000);
    stream.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) {
        stream.destroy?.();
        done();
      }
    });
    stream.once('end', done);
    stream.once('error', done);
    stream.once('close', done);
    stream.resume();
  });
}

function badInputCode(err: FastifyError): string {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return 'BAD_REQUEST';
  }
}
