/**
 * Everything done by signing a challenge with a key: sign-in (PKCSMETHOD, or LEPKCSMETHOD with a
 * company key), account verification, and binding a legal entity (DOMAIN.md flows 3, 4, 5). The
 * endpoints; the checks are in services/key-sign-in.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { B64, obj, str } from '../http/schemas.js';
import { PKCS7_JSON_LIMIT } from '../key-identity.js';
import { requireSession } from '../security/sessions.js';
import { bindLegalEntity, boundLegalEntities, keySignIn, verifyAccount } from '../services/key-sign-in.js';
import { newChallenge } from '../signatures.js';
import { SESSION_ANSWER } from './auth.js';

const PKCS7_FIELD = B64(PKCS7_JSON_LIMIT, 'base64 attached PKCS#7 of a fresh challenge');
const SIGNATURE_ERRORS =
  'SIGNATURE_INVALID (eimzoStatus), CERTIFICATE_REVOKED, CHALLENGE_INVALID, CERTIFICATE_WITHOUT_PINFL, PKCS7_LIMIT_EXCEEDED';
const bodyLimit = PKCS7_JSON_LIMIT + 1024;
const config = { auth: true };
const pkcs7Of = (body: unknown): string => (body as { pkcs7: string }).pkcs7;

const SCHEMAS = {
  challenge: {
    summary: 'A fresh challenge to sign with a key (single use, expires after `ttl` seconds)',
    tags: ['auth'],
    response: { 200: obj({ challenge: str(64), ttl: { type: 'integer' } }) },
  },
  key: {
    summary: 'Sign in with a key: attached PKCS#7 of a challenge',
    description:
      'A company key (its certificate carries the TIN) signs in with that legal entity as the role, if the ' +
      'account has bound it (LEPKCSMETHOD); a personal key signs in as the individual or a chosen role (PKCSMETHOD).',
    tags: ['auth'],
    body: obj({ pkcs7: PKCS7_FIELD, role: str(16) }, ['pkcs7']),
    response: { 200: SESSION_ANSWER },
    errors: {
      400: 'BAD_BASE64, PKCS7_MALFORMED',
      401: 'NO_ACCOUNT_FOR_KEY',
      403: 'ROLE_NOT_AVAILABLE, LEGAL_ENTITY_NOT_BOUND',
      409: 'ROLE_REQUIRED (roles)',
      422: SIGNATURE_ERRORS,
    },
  },
  verify: {
    summary: 'Verify the account with a personal key (status unverified → verified)',
    tags: ['account'],
    body: obj({ pkcs7: PKCS7_FIELD }, ['pkcs7']),
    response: { 200: obj({ status: str(16), certificateSerial: str(64) }) },
    errors: {
      401: 'UNAUTHENTICATED',
      400: 'BAD_BASE64, PKCS7_MALFORMED',
      422: `PINFL_MISMATCH; ${SIGNATURE_ERRORS}`,
    },
  },
  legalEntities: {
    summary: 'Legal entities bound to the account',
    tags: ['account'],
    errors: { 401: 'UNAUTHENTICATED' },
  },
  bind: {
    summary:
      'Bind a legal entity, signing with its key (certificate with the company TIN and your PINFL as director)',
    description: 'Only a verified account can bind. Sign in again afterwards to choose the new role.',
    tags: ['account'],
    body: obj({ pkcs7: PKCS7_FIELD }, ['pkcs7']),
    response: { 201: obj({ tin: str(9), name: str(300), role: str(64) }) },
    errors: {
      401: 'UNAUTHENTICATED',
      403: 'ACCOUNT_UNVERIFIED',
      409: 'ALREADY_BOUND',
      422: `NOT_A_LEGAL_ENTITY_KEY, COMPANY_NOT_FOUND, PINFL_MISMATCH, NOT_DIRECTOR; ${SIGNATURE_ERRORS}`,
    },
  },
};

export function keyAuthRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post('/api/v1/auth/challenge', { schema: SCHEMAS.challenge }, async () => newChallenge(ctx));
  app.post('/api/v1/auth/key', { bodyLimit, schema: SCHEMAS.key }, async (req) =>
    keySignIn(ctx, pkcs7Of(req.body), (req.body as { role?: string }).role),
  );
  app.post('/api/v1/account/verify', { config, bodyLimit, schema: SCHEMAS.verify }, async (req) =>
    verifyAccount(ctx, requireSession(ctx, req), pkcs7Of(req.body)),
  );
  app.get('/api/v1/account/legal-entities', { config, schema: SCHEMAS.legalEntities }, async (req) =>
    boundLegalEntities(ctx, requireSession(ctx, req)),
  );
  app.post(
    '/api/v1/account/legal-entities',
    { config, bodyLimit, schema: SCHEMAS.bind },
    async (req, reply) => {
      const bound = await bindLegalEntity(ctx, requireSession(ctx, req), pkcs7Of(req.body));
      void reply.code(201);
      return bound;
    },
  );
}
