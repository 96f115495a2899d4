/**
 * The online key application (DOMAIN.md flow 2): start → SMS code → PKCS#10 → photo and selfie →
 * submit (invoice) → payment → review → certificate. The SMS confirmation proves the phone and
 * hands out the application-scoped secret that every later call needs (security/application-access.ts);
 * the application id alone opens nothing once the phone is confirmed.
 */
import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  applicationView,
  expectStatus,
  expireUnconfirmed,
  loadApplication,
  subjectOf,
  type ApplicationRow,
} from '../applications.js';
import { csrBytes, CsrError, parseCsr } from '../ca/csr.js';
import type { Ctx } from '../context.js';
import { ApiError, badRequest, conflict, unprocessable } from '../http/errors.js';
import { B64, idParams, obj, PHONE, PINFL, SMS_CODE, str, TIN } from '../http/schemas.js';
import { detectImage, MAX_IMAGE_BYTES } from '../images.js';
import { queueSms } from '../outbox.js';
import * as ids from '../registry/identifiers.js';
import { findCompany, findPerson, isPassportExpired } from '../registry/lookup.js';
import {
  APPLICATION_SECRET_HEADER,
  applicationSecretHash,
  authorizeApplication,
  checkApplicationSmsLimits,
  checkGuessLimits,
  newApplicationSecret,
  noteWrongGuess,
} from '../security/application-access.js';
import { newId } from '../security/secrets.js';
import { consumeCode, issueCode } from '../security/sms-codes.js';

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
    createdAt: str(32),
    updatedAt: str(32),
  },
} as const;

const ERR_APP = {
  404: 'APPLICATION_NOT_FOUND (also: no or wrong X-Application-Secret, and no session of the key holder)',
  409: 'WRONG_STATUS (applicationStatus)',
};
/** Routes that need the application secret or the holder's session (documented in OpenAPI). */
const config = { applicationAuth: true };
const SECRET_DOC =
  `Needs the application secret in \`${APPLICATION_SECRET_HEADER}\` (from the SMS confirmation) or ` +
  "`Authorization: Bearer` with a session of the account whose PINFL is the key holder's.";
const smsText = (code: string): string => `E-IMZO: key application code ${code}. Do not tell it to anyone.`;

function touch(ctx: Ctx, id: string, set: string, ...args: unknown[]): void {
  ctx.db
    .prepare(`UPDATE key_applications SET ${set}, updated_at = ? WHERE id = ?`)
    .run(...args, Date.now(), id);
}

export function keyApplicationRoutes(app: FastifyInstance, ctx: Ctx): void {
  const tags = ['key applications'];

  app.post(
    '/api/v1/key-applications',
    {
      schema: {
        summary: 'Start a key application; sends an SMS code to the registered phone',
        description:
          'Individuals give their PINFL, legal entities their TIN; the phone must be the one the population ' +
          'registry holds for the key holder (for a legal entity: its director). The answer is the same ' +
          'whether or not the holder already has an open application: an unconfirmed application holds ' +
          'nothing and is forgotten after `applicationUnconfirmedTtlSeconds`; confirming its SMS code ' +
          'either opens it or, when the holder already has an open application, hands that one over ' +
          '(see confirm). Wrong holder/phone pairs are limited per client address and per holder.',
        tags,
        body: obj(
          { type: { type: 'string', enum: ['individual', 'legal'] }, pinfl: PINFL, tin: TIN, phone: PHONE },
          ['type', 'phone'],
        ),
        response: {
          201: obj({ id: str(64), status: str(32), phone: str(32), codeExpiresIn: { type: 'integer' } }),
        },
        errors: {
          400: 'PINFL_INVALID, TIN_INVALID, PHONE_INVALID, PINFL_REQUIRED, TIN_REQUIRED, VALIDATION',
          422: 'NOT_IN_REGISTRY, PHONE_MISMATCH, PASSPORT_EXPIRED',
          429: 'TOO_MANY_MISMATCHES (retryAfter), SMS_RATE_LIMITED (retryAfter)',
        },
      },
    },
    async (req, reply) => {
      const b = req.body as { type: 'individual' | 'legal'; pinfl?: string; tin?: string; phone: string };
      const phone = ids.normalizePhone(b.phone);
      if (!ids.isValidPhone(phone))
        throw badRequest('PHONE_INVALID', 'Phone must be +998 followed by 9 digits.');
      let pinfl: string;
      let tin: string | null = null;
      let registeredPhone: string;
      if (b.type === 'individual') {
        if (!b.pinfl) throw badRequest('PINFL_REQUIRED', 'An individual application needs a PINFL.');
        if (!ids.isValidPinfl(b.pinfl))
          throw badRequest('PINFL_INVALID', 'PINFL must be 14 digits with a valid check digit.');
        checkGuessLimits(ctx, req.ip, `individual:${b.pinfl}`);
        const person = findPerson(ctx.db, b.pinfl);
        if (!person) {
          noteWrongGuess(ctx, req.ip);
          throw unprocessable('NOT_IN_REGISTRY', 'No person with this PINFL in the population registry.');
        }
        if (isPassportExpired(person))
          throw unprocessable('PASSPORT_EXPIRED', 'The passport has expired: renew it first.');
        pinfl = person.pinfl;
        registeredPhone = person.phone;
      } else {
        if (!b.tin) throw badRequest('TIN_REQUIRED', 'A legal-entity application needs the company TIN.');
        if (!ids.isLegalTin(b.tin))
          throw badRequest('TIN_INVALID', 'A legal entity TIN is 9 digits starting with 2.');
        checkGuessLimits(ctx, req.ip, `legal:${b.tin}`);
        const company = findCompany(ctx.db, b.tin);
        if (!company) {
          noteWrongGuess(ctx, req.ip);
          throw unprocessable('NOT_IN_REGISTRY', 'No company with this TIN in the company registry.');
        }
        pinfl = company.director_pinfl;
        tin = company.tin;
        registeredPhone = findPerson(ctx.db, pinfl)!.phone;
      }
      if (registeredPhone !== phone) {
        noteWrongGuess(ctx, req.ip, subjectOf({ type: b.type, pinfl, tin }));
        throw unprocessable('PHONE_MISMATCH', 'This phone number is not registered to the key holder.');
      }
      checkApplicationSmsLimits(ctx, phone, req.ip);
      const id = newId('ka');
      const ttl = ctx.db.transaction(() => {
        const now = Date.now();
        expireUnconfirmed(ctx, now);
        ctx.db
          .prepare(
            `INSERT INTO key_applications (id, type, pinfl, tin, phone, status, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'awaiting_sms', ?, ?)`,
          )
          .run(id, b.type, pinfl, tin, phone, now, now);
        return issueCode(ctx, 'key-application', id, phone, smsText);
      })();
      void reply.code(201);
      return { id, status: 'awaiting_sms', phone: ids.maskPhone(phone), codeExpiresIn: ttl };
    },
  );

  app.get(
    '/api/v1/key-applications/:id',
    {
      schema: {
        summary: 'Find an application: status, invoice, review',
        description: SECRET_DOC + ' An application still waiting for its SMS code needs only its id.',
        tags,
        params: idParams('application id'),
        response: { 200: APPLICATION_VIEW },
        errors: { 404: ERR_APP[404] },
      },
      config,
    },
    async (req) => {
      const a = loadApplication(ctx, (req.params as { id: string }).id);
      authorizeApplication(ctx, req, a);
      return applicationView(a);
    },
  );

  app.post(
    '/api/v1/key-applications/:id/sms/resend',
    {
      schema: {
        summary: 'Send a new SMS code',
        tags,
        params: idParams('application id'),
        response: {
          200: obj({ id: str(64), status: str(32), phone: str(32), codeExpiresIn: { type: 'integer' } }),
        },
        errors: { ...ERR_APP, 429: 'SMS_RATE_LIMITED (retryAfter)' },
      },
    },
    async (req) => {
      const a = loadApplication(ctx, (req.params as { id: string }).id);
      authorizeApplication(ctx, req, a);
      expectStatus(a, 'awaiting_sms');
      checkApplicationSmsLimits(ctx, a.phone, req.ip);
      const ttl = ctx.db.transaction(() => issueCode(ctx, 'key-application', a.id, a.phone, smsText))();
      return { id: a.id, status: a.status, phone: ids.maskPhone(a.phone), codeExpiresIn: ttl };
    },
  );

  app.post(
    '/api/v1/key-applications/:id/confirm',
    {
      schema: {
        summary: 'Confirm the phone with the SMS code; answers the application secret (once)',
        description:
          'The phone is proven: the answer carries `secret`, the application-scoped secret that every later ' +
          `call sends in \`${APPLICATION_SECRET_HEADER}\` (the portal keeps only its SHA-256; it is never ` +
          'shown again). When the key holder already has an open application (started and confirmed ' +
          'earlier, e.g. on a computer that is lost), that one is handed over instead: the answer is its ' +
          'view with `recovered: true` and a new secret (the old secret stops working), and the application ' +
          'just confirmed is dropped.',
        tags,
        params: idParams('application id'),
        body: obj({ code: SMS_CODE }, ['code']),
        response: {
          200: {
            ...APPLICATION_VIEW,
            properties: {
              ...APPLICATION_VIEW.properties,
              secret: str(64, {
                description: `the application secret, for \`${APPLICATION_SECRET_HEADER}\``,
              }),
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
    },
    async (req) => {
      const id = (req.params as { id: string }).id;
      const { code } = req.body as { code: string };
      const out = ctx.db.transaction(() => {
        const a = loadApplication(ctx, id);
        authorizeApplication(ctx, req, a);
        expectStatus(a, 'awaiting_sms');
        const refused = consumeCode(ctx, 'key-application', id, code.trim());
        if (refused) return { refused };
        const secret = newApplicationSecret();
        const subject = subjectOf(a);
        const open = ctx.db.prepare('SELECT id FROM key_applications WHERE open_subject = ?').get(subject) as
          { id: string } | undefined;
        if (open) {
          // The phone is proven: its holder takes up the open application (a new secret; the one
          // given before stops working), and this unconfirmed one is dropped.
          touch(ctx, open.id, 'secret_hash = ?', applicationSecretHash(secret));
          ctx.db.prepare('DELETE FROM key_applications WHERE id = ?').run(id);
          return { app: loadApplication(ctx, open.id), secret, recovered: true };
        }
        touch(
          ctx,
          id,
          "status = 'draft', open_subject = ?, secret_hash = ?",
          subject,
          applicationSecretHash(secret),
        );
        return { app: loadApplication(ctx, id), secret, recovered: false };
      })();
      if ('refused' in out) throw out.refused;
      return { ...applicationView(out.app), secret: out.secret, recovered: out.recovered };
    },
  );

  app.put(
    '/api/v1/key-applications/:id/request',
    {
      schema: {
        summary: 'Attach the PKCS#10 certificate request (the key pair is generated by the client)',
        description: SECRET_DOC,
        tags,
        params: idParams('application id'),
        body: obj({ pkcs10: B64(64 * 1024, 'PKCS#10 as PEM or base64 DER') }, ['pkcs10']),
        response: { 200: APPLICATION_VIEW },
        errors: { ...ERR_APP, 400: 'CSR_MALFORMED, CSR_SIGNATURE_INVALID, CSR_ALGORITHM_UNSUPPORTED' },
      },
      config,
    },
    async (req) => {
      const id = (req.params as { id: string }).id;
      authorizeApplication(ctx, req, loadApplication(ctx, id));
      let parsed;
      try {
        parsed = parseCsr(csrBytes((req.body as { pkcs10: string }).pkcs10));
      } catch (e) {
        if (e instanceof CsrError) throw badRequest(e.code, e.message);
        throw e;
      }
      return applicationView(
        ctx.db.transaction(() => {
          const a = loadApplication(ctx, id);
          authorizeApplication(ctx, req, a);
          expectStatus(a, 'draft');
          touch(ctx, id, 'pkcs10 = ?, key_algorithm = ?', parsed.der, parsed.keyAlgorithm);
          return loadApplication(ctx, id);
        })(),
      );
    },
  );

  app.put(
    '/api/v1/key-applications/:id/documents/:kind',
    {
      bodyLimit: MAX_IMAGE_BYTES,
      schema: {
        summary: 'Upload the photo or the selfie with the open passport (JPEG or PNG, at most 5 MB)',
        description:
          'The body is the image itself; its type is recognised by content, not by Content-Type. ' +
          SECRET_DOC,
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
      config,
    },
    async (req) => {
      const { id, kind } = req.params as { id: string; kind: 'photo' | 'selfie' };
      authorizeApplication(ctx, req, loadApplication(ctx, id));
      const body = req.body;
      if (!Buffer.isBuffer(body))
        throw new ApiError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the image bytes as image/jpeg, image/png or application/octet-stream.',
        );
      const type = detectImage(body);
      if (!type) throw unprocessable('NOT_AN_IMAGE', 'The file is neither a JPEG nor a PNG image.');
      return applicationView(
        ctx.db.transaction(() => {
          const a = loadApplication(ctx, id);
          authorizeApplication(ctx, req, a);
          expectStatus(a, 'draft');
          touch(ctx, id, `${kind} = ?, ${kind}_type = ?`, body, type);
          return loadApplication(ctx, id);
        })(),
      );
    },
  );

  app.post(
    '/api/v1/key-applications/:id/submit',
    {
      schema: {
        summary: 'Send the application: issues the invoice (fee = percent × BHM, portal data)',
        description: SECRET_DOC,
        tags,
        params: idParams('application id'),
        response: { 200: APPLICATION_VIEW },
        errors: { ...ERR_APP, 422: 'APPLICATION_INCOMPLETE (missing: request, photo, selfie)' },
      },
      config,
    },
    async (req) => {
      const id = (req.params as { id: string }).id;
      const out = ctx.db.transaction(() => {
        const a = loadApplication(ctx, id);
        authorizeApplication(ctx, req, a);
        expectStatus(a, 'draft');
        const missing = [
          a.pkcs10 ? '' : 'request',
          a.photo_type ? '' : 'photo',
          a.selfie_type ? '' : 'selfie',
        ].filter(Boolean);
        if (missing.length) return { missing, app: undefined };
        const s = ctx.settings;
        const percent = a.type === 'legal' ? s.feePercentLegal : s.feePercentIndividual;
        const amount = Math.round((s.bhm * percent) / 100);
        const invoice = invoiceNumber();
        touch(
          ctx,
          id,
          "status = 'awaiting_payment', invoice_id = ?, fee_amount = ?, fee_percent = ?, bhm = ?",
          invoice,
          amount,
          percent,
          s.bhm,
        );
        queueSms(ctx.db, a.phone, `E-IMZO: invoice ${invoice} for ${amount} so'm. Pay it to continue.`);
        return { missing: [], app: loadApplication(ctx, id) };
      })();
      if (!out.app) {
        throw unprocessable('APPLICATION_INCOMPLETE', `Attach first: ${out.missing.join(', ')}.`, {
          missing: out.missing,
        });
      }
      return applicationView(out.app);
    },
  );

  app.get(
    '/api/v1/key-applications/:id/certificate',
    {
      schema: {
        summary: 'Download the issued certificate and its chain',
        description: SECRET_DOC,
        tags,
        params: idParams('application id'),
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
      config,
    },
    async (req) => {
      const a = loadApplication(ctx, (req.params as { id: string }).id);
      authorizeApplication(ctx, req, a);
      if (a.status !== 'issued' || !a.certificate_serial) {
        throw conflict('NOT_ISSUED', `No certificate yet: the application is "${a.status}".`, {
          applicationStatus: a.status,
        });
      }
      return certificateAnswer(ctx, a);
    },
  );
}

/** Invoice numbers are 12 digits, random, like payment-system references. */
function invoiceNumber(): string {
  return String(randomInt(100_000_000_000, 1_000_000_000_000));
}

function certificateAnswer(ctx: Ctx, a: ApplicationRow): Record<string, unknown> {
  const row = ctx.db.prepare('SELECT der FROM certificates WHERE serial = ?').get(a.certificate_serial) as {
    der: Buffer;
  };
  const chain = ctx.ca!.chain();
  const pem = [row.der, ...chain].map((d) => toPem(d)).join('');
  return {
    serialNumber: a.certificate_serial,
    certificate: row.der.toString('base64'),
    chain: chain.map((d) => d.toString('base64')),
    pem,
  };
}

export function toPem(der: Buffer, label = 'CERTIFICATE'): string {
  const b64 = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}
