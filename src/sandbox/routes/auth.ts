/**
 * Password sign-in with role selection, role switching, logout, and the signed-in account in the
 * OneID vocabulary. Failed sign-ins are counted per login and per client IP; past the limit the
 * login (or the IP) is locked for `lockoutSeconds`. Each attempt is reserved under both limits
 * before its password check starts (see `RateLimiter.reserve`), so parallel guesses cannot outrun
 * the count: a burst gets at most `loginMaxFailures` checks, the rest a 429 (services/sign-in.ts).
 */
import type { FastifyInstance } from 'fastify';
import { accountBySessionHash, oneIdUser, ONEID_USER_SCHEMA } from '../accounts.js';
import type { Ctx } from '../context.js';
import { unauthorized } from '../http/errors.js';
import { obj, OK, str } from '../http/schemas.js';
import { sha256hex } from '../security/secrets.js';
import { bearerToken, requireSession } from '../security/sessions.js';
import { logOut, passwordSignIn, sessionView, switchRole } from '../services/sign-in.js';

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

const tags = ['auth'];
const config = { auth: true };
const SCHEMAS = {
  login: {
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
  session: {
    summary: 'The current session: role, method, expiry, available roles',
    tags,
    errors: { 401: 'UNAUTHENTICATED' },
  },
  role: {
    summary: 'Switch the role of the current session',
    tags,
    body: obj({ role: ROLE }, ['role']),
    errors: { 401: 'UNAUTHENTICATED', 403: 'ROLE_NOT_AVAILABLE' },
  },
  logout: { summary: 'End the session', tags, response: { 200: OK }, errors: { 401: 'UNAUTHENTICATED' } },
  account: {
    summary: 'The signed-in user in the OneID field vocabulary (REFERENCES.md §5)',
    tags: ['account'],
    response: { 200: ONEID_USER_SCHEMA },
    errors: { 401: 'UNAUTHENTICATED' },
  },
};

export function authRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post('/api/v1/auth/login', { schema: SCHEMAS.login }, async (req) =>
    passwordSignIn(ctx, req.body as { login: string; password: string; role?: string }, req.ip),
  );
  app.get('/api/v1/auth/session', { config, schema: SCHEMAS.session }, async (req) =>
    sessionView(ctx, requireSession(ctx, req)),
  );
  app.post('/api/v1/auth/role', { config, schema: SCHEMAS.role }, async (req) =>
    switchRole(ctx, requireSession(ctx, req), (req.body as { role: string }).role),
  );
  app.post('/api/v1/auth/logout', { config, schema: SCHEMAS.logout }, async (req) =>
    logOut(ctx, requireSession(ctx, req)),
  );
  // One prepared query: this is the hot path of the benchmark.
  app.get('/api/v1/account', { config, schema: SCHEMAS.account }, async (req) => {
    const token = bearerToken(req);
    const found = token ? accountBySessionHash(ctx.db, sha256hex(token)) : undefined;
    if (!found || found.expiresAt <= Date.now()) throw unauthorized();
    return oneIdUser(ctx.db, found.account, found, found.person);
  });
}
