/**
 * Sandbox administration, answered only on loopback: the registries, the outbox (how testers read
 * SMS codes), payments, manual review, revocation, portal settings, SSO client registration, reset.
 * The endpoints; what they do is in services/admin/ and applications.ts. Their answers are the wire
 * shapes of src/lib/sandbox-contract, which the CLI's `SandboxAdmin` reads.
 */
import type { FastifyInstance } from 'fastify';
import {
  REVOKE_REASONS,
  type OutboxQuery,
  type RegistryQuery,
  type RevokeReason,
} from '../../lib/sandbox-contract/index.js';
import { applicationView, approveApplication, payInvoice, rejectApplication } from '../applications.js';
import type { Ctx } from '../context.js';
import { idParams, obj, OK, str } from '../http/schemas.js';
import { changeSettings } from '../services/admin/settings.js';
import { registerSsoClient, type NewClient } from '../services/admin/sso-clients.js';
import { outbox, registries, resetSandbox, sandboxStatus } from '../services/admin/state.js';
import { revokeCertificate } from '../services/certificates.js';
import { DEFAULT_SETTINGS, SETTING_RANGES, type SettingName, type Settings } from '../settings.js';
import { idOf } from './params.js';

const tags = ['sandbox administration (loopback only)'];
const config = { admin: true };

/** An admin action on the application (or invoice) in the path: its summary and refusals. */
const onApplication = (summary: string, what: string, errors: Record<string, string>) => ({
  summary,
  tags,
  params: idParams(what),
  errors,
});

// Ranges are checked by the handler, so that the refusal names the setting and its range.
const SETTINGS_BODY = obj(
  Object.fromEntries(
    Object.keys(DEFAULT_SETTINGS).map((k) => {
      const r = SETTING_RANGES[k as SettingName];
      return [k, { type: 'number', description: `${r.integer ? 'integer' : 'number'} ${r.min}…${r.max}` }];
    }),
  ),
);

const SCHEMAS = {
  status: { summary: 'Process, data dir, counts, database integrity', tags },
  registry: {
    summary: 'The population and company registries (pick identities for tests)',
    tags,
    querystring: obj({
      kind: { type: 'string', enum: ['citizen', 'foreign', 'stateless'] },
      free: { type: 'boolean', description: 'only people without an account' },
      limit: { type: 'integer', minimum: 1, maximum: 1000 },
    }),
  },
  outbox: {
    summary: 'Messages the portal sent (SMS and e-mail), newest first',
    tags,
    querystring: obj({
      phone: str(32, { description: 'recipient phone (or e-mail address)' }),
      channel: { type: 'string', enum: ['sms', 'email'] },
      last: { type: 'integer', minimum: 1, maximum: 1000 },
    }),
  },
  pay: onApplication('Pay an invoice (stands in for the payment systems)', 'invoice number', {
    404: 'INVOICE_NOT_FOUND',
    409: 'INVOICE_PAID, WRONG_STATUS',
  }),
  approve: onApplication('Approve an application under review: issues the certificate', 'application id', {
    404: 'APPLICATION_NOT_FOUND',
    409: 'WRONG_STATUS, CA_UNAVAILABLE',
  }),
  reject: {
    summary: 'Reject an open application with a reason (sent to the applicant by SMS)',
    tags,
    params: idParams('application id'),
    body: obj({ reason: str(500, { minLength: 1 }) }, ['reason']),
    errors: { 404: 'APPLICATION_NOT_FOUND', 409: 'WRONG_STATUS' },
  },
  revoke: {
    summary: 'Revoke a certificate (at once on the CRL and in OCSP answers)',
    tags,
    params: idParams('serial number, hex'),
    // The body is optional (no body: reason unspecified).
    body: {
      ...obj({ reason: { type: 'string', enum: [...REVOKE_REASONS], default: 'unspecified' } }),
      type: ['object', 'null'],
    },
    response: {
      200: obj(
        { serial: str(64), revokedAt: str(40), reason: { type: 'string', enum: [...REVOKE_REASONS] } },
        ['serial', 'revokedAt', 'reason'],
      ),
    },
    errors: { 404: 'CERTIFICATE_NOT_FOUND', 409: 'CA_UNAVAILABLE' },
  },
  settings: { summary: 'Portal data: fees, BHM, review delay, limits', tags },
  changeSettings: {
    summary: 'Change portal data',
    tags,
    body: SETTINGS_BODY,
    errors: { 400: 'SETTING_OUT_OF_RANGE (setting, min, max, integer): nothing is changed' },
  },
  ssoClients: {
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
  reset: {
    summary: 'Forget all accounts, applications, sessions and messages (registries and CA stay)',
    tags,
    response: { 200: OK },
  },
};

export function adminRoutes(app: FastifyInstance, ctx: Ctx): void {
  const at = '/api/v1/sandbox';
  app.get(`${at}/status`, { config, schema: SCHEMAS.status }, async () => sandboxStatus(ctx));
  app.get(`${at}/registry`, { config, schema: SCHEMAS.registry }, async (req) =>
    registries(ctx, req.query as RegistryQuery),
  );
  app.get(`${at}/outbox`, { config, schema: SCHEMAS.outbox }, async (req) =>
    outbox(ctx, req.query as OutboxQuery),
  );
  app.post(`${at}/invoices/:id/pay`, { config, schema: SCHEMAS.pay }, async (req) =>
    applicationView(payInvoice(ctx, idOf(req))),
  );
  app.post(`${at}/key-applications/:id/approve`, { config, schema: SCHEMAS.approve }, async (req) =>
    applicationView(approveApplication(ctx, idOf(req))),
  );
  app.post(`${at}/key-applications/:id/reject`, { config, schema: SCHEMAS.reject }, async (req) =>
    applicationView(rejectApplication(ctx, idOf(req), (req.body as { reason: string }).reason)),
  );
  app.post(`${at}/certificates/:id/revoke`, { config, schema: SCHEMAS.revoke }, async (req) =>
    revokeCertificate(ctx, idOf(req), (req.body as { reason?: RevokeReason } | undefined)?.reason),
  );
  app.get(`${at}/settings`, { config, schema: SCHEMAS.settings }, async () => ctx.settings);
  app.patch(`${at}/settings`, { config, schema: SCHEMAS.changeSettings }, async (req) =>
    changeSettings(ctx, req.body as Partial<Settings>),
  );
  app.post(`${at}/sso-clients`, { config, schema: SCHEMAS.ssoClients }, async (req, reply) => {
    const client = await registerSsoClient(ctx, req.body as NewClient);
    void reply.code(201);
    return client;
  });
  app.post(`${at}/reset`, { config, schema: SCHEMAS.reset }, async () => resetSandbox(ctx));
}
