/**
 * The account password: change it while signed in, or recover it ("Forgot login or password?")
 * with PINFL and passport or with a key, an SMS code and a new password. The endpoints; the rules
 * (no account enumeration, limits, every session ended) are in services/password.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { B64, idParams, obj, OK, PASSPORT, PINFL, SMS_CODE, str } from '../http/schemas.js';
import { PKCS7_JSON_LIMIT } from '../key-identity.js';
import { requireSession } from '../security/sessions.js';
import { changePassword, completeRecovery, startKeyRecovery, startRecovery } from '../services/password.js';
import { idOf } from './params.js';

const PASSWORD = str(256, { description: 'at least 8 characters including a special character' });
const started = obj({ id: str(64), codeExpiresIn: { type: 'integer' }, phone: str(32) });
const SIGNATURE_ERRORS =
  'SIGNATURE_INVALID, CERTIFICATE_REVOKED, CHALLENGE_INVALID, CERTIFICATE_WITHOUT_PINFL';

const SCHEMAS = {
  change: {
    summary: 'Change the password of the signed-in account; every session of the account ends',
    tags: ['account'],
    body: obj({ password: str(256), newPassword: PASSWORD }, ['password', 'newPassword']),
    response: { 200: { ...OK, properties: { ...OK.properties, sessionsEnded: { type: 'integer' } } } },
    errors: {
      400: 'PASSWORD_WEAK',
      401: 'UNAUTHENTICATED',
      422: 'PASSWORD_WRONG, PASSWORD_UNCHANGED',
      429: 'ACCOUNT_LOCKED (retryAfter)',
    },
  },
  start: {
    summary: 'Recover the login and password: PINFL and passport',
    description:
      'The answer is the same whether or not the PINFL and passport match an account: only a match sends the ' +
      'SMS code to the phone of the account. Failed matches are limited per PINFL and per client address, and ' +
      'every start counts against the SMS allowance of the PINFL and of the address.',
    tags: ['recovery'],
    body: obj({ pinfl: PINFL, passport: PASSPORT }, ['pinfl', 'passport']),
    response: { 201: started },
    errors: {
      400: 'PINFL_INVALID, PASSPORT_INVALID',
      429: 'RECOVERY_LOCKED, SMS_RATE_LIMITED (retryAfter)',
    },
  },
  key: {
    summary: 'Recover the login and password with a key: attached PKCS#7 of a fresh challenge',
    tags: ['recovery'],
    body: obj({ pkcs7: B64(PKCS7_JSON_LIMIT, 'base64 attached PKCS#7 of a fresh challenge') }, ['pkcs7']),
    response: { 201: started },
    errors: { 401: 'NO_ACCOUNT_FOR_KEY', 422: SIGNATURE_ERRORS, 429: 'SMS_RATE_LIMITED' },
  },
  complete: {
    summary: 'Finish a recovery: the SMS code and the new password; answers the login',
    description: 'Every session of the account ends.',
    tags: ['recovery'],
    params: idParams('recovery id'),
    body: obj({ code: SMS_CODE, password: PASSWORD }, ['code', 'password']),
    response: { 200: obj({ login: str(64), sessionsEnded: { type: 'integer' } }) },
    errors: {
      400: 'PASSWORD_WEAK',
      422: 'SMS_CODE_INVALID (attemptsLeft), SMS_CODE_EXPIRED, SMS_CODE_MISSING',
      429: 'SMS_ATTEMPTS_EXCEEDED',
    },
  },
};

export function passwordRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post('/api/v1/account/password', { config: { auth: true }, schema: SCHEMAS.change }, async (req) =>
    changePassword(
      ctx,
      requireSession(ctx, req),
      req.body as { password: string; newPassword: string },
      req.ip,
    ),
  );
  app.post('/api/v1/recovery', { schema: SCHEMAS.start }, async (req, reply) => {
    const r = startRecovery(ctx, req.body as { pinfl: string; passport: string }, req.ip);
    void reply.code(201);
    return r;
  });
  app.post(
    '/api/v1/recovery/key',
    { bodyLimit: PKCS7_JSON_LIMIT + 1024, schema: SCHEMAS.key },
    async (req, reply) => {
      const r = await startKeyRecovery(ctx, (req.body as { pkcs7: string }).pkcs7, req.ip);
      void reply.code(201);
      return r;
    },
  );
  app.post('/api/v1/recovery/:id/complete', { schema: SCHEMAS.complete }, async (req) =>
    completeRecovery(ctx, idOf(req), req.body as { code: string; password: string }),
  );
}
