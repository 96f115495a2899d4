/**
 * E-IMZO-SERVER-compatible endpoints (REFERENCES.md §3): bodies are base64 PKCS#7 text (or
 * `data_b64|pkcs7_b64` for detached), whatever Content-Type the client sends (curl -d sends
 * form-urlencoded), so this scope reads every body as raw text. HTTP 200 with `status` 1 = success,
 * other `status` = failure; HTTP 400 = bad parameters. The answers are made in services/eimzo.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { obj, str } from '../http/schemas.js';
import { authenticate, timestamp, verifyAttached, verifyDetached } from '../services/eimzo.js';
import { EIMZO, newChallenge } from '../signatures.js';

export const PKCS7_BODY_LIMIT = 16 * 1024 * 1024;
const B64_BODY = {
  type: 'string',
  maxLength: PKCS7_BODY_LIMIT,
  description: 'base64 PKCS#7 (CMS SignedData)',
} as const;
const STATUS_FIELDS = { status: { type: 'integer' }, message: { type: 'string' } };
const EIMZO_ERRORS = {
  400: 'BAD_BASE64, PKCS7_MALFORMED, PKCS7_DETACHED, VALIDATION',
  422: 'PKCS7_LIMIT_EXCEEDED (reason, limit, found, max): more signers, certificates or checks than allowed',
};
const tags = ['E-IMZO-SERVER compatible'];
const bodyLimit = PKCS7_BODY_LIMIT;

const verifySchema = (detached: boolean) => ({
  summary: detached ? 'Verify a detached PKCS#7: body `data_b64|pkcs7_b64`' : 'Verify an attached PKCS#7',
  tags,
  consumes: ['text/plain'],
  body: detached ? { ...B64_BODY, description: 'base64 data, "|", base64 PKCS#7' } : B64_BODY,
  response: {
    200: obj({
      pkcs7Info: { type: ['object', 'null'], additionalProperties: true },
      ...STATUS_FIELDS,
    }),
  },
  errors: EIMZO_ERRORS,
});

const SCHEMAS = {
  challenge: {
    summary: 'A fresh challenge to sign (never cached)',
    tags,
    response: { 200: obj({ challenge: str(64), ttl: { type: 'integer' }, ...STATUS_FIELDS }) },
  },
  auth: {
    summary: 'Authenticate by an attached PKCS#7 of a challenge',
    description:
      'Status -20: challenge unknown, expired or already used; -10/-11/-12: signature or certificate problems.',
    tags,
    consumes: ['text/plain'],
    body: B64_BODY,
    response: {
      200: obj({
        subjectCertificateInfo: {
          type: ['object', 'null'],
          properties: {
            serialNumber: str(64),
            X500Name: str(4096),
            subjectName: { type: 'object', additionalProperties: { type: 'string' } },
            validFrom: str(32),
            validTo: str(32),
          },
        },
        ...STATUS_FIELDS,
      }),
    },
    errors: EIMZO_ERRORS,
  },
  attached: verifySchema(false),
  detached: verifySchema(true),
  timestamp: {
    summary: 'Add RFC 3161 timestamps (from the sandbox TSA) to the signers that lack one',
    description: 'An empty `timestampedSignerList` means every signer already had a timestamp.',
    tags,
    consumes: ['text/plain'],
    body: B64_BODY,
    response: {
      200: obj({
        pkcs7b64: str(PKCS7_BODY_LIMIT * 2),
        timestampedSignerList: { type: 'array', items: { type: 'object', additionalProperties: true } },
        ...STATUS_FIELDS,
      }),
    },
    errors: { 400: EIMZO_ERRORS[400], 409: 'CA_UNAVAILABLE' },
  },
};

export function eimzoRoutes(app: FastifyInstance, ctx: Ctx): void {
  for (const method of ['GET', 'POST'] as const) {
    app.route({
      method,
      url: '/frontend/challenge',
      schema: SCHEMAS.challenge,
      handler: async () => ({ ...newChallenge(ctx), status: EIMZO.ok, message: '' }),
    });
  }

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit }, (_req, body, done) => done(null, body));
    const text = (body: unknown): string => body as string;
    scope.post('/backend/auth', { bodyLimit, schema: SCHEMAS.auth }, async (req) =>
      authenticate(ctx, text(req.body)),
    );
    scope.post('/backend/pkcs7/verify/attached', { bodyLimit, schema: SCHEMAS.attached }, async (req) =>
      verifyAttached(ctx, text(req.body)),
    );
    scope.post('/backend/pkcs7/verify/detached', { bodyLimit, schema: SCHEMAS.detached }, async (req) =>
      verifyDetached(ctx, text(req.body)),
    );
    scope.post('/frontend/timestamp/pkcs7', { bodyLimit, schema: SCHEMAS.timestamp }, async (req) =>
      timestamp(ctx, text(req.body)),
    );
  });
}
