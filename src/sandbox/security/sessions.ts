/**
 * Portal sessions: an opaque 256-bit bearer token; the database keeps its SHA-256, the role the
 * user chose (null = the individual, else a legal entity's TIN), the way they signed in, expiry.
 */
import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { unauthorized } from '../http/errors.js';
import { newToken, sha256hex } from './secrets.js';

export type AuthMethod = 'LOGINPASSMETHOD' | 'PKCSMETHOD' | 'LEPKCSMETHOD';

export interface Session {
  tokenHash: string;
  accountId: number;
  roleTin: string | null;
  authMethod: AuthMethod;
  expiresAt: number;
}

export function createSession(
  ctx: Ctx,
  accountId: number,
  roleTin: string | null,
  authMethod: AuthMethod,
): { token: string; expiresAt: string } {
  const token = newToken();
  const now = Date.now();
  const expiresAt = now + ctx.settings.sessionTtlSeconds * 1000;
  ctx.db
    .prepare(
      'INSERT INTO sessions (token_hash, account_id, role_tin, auth_method, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(sha256hex(token), accountId, roleTin, authMethod, now, expiresAt);
  return { token, expiresAt: new Date(expiresAt).toISOString() };
}

export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(h.trim());
  return m?.[1];
}

/** The live session of the request, or 401. */
export function requireSession(ctx: Ctx, req: FastifyRequest): Session {
  const token = bearerToken(req);
  if (!token) throw unauthorized();
  const row = ctx.db
    .prepare(
      'SELECT token_hash, account_id, role_tin, auth_method, expires_at FROM sessions WHERE token_hash = ? AND revoked_at IS NULL',
    )
    .get(sha256hex(token)) as
    | {
        token_hash: string;
        account_id: number;
        role_tin: string | null;
        auth_method: AuthMethod;
        expires_at: number;
      }
    | undefined;
  if (!row || row.expires_at <= Date.now()) throw unauthorized();
  return {
    tokenHash: row.token_hash,
    accountId: row.account_id,
    roleTin: row.role_tin,
    authMethod: row.auth_method,
    expiresAt: row.expires_at,
  };
}

/** The request's session when it carries a token (then it must be live: else 401), or undefined. */
export function optionalSession(ctx: Ctx, req: FastifyRequest): Session | undefined {
  return req.headers.authorization === undefined ? undefined : requireSession(ctx, req);
}

/**
 * End a session (inside the caller's transaction) and what single sign-on gave out from it: the
 * SSO access tokens issued to client applications and the codes not yet exchanged stop working.
 */
export function revokeSession(ctx: Ctx, tokenHash: string): void {
  const now = Date.now();
  ctx.db
    .prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
    .run(now, tokenHash);
  ctx.db
    .prepare('UPDATE sso_tokens SET revoked_at = ? WHERE session_hash = ? AND revoked_at IS NULL')
    .run(now, tokenHash);
  ctx.db
    .prepare('UPDATE sso_codes SET used_at = ? WHERE session_hash = ? AND used_at IS NULL')
    .run(now, tokenHash);
}

/** End every live session of an account (inside the caller's transaction); how many ended. */
export function revokeAccountSessions(ctx: Ctx, accountId: number): number {
  const live = ctx.db
    .prepare('SELECT token_hash FROM sessions WHERE account_id = ? AND revoked_at IS NULL AND expires_at > ?')
    .all(accountId, Date.now()) as Array<{ token_hash: string }>;
  for (const s of live) revokeSession(ctx, s.token_hash);
  return live.length;
}
