/**
 * OneID single sign-on, compatible with the published integrations (REFERENCES.md §5): one URL,
 * `/sso/oauth/Authorization.do`, with `response_type=one_code` (browser step) and the grants
 * `one_authorization_code`, `one_access_token_identify`, `one_log_out`. Parameters may come in the
 * query string or a form body, as integrations send both.
 *
 * The sandbox has no login page: the browser step takes the user's portal session
 * (`Authorization: Bearer`, from `POST /api/v1/auth/login`) and redirects with the code. Codes and
 * tokens remember that session: its logout revokes them. Redirect URIs are https (http only to this
 * machine), checked when a client is registered and again before a code is written; the code
 * exchange requires the redirect_uri of the authorization (RFC 6749 §4.1.3).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findAccountById, oneIdUser } from '../accounts.js';
import type { Ctx } from '../context.js';
import { ApiError, badRequest, unauthorized } from '../http/errors.js';
import { str } from '../http/schemas.js';
import { newToken, sha256hex, verifyPassword } from '../security/secrets.js';
import { requireSession } from '../security/sessions.js';

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 3600;

const PARAMS = [
  'response_type',
  'grant_type',
  'client_id',
  'client_secret',
  'redirect_uri',
  'scope',
  'state',
  'code',
  'access_token',
];
const PARAM_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(PARAMS.map((p) => [p, str(2048)])),
} as const;

interface Client {
  client_id: string;
  secret_hash: string;
  redirect_uris: string;
  scope: string;
}

async function authenticateClient(ctx: Ctx, p: Record<string, string | undefined>): Promise<Client> {
  if (!p.client_id || !p.client_secret)
    throw badRequest('INVALID_CLIENT', 'client_id and client_secret are required.');
  const client = ctx.db.prepare('SELECT * FROM sso_clients WHERE client_id = ?').get(p.client_id) as
    Client | undefined;
  if (!client || !(await verifyPassword(p.client_secret, client.secret_hash))) {
    throw new ApiError(401, 'INVALID_CLIENT', 'Unknown client or wrong client secret.');
  }
  return client;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const isLoopbackHost = (host: string): boolean =>
  LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * Why `uri` cannot be a client's redirect URI, or undefined when it can: an absolute https URL, or
 * http to this machine only (localhost, 127.0.0.0/8, [::1]: a developer's local callback, which no
 * one on the network can intercept), without user info and without a fragment (RFC 6749 §3.1.2).
 * Anything else (`javascript:`, `data:`, relative paths, plain http to a host) is refused.
 */
export function redirectUriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname))
      return 'uses http: http is allowed only for localhost, 127.0.0.1 and [::1]';
  } else if (url.protocol !== 'https:') {
    return `uses the scheme ${url.protocol} (only https, or http to this machine, is allowed)`;
  }
  if (url.username || url.password) return 'contains user info';
  if (uri.includes('#')) return 'contains a fragment';
  return undefined;
}

export function ssoRoutes(app: FastifyInstance, ctx: Ctx): void {
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const p = {
      ...(req.query as Record<string, string>),
      ...((req.body as Record<string, string> | undefined) ?? {}),
    };
    for (const [k, v] of Object.entries(p)) {
      if (!PARAMS.includes(k) || typeof v !== 'string' || v.length > 2048)
        throw badRequest('VALIDATION', `Unexpected parameter ${k}.`);
    }
    if (p.response_type !== undefined) return authorize(ctx, req, reply, p);
    switch (p.grant_type) {
      case 'one_authorization_code':
        return exchangeCode(ctx, p);
      case 'one_access_token_identify':
        return identify(ctx, p);
      case 'one_log_out':
        return logOut(ctx, p);
      default:
        throw badRequest(
          'UNSUPPORTED_GRANT_TYPE',
          'grant_type must be one_authorization_code, one_access_token_identify or one_log_out.',
        );
    }
  };
  const schema = {
    summary:
      'OneID SSO: response_type=one_code, or grant_type=one_authorization_code | one_access_token_identify | one_log_out',
    description:
      'one_code (GET, with the portal session as Bearer) → 302 to redirect_uri?code&state; one_authorization_code (with the same redirect_uri) → ' +
      '{access_token, refresh_token, token_type, expires_in, scope}; one_access_token_identify → the user ' +
      '(OneID fields); one_log_out → {ret_cd: "0"}. Client apps are registered with POST /api/v1/sandbox/sso-clients.',
    tags: ['OneID SSO compatible'],
    querystring: PARAM_SCHEMA,
    errors: {
      400: 'INVALID_CLIENT, INVALID_REDIRECT_URI, INVALID_GRANT (also: redirect_uri missing or not the one given at authorization), UNSUPPORTED_GRANT_TYPE, UNSUPPORTED_RESPONSE_TYPE',
      401: 'INVALID_CLIENT, INVALID_TOKEN, UNAUTHENTICATED (no portal session at the browser step)',
    },
  };
  app.get('/sso/oauth/Authorization.do', { schema }, handler);
  app.post(
    '/sso/oauth/Authorization.do',
    { schema: { ...schema, consumes: ['application/x-www-form-urlencoded'] } },
    handler,
  );
}

async function authorize(
  ctx: Ctx,
  req: FastifyRequest,
  reply: FastifyReply,
  p: Record<string, string | undefined>,
) {
  if (p.response_type !== 'one_code')
    throw badRequest('UNSUPPORTED_RESPONSE_TYPE', 'response_type must be one_code.');
  const client = p.client_id
    ? (ctx.db.prepare('SELECT * FROM sso_clients WHERE client_id = ?').get(p.client_id) as Client | undefined)
    : undefined;
  if (!client) throw badRequest('INVALID_CLIENT', 'Unknown client_id.');
  const uris = JSON.parse(client.redirect_uris) as string[];
  if (!p.redirect_uri || !uris.includes(p.redirect_uri))
    throw badRequest('INVALID_REDIRECT_URI', 'redirect_uri is not registered for this client.');
  // Registered before redirect URIs were checked (older data dirs): refused here, before any code.
  const problem = redirectUriProblem(p.redirect_uri);
  if (problem) throw badRequest('INVALID_REDIRECT_URI', `The registered redirect_uri ${problem}.`);
  const sess = requireSession(ctx, req);
  const code = newToken();
  const target = new URL(p.redirect_uri);
  ctx.db.transaction(() =>
    ctx.db
      .prepare(
        `INSERT INTO sso_codes (code_hash, client_id, account_id, role_tin, auth_method, redirect_uri, scope, expires_at, session_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sha256hex(code),
        client.client_id,
        sess.accountId,
        sess.roleTin,
        sess.authMethod,
        p.redirect_uri,
        p.scope ?? client.scope,
        Date.now() + CODE_TTL_MS,
        sess.tokenHash,
      ),
  )();
  target.searchParams.set('code', code);
  if (p.state !== undefined) target.searchParams.set('state', p.state);
  return reply.redirect(target.toString(), 302);
}

/** The `sess_id` clients see: one per portal session, and not the session's own token hash. */
const sessId = (sessionHash: string | null): string =>
  sessionHash ? sha256hex(`sess_id:${sessionHash}`).slice(0, 22) : newToken().slice(0, 22);

async function exchangeCode(ctx: Ctx, p: Record<string, string | undefined>) {
  const client = await authenticateClient(ctx, p);
  if (!p.code) throw badRequest('INVALID_GRANT', 'code is required.');
  const issued = ctx.db.transaction(() => {
    const row = ctx.db.prepare('SELECT * FROM sso_codes WHERE code_hash = ?').get(sha256hex(p.code!)) as
      | {
          client_id: string;
          account_id: number;
          role_tin: string | null;
          auth_method: string;
          redirect_uri: string | null;
          scope: string;
          expires_at: number;
          used_at: number | null;
          session_hash: string | null;
        }
      | undefined;
    if (!row || row.used_at !== null || row.expires_at <= Date.now() || row.client_id !== client.client_id)
      return badRequest(
        'INVALID_GRANT',
        'The code is unknown, expired, already used, or was issued to another client.',
      );
    // RFC 6749 §4.1.3: given at authorization, redirect_uri is required here and must be the same.
    if (row.redirect_uri !== null && p.redirect_uri !== row.redirect_uri) {
      return badRequest(
        'INVALID_GRANT',
        p.redirect_uri === undefined
          ? 'redirect_uri is required: send the one given at authorization.'
          : 'redirect_uri differs from the one given at authorization.',
      );
    }
    ctx.db
      .prepare('UPDATE sso_codes SET used_at = ? WHERE code_hash = ?')
      .run(Date.now(), sha256hex(p.code!));
    const access = newToken();
    const refresh = newToken();
    ctx.db
      .prepare(
        `INSERT INTO sso_tokens (token_hash, refresh_hash, client_id, account_id, role_tin, auth_method, scope, sess_id, expires_at, session_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sha256hex(access),
        sha256hex(refresh),
        client.client_id,
        row.account_id,
        row.role_tin,
        row.auth_method,
        row.scope,
        sessId(row.session_hash),
        Date.now() + TOKEN_TTL_S * 1000,
        row.session_hash,
      );
    return {
      access_token: access,
      refresh_token: refresh,
      token_type: 'Bearer',
      expires_in: TOKEN_TTL_S,
      scope: row.scope,
    };
  })();
  if (issued instanceof ApiError) throw issued;
  return issued;
}

function liveToken(ctx: Ctx, clientId: string, accessToken: string | undefined) {
  if (!accessToken) throw badRequest('INVALID_GRANT', 'access_token is required.');
  const row = ctx.db.prepare('SELECT * FROM sso_tokens WHERE token_hash = ?').get(sha256hex(accessToken)) as
    | {
        token_hash: string;
        client_id: string;
        account_id: number;
        role_tin: string | null;
        auth_method: string;
        sess_id: string;
        expires_at: number;
        revoked_at: number | null;
      }
    | undefined;
  if (!row || row.client_id !== clientId || row.revoked_at !== null || row.expires_at <= Date.now()) {
    throw new ApiError(401, 'INVALID_TOKEN', 'The access token is unknown, expired or revoked.');
  }
  return row;
}

async function identify(ctx: Ctx, p: Record<string, string | undefined>) {
  const client = await authenticateClient(ctx, p);
  const tok = liveToken(ctx, client.client_id, p.access_token);
  const account = findAccountById(ctx.db, tok.account_id);
  if (!account) throw unauthorized();
  return oneIdUser(ctx.db, account, {
    roleTin: tok.role_tin,
    authMethod: tok.auth_method,
    sessId: tok.sess_id,
  });
}

async function logOut(ctx: Ctx, p: Record<string, string | undefined>) {
  const client = await authenticateClient(ctx, p);
  const tok = liveToken(ctx, client.client_id, p.access_token);
  ctx.db.transaction(() =>
    ctx.db
      .prepare('UPDATE sso_tokens SET revoked_at = ? WHERE token_hash = ?')
      .run(Date.now(), tok.token_hash),
  )();
  return { ret_cd: '0' };
}
