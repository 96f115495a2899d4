/**
 * Account registration in the steps of DOMAIN.md flow 1: offer → identity (PINFL + passport
 * against the population registry) → data confirmation → contacts + SMS code → account
 * `unverified`. The registration id returned by the first step is the client's handle.
 */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { badRequest, conflict, notFound, unprocessable, type ApiError } from '../http/errors.js';
import { B64, idParams, obj, PASSPORT, PHONE, PINFL, SMS_CODE, str } from '../http/schemas.js';
import { PKCS7_JSON_LIMIT, signedChallenge } from '../key-identity.js';
import { queueEmail } from '../outbox.js';
import * as ids from '../registry/identifiers.js';
import { findPerson, isPassportExpired, personView, PERSON_VIEW_SCHEMA } from '../registry/lookup.js';
import { hashPassword, newId } from '../security/secrets.js';
import { checkSmsLimits, consumeCode, issueCode } from '../security/sms-codes.js';

export const OFFER = {
  version: '2024-01',
  title: 'Public offer on registration in the OneID single identification system (sandbox)',
  text:
    'By registering you agree that your personal data from the population registry is used to identify you ' +
    'in state information systems. This is a local sandbox: no data leaves this machine.',
};

type Step = 'identity' | 'confirm' | 'contacts' | 'sms' | 'done';
interface Registration {
  id: string;
  step: Step;
  pinfl: string | null;
  login: string | null;
  password_hash: string | null;
  email: string | null;
  phone: string | null;
  notify_by_email: number;
  actual_address: string | null;
  expires_at: number;
  account_id: number | null;
  method: 'passport' | 'key';
  cert_serial: string | null;
}

const ERRORS_STEP = {
  404: 'REGISTRATION_NOT_FOUND (unknown or expired id)',
  409: 'WRONG_STEP: the registration is at another step',
};

function load(ctx: Ctx, id: string): Registration {
  const r = ctx.db.prepare('SELECT * FROM registrations WHERE id = ?').get(id) as Registration | undefined;
  if (!r || r.expires_at <= Date.now())
    throw notFound('REGISTRATION_NOT_FOUND', 'No such registration, or it has expired.');
  return r;
}

function expectStep(r: Registration, ...steps: Step[]): void {
  if (r.step === 'done') {
    throw conflict('REGISTRATION_COMPLETED', 'This registration is already complete.', {
      accountId: r.account_id,
    });
  }
  if (!steps.includes(r.step))
    throw conflict('WRONG_STEP', `The registration is at step "${r.step}".`, { step: r.step });
}

const accountExists = (ctx: Ctx, pinfl: string): boolean =>
  ctx.db.prepare('SELECT 1 FROM accounts WHERE pinfl = ?').get(pinfl) !== undefined;
const loginTaken = (ctx: Ctx, login: string): boolean =>
  ctx.db.prepare('SELECT 1 FROM accounts WHERE login = ?').get(login) !== undefined;

/** Map a UNIQUE violation on accounts to the business refusal it means (lost race). */
export function uniqueViolation(e: unknown): ApiError | undefined {
  const err = e as { code?: string; message?: string };
  if (err.code !== 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
  if (err.message?.includes('accounts.login')) return conflict('LOGIN_TAKEN', 'This login is already taken.');
  if (err.message?.includes('accounts.pinfl')) {
    return conflict('ACCOUNT_EXISTS', 'An account for this PINFL already exists: sign in or restore access.');
  }
  return conflict('DUPLICATE', 'This record already exists.');
}

const stepAnswer = obj({ id: str(64), step: str(16), expiresAt: str(32) }, ['id', 'step']);

export function registrationRoutes(app: FastifyInstance, ctx: Ctx): void {
  const tags = ['registration'];

  app.get(
    '/api/v1/registrations/offer',
    { schema: { summary: 'The offer to accept (step 1)', tags } },
    async () => OFFER,
  );

  app.post(
    '/api/v1/registrations',
    {
      schema: {
        summary: 'Start a registration by accepting the offer',
        tags,
        body: obj({ acceptOffer: { type: 'boolean', const: true }, offerVersion: str(16) }, ['acceptOffer']),
        response: { 201: stepAnswer },
      },
    },
    async (req, reply) => {
      const id = newId('reg');
      const now = Date.now();
      const expiresAt = now + ctx.settings.registrationTtlSeconds * 1000;
      ctx.db.transaction(() =>
        ctx.db
          .prepare('INSERT INTO registrations (id, step, created_at, expires_at) VALUES (?, ?, ?, ?)')
          .run(id, 'identity', now, expiresAt),
      )();
      void reply.code(201);
      void req;
      return { id, step: 'identity', expiresAt: new Date(expiresAt).toISOString() };
    },
  );

  app.get(
    '/api/v1/registrations/:id',
    {
      schema: {
        summary: 'Where a registration stands',
        tags,
        params: idParams('registration id'),
        errors: { 404: ERRORS_STEP[404] },
      },
    },
    async (req) => {
      const r = load(ctx, (req.params as { id: string }).id);
      const person = r.pinfl ? findPerson(ctx.db, r.pinfl) : undefined;
      return {
        id: r.id,
        step: r.step,
        expiresAt: new Date(r.expires_at).toISOString(),
        person: person ? personView(person) : null,
        accountId: r.account_id,
      };
    },
  );

  app.post(
    '/api/v1/registrations/:id/identity',
    {
      schema: {
        summary: 'Identify yourself by PINFL and passport (step 2)',
        description:
          'Checked against the population registry. Foreign citizens and stateless persons cannot be identified by passport: they register with a key.',
        tags,
        params: idParams('registration id'),
        body: obj({ pinfl: PINFL, passport: PASSPORT }, ['pinfl', 'passport']),
        response: { 200: obj({ id: str(64), step: str(16), person: PERSON_VIEW_SCHEMA }) },
        errors: {
          ...ERRORS_STEP,
          400: 'PINFL_INVALID, PASSPORT_INVALID, VALIDATION',
          422: 'IDENTITY_NOT_FOUND (no such PINFL + passport pair), PASSPORT_EXPIRED, PASSPORT_IDENTIFICATION_UNAVAILABLE (foreign citizen or stateless person)',
          429: 'IDENTITY_ATTEMPTS_EXCEEDED (retryAfter seconds): too many wrong pairs for this PINFL or from this address',
        },
      },
    },
    async (req) => {
      const { pinfl, passport: rawPassport } = req.body as { pinfl: string; passport: string };
      const passport = rawPassport.replace(/\s+/g, '').toUpperCase();
      if (!ids.isValidPinfl(pinfl))
        throw badRequest('PINFL_INVALID', 'PINFL must be 14 digits with a valid check digit.');
      if (!ids.isValidPassport(passport))
        throw badRequest('PASSPORT_INVALID', 'Passport must be 2 letters and 7 digits, e.g. AA1234567.');
      const r = load(ctx, (req.params as { id: string }).id);
      expectStep(r, 'identity', 'confirm', 'contacts', 'sms');
      // Guessing a passport for a PINFL: wrong pairs are limited per PINFL and per address, the
      // attempt reserved before the registry is asked.
      const s = ctx.settings;
      const pinflKey = `identity-pinfl:${pinfl}`;
      const attempt = ctx.limiter.reserve([
        {
          key: `identity-ip:${req.ip}`,
          limit: s.ipMaxFailures,
          windowMs: s.rateWindowSeconds * 1000,
          lockMs: s.lockoutSeconds * 1000,
          code: 'IDENTITY_ATTEMPTS_EXCEEDED',
          message: 'Too many wrong PINFL and passport pairs from this address; try later.',
        },
        {
          key: pinflKey,
          limit: s.identityMaxFailures,
          windowMs: s.rateWindowSeconds * 1000,
          lockMs: s.lockoutSeconds * 1000,
          code: 'IDENTITY_ATTEMPTS_EXCEEDED',
          message: 'Too many wrong passports for this PINFL; try later.',
        },
      ]);
      let person: ReturnType<typeof findPerson>;
      try {
        person = findPerson(ctx.db, pinfl);
      } catch (e) {
        attempt.cancel();
        throw e;
      }
      if (!person || person.passport !== passport) {
        attempt.fail();
        throw unprocessable(
          'IDENTITY_NOT_FOUND',
          'No person with this PINFL and passport in the population registry.',
        );
      }
      attempt.succeed([pinflKey]);
      if (person.kind !== 'citizen') {
        throw unprocessable(
          'PASSPORT_IDENTIFICATION_UNAVAILABLE',
          'Foreign citizens and stateless persons cannot be identified by passport data: register with a key.',
        );
      }
      if (isPassportExpired(person))
        throw unprocessable('PASSPORT_EXPIRED', 'The passport has expired: renew it first.');
      if (accountExists(ctx, pinfl))
        throw conflict(
          'ACCOUNT_EXISTS',
          'An account for this PINFL already exists: sign in or restore access.',
        );
      ctx.db.transaction(() =>
        ctx.db
          .prepare(
            "UPDATE registrations SET pinfl = ?, step = 'confirm', method = 'passport', cert_serial = NULL WHERE id = ? AND step != 'done'",
          )
          .run(pinfl, r.id),
      )();
      return { id: r.id, step: 'confirm', person: personView(person) };
    },
  );

  app.post(
    '/api/v1/registrations/:id/identity-key',
    {
      schema: {
        summary:
          'Identify yourself with a signature key instead (step 2; also for foreign and stateless persons)',
        description:
          'Body: an attached PKCS#7 of a fresh challenge (`POST /api/v1/auth/challenge`). The account created is verified.',
        tags,
        params: idParams('registration id'),
        body: obj({ pkcs7: B64(PKCS7_JSON_LIMIT, 'base64 attached PKCS#7 of the challenge') }, ['pkcs7']),
        response: { 200: obj({ id: str(64), step: str(16), person: PERSON_VIEW_SCHEMA }) },
        errors: {
          ...ERRORS_STEP,
          400: 'BAD_BASE64, PKCS7_MALFORMED',
          409: 'ACCOUNT_EXISTS, WRONG_STEP',
          422: 'SIGNATURE_INVALID (eimzoStatus), CHALLENGE_INVALID, CERTIFICATE_WITHOUT_PINFL, IDENTITY_NOT_FOUND, PKCS7_LIMIT_EXCEEDED',
        },
      },
    },
    async (req) => {
      const r = load(ctx, (req.params as { id: string }).id);
      expectStep(r, 'identity', 'confirm', 'contacts', 'sms');
      const signer = await signedChallenge(ctx, (req.body as { pkcs7: string }).pkcs7);
      const person = findPerson(ctx.db, signer.pinfl);
      if (!person)
        throw unprocessable('IDENTITY_NOT_FOUND', 'The PINFL of this key is not in the population registry.');
      if (accountExists(ctx, person.pinfl))
        throw conflict(
          'ACCOUNT_EXISTS',
          'An account for this PINFL already exists: sign in or restore access.',
        );
      ctx.db.transaction(() =>
        ctx.db
          .prepare(
            "UPDATE registrations SET pinfl = ?, step = 'confirm', method = 'key', cert_serial = ? WHERE id = ? AND step != 'done'",
          )
          .run(person.pinfl, signer.serial, r.id),
      )();
      return { id: r.id, step: 'confirm', person: personView(person) };
    },
  );

  app.post(
    '/api/v1/registrations/:id/confirm',
    {
      schema: {
        summary: 'Confirm the registry data (step 3), or go back',
        tags,
        params: idParams('registration id'),
        body: obj({ confirmed: { type: 'boolean' } }, ['confirmed']),
        response: { 200: stepAnswer },
        errors: ERRORS_STEP,
      },
    },
    async (req) => {
      const r = load(ctx, (req.params as { id: string }).id);
      expectStep(r, 'confirm', 'contacts', 'sms');
      const { confirmed } = req.body as { confirmed: boolean };
      const step = confirmed ? 'contacts' : 'identity';
      ctx.db.transaction(() =>
        ctx.db
          .prepare(
            `UPDATE registrations SET step = ?, pinfl = ${confirmed ? 'pinfl' : 'NULL'} WHERE id = ? AND step != 'done'`,
          )
          .run(step, r.id),
      )();
      return { id: r.id, step };
    },
  );

  app.post(
    '/api/v1/registrations/:id/contacts',
    {
      schema: {
        summary: 'Set login, password, e-mail and phone; sends the SMS code (step 4)',
        tags,
        params: idParams('registration id'),
        body: obj(
          {
            login: str(64, { description: 'at least 5 characters (the rules of the shared ids library)' }),
            password: str(256, { description: 'at least 8 characters including a special character' }),
            email: str(254),
            phone: PHONE,
            notifyByEmail: { type: 'boolean' },
            actualAddress: str(300),
          },
          ['login', 'password', 'email', 'phone'],
        ),
        response: {
          200: obj({ id: str(64), step: str(16), phone: str(32), codeExpiresIn: { type: 'integer' } }),
        },
        errors: {
          ...ERRORS_STEP,
          400: 'LOGIN_INVALID, PASSWORD_WEAK, EMAIL_INVALID, PHONE_INVALID, VALIDATION',
          409: 'LOGIN_TAKEN, WRONG_STEP',
          429: 'SMS_RATE_LIMITED',
        },
      },
    },
    async (req) => {
      const b = req.body as {
        login: string;
        password: string;
        email: string;
        phone: string;
        notifyByEmail?: boolean;
        actualAddress?: string;
      };
      const phone = ids.normalizePhone(b.phone);
      if (!ids.isValidLogin(b.login))
        throw badRequest(
          'LOGIN_INVALID',
          'Login must be at least 5 characters of letters, digits, dots, underscores or hyphens.',
        );
      if (!ids.isStrongPassword(b.password)) {
        throw badRequest(
          'PASSWORD_WEAK',
          'Password must be at least 8 characters and include a special character.',
        );
      }
      if (!ids.isValidEmail(b.email)) throw badRequest('EMAIL_INVALID', 'The e-mail address is not valid.');
      if (!ids.isValidPhone(phone))
        throw badRequest('PHONE_INVALID', 'Phone must be +998 followed by 9 digits.');
      const r = load(ctx, (req.params as { id: string }).id);
      expectStep(r, 'contacts', 'sms');
      if (loginTaken(ctx, b.login)) throw conflict('LOGIN_TAKEN', 'This login is already taken.');
      // Counted before the password hashing's await, so that a burst cannot pass the SMS limits.
      checkSmsLimits(ctx, phone, req.ip);
      const passwordHash = await hashPassword(b.password);
      const ttl = ctx.db.transaction(() => {
        const cur = load(ctx, r.id);
        expectStep(cur, 'contacts', 'sms');
        ctx.db
          .prepare(
            `UPDATE registrations SET login = ?, password_hash = ?, email = ?, phone = ?, notify_by_email = ?,
             actual_address = ?, step = 'sms' WHERE id = ?`,
          )
          .run(b.login, passwordHash, b.email, phone, b.notifyByEmail ? 1 : 0, b.actualAddress ?? null, r.id);
        return issueCode(
          ctx,
          'registration',
          r.id,
          phone,
          (code) => `OneID: registration code ${code}. Do not tell it to anyone.`,
        );
      })();
      return { id: r.id, step: 'sms', phone: ids.maskPhone(phone), codeExpiresIn: ttl };
    },
  );

  app.post(
    '/api/v1/registrations/:id/sms/resend',
    {
      schema: {
        summary: 'Send a new SMS code (the previous one stops working)',
        tags,
        params: idParams('registration id'),
        response: {
          200: obj({ id: str(64), step: str(16), phone: str(32), codeExpiresIn: { type: 'integer' } }),
        },
        errors: { ...ERRORS_STEP, 429: 'SMS_RATE_LIMITED' },
      },
    },
    async (req) => {
      const r = load(ctx, (req.params as { id: string }).id);
      expectStep(r, 'sms');
      checkSmsLimits(ctx, r.phone!, req.ip);
      const ttl = ctx.db.transaction(() =>
        issueCode(
          ctx,
          'registration',
          r.id,
          r.phone!,
          (code) => `OneID: registration code ${code}. Do not tell it to anyone.`,
        ),
      )();
      return { id: r.id, step: 'sms', phone: ids.maskPhone(r.phone!), codeExpiresIn: ttl };
    },
  );

  app.post(
    '/api/v1/registrations/:id/complete',
    {
      schema: {
        summary: 'Enter the SMS code: creates the account with status unverified (step 5)',
        tags,
        params: idParams('registration id'),
        body: obj({ code: SMS_CODE }, ['code']),
        response: {
          201: obj({
            account: obj({ id: { type: 'integer' }, login: str(64), pin: str(14), status: str(16) }),
          }),
        },
        errors: {
          ...ERRORS_STEP,
          409: 'LOGIN_TAKEN, ACCOUNT_EXISTS (lost a race), REGISTRATION_COMPLETED, WRONG_STEP',
          422: 'SMS_CODE_INVALID (attemptsLeft), SMS_CODE_EXPIRED, SMS_CODE_MISSING',
          429: 'SMS_ATTEMPTS_EXCEEDED',
        },
      },
    },
    async (req, reply) => {
      const { code } = req.body as { code: string };
      const id = (req.params as { id: string }).id;
      const result = ctx.db.transaction(() => {
        const r = load(ctx, id);
        expectStep(r, 'sms');
        const refused = consumeCode(ctx, 'registration', r.id, code.trim());
        if (refused) return { refused };
        const now = Date.now();
        // Identified by a key: the account is verified from the start (DOMAIN.md flows 1 and 3).
        const status = r.method === 'key' ? 'verified' : 'unverified';
        let accountId: number;
        try {
          accountId = Number(
            ctx.db
              .prepare(
                `INSERT INTO accounts (login, pinfl, password_hash, email, phone, notify_by_email, actual_address, status,
                 created_at, registration_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(
                r.login,
                r.pinfl,
                r.password_hash,
                r.email,
                r.phone,
                r.notify_by_email,
                r.actual_address,
                status,
                now,
                r.id,
              ).lastInsertRowid,
          );
        } catch (e) {
          const refused = uniqueViolation(e);
          if (refused) return { refused };
          throw e;
        }
        ctx.db
          .prepare(
            "UPDATE registrations SET step = 'done', account_id = ?, password_hash = NULL WHERE id = ?",
          )
          .run(accountId, r.id);
        if (r.cert_serial)
          ctx.db
            .prepare('UPDATE accounts SET verified_cert_serial = ? WHERE id = ?')
            .run(r.cert_serial, accountId);
        queueEmail(
          ctx.db,
          r.email!,
          'OneID: registration complete',
          `Your OneID login is ${r.login}. Verify the account with a signature key to use all services.`,
        );
        return { account: { id: accountId, login: r.login!, pin: r.pinfl!, status } };
      })();
      if ('refused' in result) throw result.refused;
      void reply.code(201);
      return result;
    },
  );
}
