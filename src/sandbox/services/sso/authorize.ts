/**
 * The browser step of the SSO (`response_type=one_code`): the sandbox has no login page, so the
 * user's portal session (`Authorization: Bearer`) stands for it, and the answer is the redirect
 * with a single-use code that remembers that session.
 */
import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../../context.js';
import { badRequest } from '../../http/errors.js';
import { newToken, sha256hex } from '../../security/secrets.js';
import { requireSession } from '../../security/sessions.js';
import { findClient, type Params } from './clients.js';
import { redirectUriProblem } from './redirect-uri.js';

const CODE_TTL_MS = 5 * 60_000;

/** The URL to redirect the browser to: `redirect_uri?code&state`. */
export function authorizationRedirect(ctx: Ctx, req: FastifyRequest, p: Params): string {
  if (p.response_type !== 'one_code')
    throw badRequest('UNSUPPORTED_RESPONSE_TYPE', 'response_type must be one_code.');
  const client = p.client_id ? findClient(ctx, p.client_id) : undefined;
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
  return target.toString();
}
