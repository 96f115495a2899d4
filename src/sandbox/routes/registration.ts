/**
 * Account registration in the steps of DOMAIN.md flow 1: offer → identity (PINFL + passport
 * against the population registry) → data confirmation → contacts + SMS code → account
 * `unverified`. The endpoints and their schemas; the steps are in services/registration/.
 */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { B64, idParams, obj, PASSPORT, PHONE, PINFL, SMS_CODE, str } from '../http/schemas.js';
import { PKCS7_JSON_LIMIT } from '../key-identity.js';
import { PERSON_VIEW_SCHEMA } from '../registry/lookup.js';
import { completeRegistration } from '../services/registration/complete.js';
import { identifyByKey, identifyByPassport } from '../services/registration/identity.js';
import {
  confirmData,
  OFFER,
  registrationStatus,
  resendCode,
  setContacts,
  startRegistration,
  type Contacts,
} from '../services/registration/steps.js';
import { idOf } from './params.js';

const tags = ['registration'];
const ERRORS_STEP = {
  404: 'REGISTRATION_NOT_FOUND (unknown or expired id)',
  409: 'WRONG_STEP: the registration is at another step',
};
const params = idParams('registration id');
const stepAnswer = obj({ id: str(64), step: str(16), expiresAt: str(32) }, ['id', 'step']);
const identified = obj({ id: str(64), step: str(16), person: PERSON_VIEW_SCHEMA });
const codeSent = obj({ id: str(64), step: str(16), phone: str(32), codeExpiresIn: { type: 'integer' } });

const SCHEMAS = {
  offer: { summary: 'The offer to accept (step 1)', tags },
  start: {
    summary: 'Start a registration by accepting the offer',
    tags,
    body: obj({ acceptOffer: { type: 'boolean', const: true }, offerVersion: str(16) }, ['acceptOffer']),
    response: { 201: stepAnswer },
  },
  status: { summary: 'Where a registration stands', tags, params, errors: { 404: ERRORS_STEP[404] } },
  identity: {
    summary: 'Identify yourself by PINFL and passport (step 2)',
    description:
      'Checked against the population registry. Foreign citizens and stateless persons cannot be identified by passport: they register with a key.',
    tags,
    params,
    body: obj({ pinfl: PINFL, passport: PASSPORT }, ['pinfl', 'passport']),
    response: { 200: identified },
    errors: {
      ...ERRORS_STEP,
      400: 'PINFL_INVALID, PASSPORT_INVALID, VALIDATION',
      422: 'IDENTITY_NOT_FOUND (no such PINFL + passport pair), PASSPORT_EXPIRED, PASSPORT_IDENTIFICATION_UNAVAILABLE (foreign citizen or stateless person)',
      429: 'IDENTITY_ATTEMPTS_EXCEEDED (retryAfter seconds): too many wrong pairs for this PINFL or from this address',
    },
  },
  identityKey: {
    summary:
      'Identify yourself with a signature key instead (step 2; also for foreign and stateless persons)',
    description:
      'Body: an attached PKCS#7 of a fresh challenge (`POST /api/v1/auth/challenge`). The account created is verified.',
    tags,
    params,
    body: obj({ pkcs7: B64(PKCS7_JSON_LIMIT, 'base64 attached PKCS#7 of the challenge') }, ['pkcs7']),
    response: { 200: identified },
    errors: {
      ...ERRORS_STEP,
      400: 'BAD_BASE64, PKCS7_MALFORMED',
      409: 'ACCOUNT_EXISTS, WRONG_STEP',
      422: 'SIGNATURE_INVALID (eimzoStatus), CERTIFICATE_REVOKED, CHALLENGE_INVALID, CERTIFICATE_WITHOUT_PINFL, IDENTITY_NOT_FOUND, PKCS7_LIMIT_EXCEEDED',
    },
  },
  confirm: {
    summary: 'Confirm the registry data (step 3), or go back',
    tags,
    params,
    body: obj({ confirmed: { type: 'boolean' } }, ['confirmed']),
    response: { 200: stepAnswer },
    errors: ERRORS_STEP,
  },
  contacts: {
    summary: 'Set login, password, e-mail and phone; sends the SMS code (step 4)',
    tags,
    params,
    body: obj(
      {
        login: str(64, { description: 'at least 5 characters (the rules of the shared ids library)' }),
        password: str(256, { description: 'at least 8 characters including a special character' }),
        email: str(254),
        phone: PHONE,
        notifyByEmail: { type: 'boolean' },
        actualAddress: str(300),
        region: str(16, { description: "SOATO code of the actual address's region (GET /api/v1/regions)" }),
        district: str(16, { description: 'SOATO code of its district (tuman or city)' }),
      },
      ['login', 'password', 'email', 'phone'],
    ),
    response: { 200: codeSent },
    errors: {
      ...ERRORS_STEP,
      400: 'LOGIN_INVALID, PASSWORD_WEAK, EMAIL_INVALID, PHONE_INVALID, REGION_UNKNOWN, DISTRICT_UNKNOWN, REGION_REQUIRED, VALIDATION',
      409: 'LOGIN_TAKEN, WRONG_STEP',
      429: 'SMS_RATE_LIMITED',
    },
  },
  resend: {
    summary: 'Send a new SMS code (the previous one stops working)',
    tags,
    params,
    response: { 200: codeSent },
    errors: { ...ERRORS_STEP, 429: 'SMS_RATE_LIMITED' },
  },
  complete: {
    summary: 'Enter the SMS code: creates the account with status unverified (step 5)',
    tags,
    params,
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
};

export function registrationRoutes(app: FastifyInstance, ctx: Ctx): void {
  const at = '/api/v1/registrations/:id';
  app.get('/api/v1/registrations/offer', { schema: SCHEMAS.offer }, async () => OFFER);
  app.post('/api/v1/registrations', { schema: SCHEMAS.start }, async (_req, reply) => {
    const answer = startRegistration(ctx);
    void reply.code(201);
    return answer;
  });
  app.get(at, { schema: SCHEMAS.status }, async (req) => registrationStatus(ctx, idOf(req)));
  app.post(`${at}/identity`, { schema: SCHEMAS.identity }, async (req) =>
    identifyByPassport(ctx, idOf(req), req.body as { pinfl: string; passport: string }, req.ip),
  );
  app.post(`${at}/identity-key`, { schema: SCHEMAS.identityKey }, async (req) =>
    identifyByKey(ctx, idOf(req), (req.body as { pkcs7: string }).pkcs7),
  );
  app.post(`${at}/confirm`, { schema: SCHEMAS.confirm }, async (req) =>
    confirmData(ctx, idOf(req), (req.body as { confirmed: boolean }).confirmed),
  );
  app.post(`${at}/contacts`, { schema: SCHEMAS.contacts }, async (req) =>
    setContacts(ctx, idOf(req), req.body as Contacts, req.ip),
  );
  app.post(`${at}/sms/resend`, { schema: SCHEMAS.resend }, async (req) => resendCode(ctx, idOf(req), req.ip));
  app.post(`${at}/complete`, { schema: SCHEMAS.complete }, async (req, reply) => {
    const answer = completeRegistration(ctx, idOf(req), (req.body as { code: string }).code);
    void reply.code(201);
    return answer;
  });
}
