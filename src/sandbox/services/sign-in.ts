/**
 * Signing in and the session's role: password sign-in (attempts reserved per login and per
 * address before the password check's first await, see `RateLimiter.reserve`), the choice among
 * the account's roles, the session answer, switching the role and logging out.
 */
import { findAccountById, findAccountByLogin, rolesOf } from '../accounts.js';
import type { Ctx } from '../context.js';
import { ApiError, conflict, forbidden } from '../http/errors.js';
import { guessLimit } from '../security/rate-limit.js';
import { dummyHash, verifyPassword } from '../security/secrets.js';
import { createSession, revokeSession, type AuthMethod, type Session } from '../security/sessions.js';

type Roles = ReturnType<typeof rolesOf>;

/** Resolve the requested role against the account's roles; 409 ROLE_REQUIRED when a choice is due. */
export function chooseRole(
  ctx: Ctx,
  accountId: number,
  requested: string | undefined,
  allowed?: (tin: string) => boolean,
): { roleTin: string | null; roles: Roles } {
  const roles = rolesOf(ctx.db, accountId);
  if (requested === undefined) {
    if (roles.length > 1) {
      throw conflict('ROLE_REQUIRED', 'This account has several roles: choose one ("individual" or a TIN).', {
        roles,
      });
    }
    return { roleTin: null, roles };
  }
  if (requested === 'individual') return { roleTin: null, roles };
  const legal = roles.find((r) => r.type === 'legal' && r.tin === requested);
  if (!legal || (allowed && !allowed(requested))) {
    throw forbidden('ROLE_NOT_AVAILABLE', 'This role is not available to the account.');
  }
  return { roleTin: requested, roles };
}

const roleView = (roleTin: string | null, roles: Roles) =>
  roleTin ? roles.find((r) => r.tin === roleTin) : { type: 'individual' };

/** A new session of the account in the role, as the sign-in endpoints answer it. */
export function sessionAnswer(
  ctx: Ctx,
  accountId: number,
  roleTin: string | null,
  method: AuthMethod,
  roles: Roles,
): Record<string, unknown> {
  const account = findAccountById(ctx.db, accountId)!;
  const { token, expiresAt } = ctx.db.transaction(() => createSession(ctx, accountId, roleTin, method))();
  const role = roleView(roleTin, roles)!;
  return { token, tokenType: 'Bearer', expiresAt, role, accountStatus: account.status, roles };
}

export async function passwordSignIn(
  ctx: Ctx,
  b: { login: string; password: string; role?: string },
  ip: string,
): Promise<Record<string, unknown>> {
  const s = ctx.settings;
  const loginKey = `login:${b.login.toLowerCase()}`;
  // Reserved before the password check's first await: a burst of parallel guesses gets at most
  // the allowed number of checks, the others a 429 (issue 13).
  const attempt = ctx.limiter.reserve([
    guessLimit(s, `login-ip:${ip}`, s.ipMaxFailures, {
      code: 'IP_LOCKED',
      message: 'Too many failed sign-ins from this address; try later.',
    }),
    guessLimit(
      s,
      loginKey,
      s.loginMaxFailures,
      { code: 'ACCOUNT_LOCKED', message: 'Too many failed sign-ins for this login; try later.' },
      s.lockoutSeconds,
    ),
  ]);
  let account: ReturnType<typeof findAccountByLogin>;
  let ok: boolean;
  try {
    account = findAccountByLogin(ctx.db, b.login);
    ok = await verifyPassword(b.password, account?.password_hash ?? (await dummyHash()));
  } catch (e) {
    attempt.cancel();
    throw e;
  }
  if (!account || !ok) {
    attempt.fail();
    throw new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong login or password.');
  }
  // Right password: the login's failures are forgotten (the address's are not).
  attempt.succeed([loginKey]);
  const { roleTin, roles } = chooseRole(ctx, account.id, b.role);
  return sessionAnswer(ctx, account.id, roleTin, 'LOGINPASSMETHOD', roles);
}

export function sessionView(ctx: Ctx, sess: Session): Record<string, unknown> {
  const roles = rolesOf(ctx.db, sess.accountId);
  return {
    role: roleView(sess.roleTin, roles),
    authMethod: sess.authMethod,
    expiresAt: new Date(sess.expiresAt).toISOString(),
    roles,
  };
}

export function switchRole(ctx: Ctx, sess: Session, role: string): Record<string, unknown> {
  const { roleTin, roles } = chooseRole(ctx, sess.accountId, role);
  ctx.db.transaction(() =>
    ctx.db.prepare('UPDATE sessions SET role_tin = ? WHERE token_hash = ?').run(roleTin, sess.tokenHash),
  )();
  return { role: roleView(roleTin, roles), roles };
}

export function logOut(ctx: Ctx, sess: Session): { status: 'ok' } {
  ctx.db.transaction(() => revokeSession(ctx, sess.tokenHash))();
  return { status: 'ok' };
}
