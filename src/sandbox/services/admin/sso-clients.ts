/**
 * Registering a client application of the OneID SSO endpoint: its redirect URIs are checked
 * (services/sso/redirect-uri.ts), its secret is returned once and kept only as a hash.
 */
import type { Ctx } from '../../context.js';
import { badRequest, conflict } from '../../http/errors.js';
import { hashPassword, newToken } from '../../security/secrets.js';
import { redirectUriProblem } from '../sso/redirect-uri.js';

export interface NewClient {
  clientId: string;
  name?: string;
  redirectUris: string[];
  scope?: string;
}

export async function registerSsoClient(
  ctx: Ctx,
  b: NewClient,
): Promise<{ clientId: string; clientSecret: string; redirectUris: string[]; scope: string }> {
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
  return {
    clientId: b.clientId,
    clientSecret: secret,
    redirectUris: b.redirectUris,
    scope: b.scope ?? b.clientId,
  };
}
