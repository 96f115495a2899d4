/**
 * Everything done by signing a challenge with a key: sign-in (PKCSMETHOD, or LEPKCSMETHOD with a
 * company key), account verification, and binding a legal entity (DOMAIN.md flows 3, 4, 5).
 */
import type { FastifyInstance } from 'fastify';
import { findAccountById, findAccountByPinfl, rolesOf } from '../accounts.js';
import type { Ctx } from '../context.js';
import { ApiError, conflict, forbidden, unprocessable } from '../http/errors.js';
import { B64, obj, str } from '../http/schemas.js';
import { PKCS7_JSON_LIMIT, signedChallenge } from '../key-identity.js';
import { findCompany, roleInCompany } from '../registry/lookup.js';
import { HEAD_ROLE } from '../registry/seed.js';
import { requireSession } from '../security/sessions.js';
import { newChallenge } from '../signatures.js';
import { chooseRole, SESSION_ANSWER, sessionAnswer } from './auth.js';

const PKCS7_FIELD = B64(PKCS7_JSON_LIMIT, 'base64 attached PKCS#7 of a fresh challenge');
const SIGNATURE_ERRORS =
  'SIGNATURE_INVALID (eimzoStatus), CHALLENGE_INVALID, CERTIFICATE_WITHOUT_PINFL, PKCS7_LIMIT_EXCEEDED';

export function keyAuthRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post(
    '/api/v1/auth/challenge',
    {
      schema: {
        summary: 'A fresh challenge to sign with a key (single use, expires after `ttl` seconds)',
        tags: ['auth'],
        response: { 200: obj({ challenge: str(64), ttl: { type: 'integer' } }) },
      },
    },
    async () => newChallenge(ctx),
  );

  app.post(
    '/api/v1/auth/key',
    {
      bodyLimit: PKCS7_JSON_LIMIT + 1024,
      schema: {
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
    },
    async (req) => {
      const { pkcs7, role } = req.body as { pkcs7: string; role?: string };
      const key = await signedChallenge(ctx, pkcs7);
      const account = findAccountByPinfl(ctx.db, key.pinfl);
      if (!account)
        throw new ApiError(
          401,
          'NO_ACCOUNT_FOR_KEY',
          'No account has the PINFL of this key: register first.',
        );
      if (key.tin && /^2\d{8}$/.test(key.tin)) {
        const bound = rolesOf(ctx.db, account.id).some((r) => r.tin === key.tin);
        if (!bound) throw forbidden('LEGAL_ENTITY_NOT_BOUND', 'Bind this legal entity to the account first.');
        const { roles } = chooseRole(ctx, account.id, key.tin);
        return sessionAnswer(ctx, account.id, key.tin, 'LEPKCSMETHOD', roles);
      }
      const { roleTin, roles } = chooseRole(ctx, account.id, role);
      return sessionAnswer(ctx, account.id, roleTin, 'PKCSMETHOD', roles);
    },
  );

  app.post(
    '/api/v1/account/verify',
    {
      config: { auth: true },
      bodyLimit: PKCS7_JSON_LIMIT + 1024,
      schema: {
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
    },
    async (req) => {
      const sess = requireSession(ctx, req);
      const account = findAccountById(ctx.db, sess.accountId)!;
      const key = await signedChallenge(ctx, (req.body as { pkcs7: string }).pkcs7);
      if (key.pinfl !== account.pinfl)
        throw unprocessable('PINFL_MISMATCH', 'The key belongs to another person (PINFL differs).');
      ctx.db.transaction(() =>
        ctx.db
          .prepare("UPDATE accounts SET status = 'verified', verified_cert_serial = ? WHERE id = ?")
          .run(key.serial, account.id),
      )();
      return { status: 'verified', certificateSerial: key.serial };
    },
  );

  app.get(
    '/api/v1/account/legal-entities',
    {
      config: { auth: true },
      schema: {
        summary: 'Legal entities bound to the account',
        tags: ['account'],
        errors: { 401: 'UNAUTHENTICATED' },
      },
    },
    async (req) => {
      const sess = requireSession(ctx, req);
      return { legalEntities: rolesOf(ctx.db, sess.accountId).filter((r) => r.type === 'legal') };
    },
  );

  app.post(
    '/api/v1/account/legal-entities',
    {
      config: { auth: true },
      bodyLimit: PKCS7_JSON_LIMIT + 1024,
      schema: {
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
    },
    async (req, reply) => {
      const sess = requireSession(ctx, req);
      const account = findAccountById(ctx.db, sess.accountId)!;
      if (account.status !== 'verified')
        throw forbidden('ACCOUNT_UNVERIFIED', 'Verify the account with your personal key first.');
      const key = await signedChallenge(ctx, (req.body as { pkcs7: string }).pkcs7);
      if (!key.tin || !/^2\d{8}$/.test(key.tin)) {
        throw unprocessable(
          'NOT_A_LEGAL_ENTITY_KEY',
          'This key is not a legal entity key (no company TIN in the certificate).',
        );
      }
      const company = findCompany(ctx.db, key.tin);
      if (!company)
        throw unprocessable('COMPANY_NOT_FOUND', 'The TIN of this key is not in the company registry.');
      if (key.pinfl !== account.pinfl)
        throw unprocessable('PINFL_MISMATCH', 'The key belongs to another person (PINFL differs).');
      if (
        company.director_pinfl !== account.pinfl ||
        roleInCompany(ctx.db, company.tin, account.pinfl) !== HEAD_ROLE
      ) {
        throw unprocessable(
          'NOT_DIRECTOR',
          'Only the director recorded in the company registry can bind the company.',
        );
      }
      const inserted = ctx.db.transaction(
        () =>
          ctx.db
            .prepare(
              'INSERT OR IGNORE INTO account_legal_entities (account_id, tin, role, bound_at) VALUES (?, ?, ?, ?)',
            )
            .run(account.id, company.tin, HEAD_ROLE, Date.now()).changes,
      )();
      if (!inserted) throw conflict('ALREADY_BOUND', 'This legal entity is already bound to the account.');
      void reply.code(201);
      return { tin: company.tin, name: company.name, role: HEAD_ROLE };
    },
  );
}
