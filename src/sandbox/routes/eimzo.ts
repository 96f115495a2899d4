/**
 * E-IMZO-SERVER-compatible endpoints (REFERENCES.md §3): bodies are base64 PKCS#7 text (or
 * `data_b64|pkcs7_b64` for detached), whatever Content-Type the client sends (curl -d sends
 * form-urlencoded), so this scope reads every body as raw text. HTTP 200 with `status` 1 = success,
 * other `status` = failure; HTTP 400 = bad parameters.
 */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { ApiError } from '../http/errors.js';
import { obj, str } from '../http/schemas.js';
import {
  checkPkcs7,
  consumeChallenge,
  EIMZO,
  fromBase64,
  newChallenge,
  overallStatus,
  pkcs7Info,
  subjectCertificateInfo,
  validNow,
} from '../signatures.js';
import { timestampPkcs7 } from '../tsa/attach.js';

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

const message = (status: number): string =>
  ({
    [EIMZO.ok]: '',
    [EIMZO.certificateStatusUnknown]: 'Certificate status could not be checked',
    [EIMZO.signatureInvalid]: 'Signature is invalid',
    [EIMZO.certificateInvalid]: 'Certificate is invalid or revoked',
    [EIMZO.notValidAtSigningTime]: 'Certificate was not valid at signing time',
    [EIMZO.challengeInvalid]: 'Challenge not found or expired',
  })[status] ?? 'Verification failed';

export function eimzoRoutes(app: FastifyInstance, ctx: Ctx): void {
  const tags = ['E-IMZO-SERVER compatible'];

  for (const method of ['GET', 'POST'] as const) {
    app.route({
      method,
      url: '/frontend/challenge',
      schema: {
        summary: 'A fresh challenge to sign (never cached)',
        tags,
        response: { 200: obj({ challenge: str(64), ttl: { type: 'integer' }, ...STATUS_FIELDS }) },
      },
      handler: async () => ({ ...newChallenge(ctx), status: EIMZO.ok, message: '' }),
    });
  }

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: PKCS7_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );

    scope.post(
      '/backend/auth',
      {
        bodyLimit: PKCS7_BODY_LIMIT,
        schema: {
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
      },
      async (req) => {
        const checked = await checkPkcs7(ctx, fromBase64(req.body as string, 'The body'));
        let status = overallStatus(checked);
        if (status === EIMZO.ok && checked.signers.length !== 1) status = EIMZO.signatureInvalid;
        const cert = checked.signers[0]?.certificate;
        // A challenge is signed now: a backdated signingTime does not make an expired key valid.
        if (status === EIMZO.ok && cert && !validNow(cert)) status = EIMZO.notValidAtSigningTime;
        if (status === EIMZO.ok && !consumeChallenge(ctx, checked.parsed.content))
          status = EIMZO.challengeInvalid;
        return {
          subjectCertificateInfo: status === EIMZO.ok && cert ? subjectCertificateInfo(cert) : null,
          status,
          message: message(status),
        };
      },
    );

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

    scope.post(
      '/backend/pkcs7/verify/attached',
      { bodyLimit: PKCS7_BODY_LIMIT, schema: verifySchema(false) },
      async (req) => {
        const checked = await checkPkcs7(ctx, fromBase64(req.body as string, 'The body'));
        const status = overallStatus(checked);
        return { pkcs7Info: pkcs7Info(checked, checked.parsed.content), status, message: message(status) };
      },
    );

    scope.post(
      '/backend/pkcs7/verify/detached',
      { bodyLimit: PKCS7_BODY_LIMIT, schema: verifySchema(true) },
      async (req) => {
        const body = req.body as string;
        const bar = body.indexOf('|');
        if (bar < 0) throw new ApiError(400, 'BAD_PARAMETERS', 'The body must be data_b64|pkcs7_b64.');
        const data =
          body.slice(0, bar).trim() === '' ? Buffer.alloc(0) : fromBase64(body.slice(0, bar), 'The data');
        const checked = await checkPkcs7(ctx, fromBase64(body.slice(bar + 1), 'The PKCS#7'), data);
        const status = overallStatus(checked);
        return { pkcs7Info: pkcs7Info(checked, undefined), status, message: message(status) };
      },
    );

    scope.post(
      '/frontend/timestamp/pkcs7',
      {
        bodyLimit: PKCS7_BODY_LIMIT,
        schema: {
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
      },
      async (req) => {
        if (!ctx.ca)
          throw new ApiError(409, 'CA_UNAVAILABLE', 'The sandbox TSA is not available in this build.');
        const { pkcs7, stamped } = timestampPkcs7(ctx.ca, fromBase64(req.body as string, 'The body'));
        return {
          pkcs7b64: pkcs7.toString('base64'),
          timestampedSignerList: stamped,
          status: EIMZO.ok,
          message: '',
        };
      },
    );
  });
}
