/**
 * Password sign-in with role selection, role switching, logout, and the signed-in account in the
 * OneID vocabulary. Failed sign-ins are counted per login and per client IP; past the limit the
 * login (or the IP) is locked for `lockoutSeconds`. Each attempt is reserved under both limits
 * before its password check starts (see `RateLimiter.reserve`), so parallel guesses cannot outrun
 * the count: a burst gets at most `loginMaxFailures` checks, the rest a 429.
 */
import type { FastifyInstance } from 'fastify';
import {
  accountBySessionHash,
  findAccountById,
  findAccountByLogin,
  oneIdUser,
  ONEID_USER_SCHEMA,
  rolesOf,
} from '../accounts.js';
import type { Ctx } from '../context.js';
import { ApiError, conflict, forbidden, unauthorized } from '../http/errors.js';
import { obj, OK, str } from '../http/schemas.js';
import {
  bearerToken,
  createSession,
  requireSession,
  revokeSession,
  type AuthMethod,
} from '../security/sessions.js';
import { dummyHash, sha256hex, verifyPassword } from '../security/secrets.js';

const ROLE = str(16, { description: '"individual" or the TIN of a bound legal entity' });
const ROLE_LIST = {
  type: 'array',
  items: obj({ type: str(16), tin: str(9), name: str(300), role: str(64) }),
} as const;
export const SESSION_ANSWER = obj(
  {
    token: str(64),
    tokenType: str(16),
    expiresAt: str(32),
    role: obj({ type: str(16), tin: str(9), name: str(300), role: str(64) }),
    accountStatus: str(16),
    roles: ROLE_LIST,
  },
  ['token', 'expiresAt', 'role'],
);

/** Resolve the requested role against the account's roles; 409 ROLE_REQUIRED when a choice is due. */
export function chooseRole(
  ctx: Ctx,
  accountId: number,
  requested: string | undefined,
  allowed?: (tin: string) => boolean,
): { roleTin: string | null; roles: ReturnType<typeof rolesOf> } {
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

export function sessionAnswer(
  ctx: Ctx,
  accountId: number,
  roleTin: string | null,
  method: AuthMethod,
  roles: ReturnType<typeof rolesOf>,
): Record<string, unknown> {
  const account = findAccountById(ctx.db, accountId)!;
  const { token, expiresAt } = ctx.db.transaction(() => createSession(ctx, accountId, roleTin, method))();
  const role = roleTin ? roles.find((r) => r.tin === roleTin)! : { type: 'individual' };
  return { token, tokenType: 'Bearer', expiresAt, role, accountStatus: account.status, roles };
}

export function authRoutes(app: FastifyInstance, ctx: Ctx): void {
  const tags = ['auth'];

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        summary: 'Sign in with login and password',
        tags,
        body: obj({ login: str(64), password: str(256), role: ROLE }, ['login', 'password']),
        response: { 200: SESSION_ANSWER },
        errors: {
          401: 'INVALID_CREDENTIALS',
          403: 'ROLE_NOT_AVAILABLE',
          409: 'ROLE_REQUIRED (the answer lists `roles`)',
          429: 'ACCOUNT_LOCKED / IP_LOCKED (retryAfter seconds)',
        },
      },
    },
    async (req) => {
      const { login, password, role } = req.body as { login: string; password: string; role?: string };
      const s = ctx.settings;
      const loginKey = `login:${login.toLowerCase()}`;
      // Reserved before the password check's first await: a burst of parallel guesses gets at most
      // the allowed number of checks, the others a 429 (issue 13).
      const attempt = ctx.limiter.reserve([
        {
          key: `login-ip:${req.ip}`,
          limit: s.ipMaxFailures,
          windowMs: s.rateWindowSeconds * 1000,
          lockMs: s.lockoutSeconds * 1000,
          code: 'IP_LOCKED',
          message: 'Too many failed sign-ins from this address; try later.',
        },
        {
          key: loginKey,
          limit: s.loginMaxFailures,
          windowMs: s.lockoutSeconds * 1000,
          lockMs: s.lockoutSeconds * 1000,
          code: 'ACCOUNT_LOCKED',
          message: 'Too many failed sign-ins for this login; try later.',
        },
      ]);
      let account: ReturnType<typeof findAccountByLogin>;
      let ok: boolean;
      try {
        account = findAccountByLogin(ctx.db, login);
        ok = await verifyPassword(password, account?.password_hash ?? (await dummyHash()));
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
      const { roleTin, roles } = chooseRole(ctx, account.id, role);
      return sessionAnswer(ctx, account.id, roleTin, 'LOGINPASSMETHOD', roles);
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { auth: true },
      schema: {
        summary: 'The current session: role, method, expiry, available roles',
        tags,
        errors: { 401: 'UNAUTHENTICATED' },
      },
    },
    async (req) => {
      const sess = requireSession(ctx, req);
      const roles = rolesOf(ctx.db, sess.accountId);
      return {
        role: sess.roleTin ? roles.find((r) => r.tin === sess.roleTin) : { type: 'individual' },
        authMethod: sess.authMethod,
        expiresAt: new Date(sess.expiresAt).toISOString(),
        roles,
      };
    },
  );

  app.post(
    '/api/v1/auth/role',
    {
      config: { auth: true },
      schema: {
        summary: 'Switch the role of the current session',
        tags,
        body: obj({ role: ROLE }, ['role']),
        errors: { 401: 'UNAUTHENTICATED', 403: 'ROLE_NOT_AVAILABLE' },
      },
    },
    async (req) => {
      const sess = requireSession(ctx, req);
      const { role } = req.body as { role: string };
      const { roleTin, roles } = chooseRole(ctx, sess.accountId, role);
      ctx.db.transaction(() =>
        ctx.db.prepare('UPDATE sessions SET role_tin = ? WHERE token_hash = ?').run(roleTin, sess.tokenHash),
      )();
      return { role: roleTin ? roles.find((r) => r.tin === roleTin) : { type: 'individual' }, roles };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { auth: true },
      schema: { summary: 'End the session', tags, response: { 200: OK }, errors: { 401: 'UNAUTHENTICATED' } },
    },
    async (req) => {
      const sess = requireSession(ctx, req);
      ctx.db.transaction(() => revokeSession(ctx, sess.tokenHash))();
      return { status: 'ok' };
    },
  );

  // Prepared once: this is the hot path of the benchmark.
  app.get(
    '/api/v1/account',
    {
      config: { auth: true },
      schema: {
        summary: 'The signed-in user in the OneID field vocabulary (REFERENCES.md §5)',
        tags: ['account'],
        response: { 200: ONEID_USER_SCHEMA },
        errors: { 401: 'UNAUTHENTICATED' },
      },
    },
    async (req) => {
      const token = bearerToken(req);
      const found = token ? accountBySessionHash(ctx.db, sha256hex(token)) : undefined;
      if (!found || found.expiresAt <= Date.now()) throw unauthorized();
      return oneIdUser(ctx.db, found.account, found, found.person);
    },
  );
}
