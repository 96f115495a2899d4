/**
 * Sandbox administration, answered only on loopback: the registries, the outbox (how testers read
 * SMS codes), payments, manual review, revocation, portal settings, SSO client registration, reset.
 */
import type { FastifyInstance } from 'fastify';
import { applicationView, approveApplication, payInvoice, rejectApplication } from '../applications.js';
import type { Ctx } from '../context.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { idParams, obj, OK, str } from '../http/schemas.js';
import { listOutbox } from '../outbox.js';
import { normalizePhone } from '../registry/identifiers.js';
import { hashPassword, newToken } from '../security/secrets.js';
import {
  DEFAULT_SETTINGS,
  saveSettings,
  SETTING_RANGES,
  settingProblem,
  type SettingName,
  type Settings,
} from '../settings.js';
import { redirectUriProblem } from './sso.js';
import { integrityOk } from '../db/database.js';

const started = Date.now();

/** Tables holding what users did; `reset` empties them and keeps the registries and the CA. */
export const USER_TABLES = [
  'sso_tokens',
  'sso_codes',
  'sessions',
  'account_legal_entities',
  'sms_codes',
  'registrations',
  'certificates',
  'key_applications',
  'challenges',
  'outbox',
  'accounts',
];

export function adminRoutes(app: FastifyInstance, ctx: Ctx): void {
  const tags = ['sandbox administration (loopback only)'];
  const config = { admin: true };

  app.get(
    '/api/v1/sandbox/status',
    { config, schema: { summary: 'Process, data dir, counts, database integrity', tags } },
    async () => {
      const count = (t: string): number =>
        (ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
      return {
        status: 'ok',
        version: ctx.version,
        pid: process.pid,
        dataDir: ctx.dataDir,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        integrity: integrityOk(ctx.db) ? 'ok' : 'damaged',
        counts: Object.fromEntries(
          ['persons', 'companies', 'accounts', 'key_applications', 'certificates', 'outbox'].map((t) => [
            t,
            count(t),
          ]),
        ),
      };
    },
  );

  app.get(
    '/api/v1/sandbox/registry',
    {
      config,
      schema: {
        summary: 'The population and company registries (pick identities for tests)',
        tags,
        querystring: obj({
          kind: { type: 'string', enum: ['citizen', 'foreign', 'stateless'] },
          free: { type: 'boolean', description: 'only people without an account' },
          limit: { type: 'integer', minimum: 1, maximum: 1000 },
        }),
      },
    },
    async (req) => {
      const q = req.query as { kind?: string; free?: boolean; limit?: number };
      const where: string[] = [];
      const args: unknown[] = [];
      if (q.kind) {
        where.push('p.kind = ?');
        args.push(q.kind);
      }
      if (q.free) where.push('NOT EXISTS (SELECT 1 FROM accounts a WHERE a.pinfl = p.pinfl)');
      const persons = ctx.db
        .prepare(
          `SELECT p.* FROM persons p ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY rowid LIMIT ?`,
        )
        .all(...args, q.limit ?? 1000);
      const companies = ctx.db.prepare('SELECT * FROM companies ORDER BY rowid').all() as Array<{
        tin: string;
      }>;
      const roles = ctx.db.prepare('SELECT tin, pinfl, role FROM company_roles').all() as Array<{
        tin: string;
        pinfl: string;
        role: string;
      }>;
      return {
        persons,
        companies: companies.map((c) => ({
          ...c,
          roles: roles.filter((r) => r.tin === c.tin).map(({ pinfl, role }) => ({ pinfl, role })),
        })),
      };
    },
  );

  app.get(
    '/api/v1/sandbox/outbox',
    {
      config,
      schema: {
        summary: 'Messages the portal sent (SMS and e-mail), newest first',
        tags,
        querystring: obj({
          phone: str(32, { description: 'recipient phone (or e-mail address)' }),
          channel: { type: 'string', enum: ['sms', 'email'] },
          last: { type: 'integer', minimum: 1, maximum: 1000 },
        }),
      },
    },
    async (req) => {
      const q = req.query as { phone?: string; channel?: string; last?: number };
      const recipient = q.phone ? (q.phone.includes('@') ? q.phone : normalizePhone(q.phone)) : undefined;
      return { messages: listOutbox(ctx.db, { recipient, channel: q.channel, last: q.last }) };
    },
  );

  app.post(
    '/api/v1/sandbox/invoices/:id/pay',
    {
      config,
      schema: {
        summary: 'Pay an invoice (stands in for the payment systems)',
        tags,
        params: idParams('invoice number'),
        errors: { 404: 'INVOICE_NOT_FOUND', 409: 'INVOICE_PAID, WRONG_STATUS' },
      },
    },
    async (req) => applicationView(payInvoice(ctx, (req.params as { id: string }).id)),
  );

  app.post(
    '/api/v1/sandbox/key-applications/:id/approve',
    {
      config,
      schema: {
        summary: 'Approve an application under review: issues the certificate',
        tags,
        params: idParams('application id'),
        errors: { 404: 'APPLICATION_NOT_FOUND', 409: 'WRONG_STATUS, CA_UNAVAILABLE' },
      },
    },
    async (req) => applicationView(approveApplication(ctx, (req.params as { id: string }).id)),
  );

  app.post(
    '/api/v1/sandbox/key-applications/:id/reject',
    {
      config,
      schema: {
        summary: 'Reject an open application with a reason (sent to the applicant by SMS)',
        tags,
        params: idParams('application id'),
        body: obj({ reason: str(500, { minLength: 1 }) }, ['reason']),
        errors: { 404: 'APPLICATION_NOT_FOUND', 409: 'WRONG_STATUS' },
      },
    },
    async (req) =>
      applicationView(
        rejectApplication(ctx, (req.params as { id: string }).id, (req.body as { reason: string }).reason),
      ),
  );

  app.post(
    '/api/v1/sandbox/certificates/:id/revoke',
    {
      config,
      schema: {
        summary: 'Revoke a certificate (it appears on the CRL)',
        tags,
        params: idParams('serial number, hex'),
        response: { 200: OK },
        errors: { 404: 'CERTIFICATE_NOT_FOUND', 409: 'CA_UNAVAILABLE' },
      },
    },
    async (req) => {
      if (!ctx.ca) throw conflict('CA_UNAVAILABLE', 'The sandbox CA is not available in this build.');
      const serial = (req.params as { id: string }).id.toLowerCase();
      const done = ctx.db.transaction(() => ctx.ca!.revoke(serial))();
      if (!done) throw notFound('CERTIFICATE_NOT_FOUND', 'No such certificate, or it is already revoked.');
      return { status: 'ok' };
    },
  );

  // Ranges are checked by the handler, so that the refusal names the setting and its range.
  const settingsSchema = obj(
    Object.fromEntries(
      Object.keys(DEFAULT_SETTINGS).map((k) => {
        const r = SETTING_RANGES[k as SettingName];
        return [k, { type: 'number', description: `${r.integer ? 'integer' : 'number'} ${r.min}…${r.max}` }];
      }),
    ),
  );
  app.get(
    '/api/v1/sandbox/settings',
    { config, schema: { summary: 'Portal data: fees, BHM, review delay, limits', tags } },
    async () => ctx.settings,
  );
  app.patch(
    '/api/v1/sandbox/settings',
    {
      config,
      schema: {
        summary: 'Change portal data',
        tags,
        body: settingsSchema,
        errors: { 400: 'SETTING_OUT_OF_RANGE (setting, min, max, integer): nothing is changed' },
      },
    },
    async (req) => {
      const changes = req.body as Partial<Settings>;
      for (const [name, value] of Object.entries(changes)) {
        const problem = settingProblem(name, value);
        if (problem) {
          const r = SETTING_RANGES[name as SettingName];
          throw badRequest('SETTING_OUT_OF_RANGE', `${problem}.`, { setting: name, ...r });
        }
      }
      saveSettings(ctx.db, changes);
      ctx.reloadSettings();
      ctx.limiter.reset();
      return ctx.settings;
    },
  );

  app.post(
    '/api/v1/sandbox/sso-clients',
    {
      config,
      schema: {
        summary: 'Register a client application for the OneID SSO endpoint; returns its secret once',
        tags,
        body: obj(
          {
            clientId: str(64, { pattern: '^[A-Za-z0-9_.-]{3,64}$' }),
            name: str(200),
            redirectUris: { type: 'array', minItems: 1, maxItems: 10, items: str(2000) },
            scope: str(200),
          },
          ['clientId', 'redirectUris'],
        ),
        errors: {
          400: 'INVALID_REDIRECT_URI: only absolute https URLs, or http to localhost / 127.0.0.1 / [::1]; no fragment',
          409: 'CLIENT_EXISTS',
        },
      },
    },
    async (req, reply) => {
      const b = req.body as { clientId: string; name?: string; redirectUris: string[]; scope?: string };
      for (const uri of b.redirectUris) {
        const problem = redirectUriProblem(uri);
        if (problem) {
          throw badRequest('INVALID_REDIRECT_URI', `The redirect URI ${JSON.stringify(uri)} ${problem}.`, {
            redirectUri: uri,
          });
        }
      }
      const secret = newToken();
      const hash = await hashPassword(secret);
      const ok = ctx.db.transaction(() => {
        if (ctx.db.prepare('SELECT 1 FROM sso_clients WHERE client_id = ?').get(b.clientId)) return false;
        ctx.db
          .prepare(
            'INSERT INTO sso_clients (client_id, secret_hash, name, redirect_uris, scope) VALUES (?, ?, ?, ?, ?)',
          )
          .run(b.clientId, hash, b.name ?? b.clientId, JSON.stringify(b.redirectUris), b.scope ?? b.clientId);
        return true;
      })();
      if (!ok) throw conflict('CLIENT_EXISTS', 'A client with this id is already registered.');
      void reply.code(201);
      return {
        clientId: b.clientId,
        clientSecret: secret,
        redirectUris: b.redirectUris,
        scope: b.scope ?? b.clientId,
      };
    },
  );

  app.post(
    '/api/v1/sandbox/reset',
    {
      config,
      schema: {
        summary: 'Forget all accounts, applications, sessions and messages (registries and CA stay)',
        tags,
        response: { 200: OK },
      },
    },
    async () => {
      ctx.db.transaction(() => {
        for (const t of USER_TABLES) ctx.db.prepare(`DELETE FROM ${t}`).run();
      })();
      ctx.limiter.reset();
      return { status: 'ok' };
    },
  );
}
