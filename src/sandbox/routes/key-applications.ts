/**
 * The online key application (DOMAIN.md flow 2): start → SMS code → PKCS#10 → photo and selfie →
 * submit (invoice) → payment → review → certificate. The SMS confirmation proves the phone and
 * hands out the application-scoped secret that every later call needs (security/application-access.ts);
 * the application id alone opens nothing once the phone is confirmed. The endpoints and their
 * schemas; the steps are in services/key-applications/.
 */
import type { FastifyInstance } from 'fastify';
import { applicationView } from '../applications.js';
import type { Ctx } from '../context.js';
import { B64, idParams, obj, PHONE, PINFL, SMS_CODE, str, TIN } from '../http/schemas.js';
import { MAX_IMAGE_BYTES } from '../images.js';
import { APPLICATION_SECRET_HEADER } from '../security/application-access.js';
import { optionalSession, requireSession } from '../security/sessions.js';
import { issuedCertificate } from '../services/certificates.js';
import { applicationFor, authorizeFor } from '../services/key-applications/access.js';
import {
  attachDocument,
  attachRequest,
  submitApplication,
} from '../services/key-applications/attachments.js';
import { confirmApplication, resendApplicationCode } from '../services/key-applications/confirm.js';
import { myApplications } from '../services/key-applications/mine.js';
import { startApplication, type StartRequest } from '../services/key-applications/start.js';
import { idOf } from './params.js';

const APPLICATION_VIEW = {
  type: 'object',
  properties: {
    id: str(64),
    type: str(16),
    pinfl: str(14),
    tin: { type: ['string', 'null'] },
    status: str(32),
    keyAlgorithm: { type: ['string', 'null'] },
    request: { type: 'boolean' },
    photo: { type: 'boolean' },
    selfie: { type: 'boolean' },
    invoice: {
      type: ['object', 'null'],
      properties: {
        id: str(32),
        amount: { type: 'integer' },
        currency: str(3),
        percent: { type: 'number' },
        bhm: { type: 'integer' },
        paid: { type: 'boolean' },
      },
    },
    reviewDueAt: { type: ['string', 'null'] },
    rejectReason: { type: ['string', 'null'] },
    certificateSerial: { type: ['string', 'null'] },
    machine: { type: ['string', 'null'], description: 'the computer the application was started on' },
    createdAt: str(32),
    updatedAt: str(32),
  },
} as const;

const tags = ['key applications'];
const ERR_APP = {
  404: 'APPLICATION_NOT_FOUND (also: no or wrong X-Application-Secret, and no session of the key holder)',
  409: 'WRONG_STATUS (applicationStatus)',
};
/** Routes that need the application secret or the holder's session (documented in OpenAPI). */
const config = { applicationAuth: true };
const SECRET_DOC =
  `Needs the application secret in \`${APPLICATION_SECRET_HEADER}\` (from the SMS confirmation) or ` +
  "`Authorization: Bearer` with a session of the account whose PINFL is the key holder's.";
const params = idParams('application id');
const codeSent = obj({ id: str(64), status: str(32), phone: str(32), codeExpiresIn: { type: 'integer' } });

const SCHEMAS = {
  start: {
    summary: 'Start a key application; sends an SMS code to the registered phone',
    description:
      'Individuals give their PINFL, or their personal TIN when the registry links it to their PINFL ' +
      '(individual entrepreneurs); legal entities their TIN. The phone must be the one the population ' +
      'registry holds for the key holder (for a legal entity: its director). A person the company has ' +
      'authorized (GET /legal-entity/employees) applies for a company key signed in (Authorization: ' +
      'Bearer): the key is then theirs, with their own phone. The answer is the same ' +
      'whether or not the holder already has an open application: an unconfirmed application holds ' +
      'nothing and is forgotten after `applicationUnconfirmedTtlSeconds`; confirming its SMS code ' +
      'either opens it or, when the holder already has an open application, hands that one over ' +
      '(see confirm). Wrong holder/phone pairs are limited per client address and per holder.',
    tags,
    body: obj(
      {
        type: { type: 'string', enum: ['individual', 'legal'] },
        pinfl: PINFL,
        tin: TIN,
        phone: PHONE,
        machine: str(100, { description: 'name of the computer the key pair is made on' }),
        region: str(16, { description: 'SOATO code of the region (GET /api/v1/regions)' }),
        district: str(16, { description: 'SOATO code of the district' }),
      },
      ['type', 'phone'],
    ),
    response: { 201: codeSent },
    errors: {
      400: 'PINFL_INVALID, TIN_INVALID, PHONE_INVALID, PINFL_REQUIRED, TIN_REQUIRED, REGION_UNKNOWN, DISTRICT_UNKNOWN, VALIDATION',
      401: 'UNAUTHENTICATED (a token was sent and is not live)',
      403: 'NOT_AUTHORIZED (signed in, neither the director nor authorized by the company)',
      422: 'NOT_IN_REGISTRY, PHONE_MISMATCH, PASSPORT_EXPIRED',
      429: 'TOO_MANY_MISMATCHES (retryAfter), SMS_RATE_LIMITED (retryAfter)',
    },
  },
  mine: {
    summary: 'The signed-in account\'s key applications, from any computer ("Mening arizalarim")',
    description:
      "Applications whose key holder is the account's person, and those the account started. `machine` names " +
      'the computer each was started on: its private key never left that computer.',
    tags,
    response: { 200: obj({ applications: { type: 'array', items: APPLICATION_VIEW } }) },
    errors: { 401: 'UNAUTHENTICATED' },
  },
  view: {
    summary: 'Find an application: status, invoice, review',
    description: SECRET_DOC + ' An application still waiting for its SMS code needs only its id.',
    tags,
    params,
    response: { 200: APPLICATION_VIEW },
    errors: { 404: ERR_APP[404] },
  },
  resend: {
    summary: 'Send a new SMS code',
    tags,
    params,
    response: { 200: codeSent },
    errors: { ...ERR_APP, 429: 'SMS_RATE_LIMITED (retryAfter)' },
  },
  confirm: {
    summary: 'Confirm the phone with the SMS code; answers the application secret (once)',
    description:
      'The phone is proven: the answer carries `secret`, the application-scoped secret that every later ' +
      `call sends in \`${APPLICATION_SECRET_HEADER}\` (the portal keeps only its SHA-256; it is never ` +
      'shown again). When the key holder already has an open application (started and confirmed ' +
      'earlier, e.g. on a computer that is lost), that one is handed over instead: the answer is its ' +
      'view with `recovered: true` and a new secret (the old secret stops working), and the application ' +
      'just confirmed is dropped.',
    tags,
    params,
    body: obj({ code: SMS_CODE }, ['code']),
    response: {
      200: {
        ...APPLICATION_VIEW,
        properties: {
          ...APPLICATION_VIEW.properties,
          secret: str(64, { description: `the application secret, for \`${APPLICATION_SECRET_HEADER}\`` }),
          recovered: {
            type: 'boolean',
            description: "true: this is the holder's application opened earlier, not the one in the path",
          },
        },
      },
    },
    errors: {
      ...ERR_APP,
      422: 'SMS_CODE_INVALID (attemptsLeft), SMS_CODE_EXPIRED, SMS_CODE_MISSING',
      429: 'SMS_ATTEMPTS_EXCEEDED',
    },
  },
  request: {
    summary: 'Attach the PKCS#10 certificate request (the key pair is generated by the client)',
    description: SECRET_DOC,
    tags,
    params,
    body: obj({ pkcs10: B64(64 * 1024, 'PKCS#10 as PEM or base64 DER') }, ['pkcs10']),
    response: { 200: APPLICATION_VIEW },
    errors: { ...ERR_APP, 400: 'CSR_MALFORMED, CSR_SIGNATURE_INVALID, CSR_ALGORITHM_UNSUPPORTED' },
  },
  document: {
    summary: 'Upload the photo or the selfie with the open passport (JPEG or PNG, at most 5 MB)',
    description:
      'The body is the image itself; its type is recognised by content, not by Content-Type. ' + SECRET_DOC,
    tags,
    consumes: ['image/jpeg', 'image/png', 'application/octet-stream'],
    params: obj({ id: str(64), kind: { type: 'string', enum: ['photo', 'selfie'] } }, ['id', 'kind']),
    response: { 200: APPLICATION_VIEW },
    errors: {
      ...ERR_APP,
      413: 'BODY_TOO_LARGE (over 5 MB)',
      415: 'UNSUPPORTED_MEDIA_TYPE',
      422: 'NOT_AN_IMAGE',
    },
  },
  submit: {
    summary: 'Send the application: issues the invoice (fee = percent × BHM, portal data)',
    description: SECRET_DOC,
    tags,
    params,
    response: { 200: APPLICATION_VIEW },
    errors: { ...ERR_APP, 422: 'APPLICATION_INCOMPLETE (missing: request, photo, selfie)' },
  },
  certificate: {
    summary: 'Download the issued certificate and its chain',
    description: SECRET_DOC,
    tags,
    params,
    response: {
      200: obj({
        serialNumber: str(64),
        certificate: str(16384),
        chain: { type: 'array', items: str(16384) },
        pem: str(65536),
      }),
    },
    errors: { ...ERR_APP, 409: 'NOT_ISSUED (applicationStatus)' },
  },
};

export function keyApplicationRoutes(app: FastifyInstance, ctx: Ctx): void {
  const at = '/api/v1/key-applications/:id';
  app.post('/api/v1/key-applications', { schema: SCHEMAS.start }, async (req, reply) => {
    const started = startApplication(ctx, req.body as StartRequest, req.ip, optionalSession(ctx, req));
    void reply.code(201);
    return started;
  });
  app.get('/api/v1/key-applications', { schema: SCHEMAS.mine, config: { auth: true } }, async (req) =>
    myApplications(ctx, requireSession(ctx, req)),
  );
  app.get(at, { schema: SCHEMAS.view, config }, async (req) =>
    applicationView(applicationFor(ctx, idOf(req), authorizeFor(ctx, req))),
  );
  app.post(`${at}/sms/resend`, { schema: SCHEMAS.resend }, async (req) =>
    resendApplicationCode(ctx, idOf(req), authorizeFor(ctx, req), req.ip),
  );
  app.post(`${at}/confirm`, { schema: SCHEMAS.confirm }, async (req) =>
    confirmApplication(ctx, idOf(req), authorizeFor(ctx, req), (req.body as { code: string }).code),
  );
  app.put(`${at}/request`, { schema: SCHEMAS.request, config }, async (req) =>
    attachRequest(ctx, idOf(req), authorizeFor(ctx, req), (req.body as { pkcs10: string }).pkcs10),
  );
  app.put(
    `${at}/documents/:kind`,
    { bodyLimit: MAX_IMAGE_BYTES, schema: SCHEMAS.document, config },
    async (req) => {
      const { kind } = req.params as { kind: 'photo' | 'selfie' };
      return attachDocument(ctx, idOf(req), authorizeFor(ctx, req), kind, req.body);
    },
  );
  app.post(`${at}/submit`, { schema: SCHEMAS.submit, config }, async (req) =>
    submitApplication(ctx, idOf(req), authorizeFor(ctx, req)),
  );
  app.get(`${at}/certificate`, { schema: SCHEMAS.certificate, config }, async (req) =>
    issuedCertificate(ctx, applicationFor(ctx, idOf(req), authorizeFor(ctx, req))),
  );
}
