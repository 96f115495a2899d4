/**
 * The SSO grants a client calls with its secret: the code exchange (RFC 6749 §4.1.3: the
 * redirect_uri of the authorization is required and must match), the user of an access token, and
 * logging a token out. Tokens remember the portal session: its logout revokes them.
 */
import { findAccountById, oneIdUser } from '../../accounts.js';
import type { Ctx } from '../../context.js';
import { ApiError, badRequest, unauthorized } from '../../http/errors.js';
import { newToken, sha256hex } from '../../security/secrets.js';
import { authenticateClient, type Client, type Params } from './clients.js';

const TOKEN_TTL_S = 3600;

interface CodeRow {
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

interface TokenRow {
  token_hash: string;
  client_id: string;
  account_id: number;
  role_tin: string | null;
  auth_method: string;
  sess_id: string;
  expires_at: number;
  revoked_at: number | null;
}

/** The `sess_id` clients see: one per portal session, and not the session's own token hash. */
const sessId = (sessionHash: string | null): string =>
  sessionHash ? sha256hex(`sess_id:${sessionHash}`).slice(0, 22) : newToken().slice(0, 22);

/** Why the code cannot be exchanged by this client with this redirect_uri, or undefined. */
function codeRefusal(
  row: CodeRow | undefined,
  client: Client,
  redirectUri: string | undefined,
): ApiError | undefined {
  if (!row || row.used_at !== null || row.expires_at <= Date.now() || row.client_id !== client.client_id)
    return badRequest(
      'INVALID_GRANT',
      'The code is unknown, expired, already used, or was issued to another client.',
    );
  // RFC 6749 §4.1.3: given at authorization, redirect_uri is required here and must be the same.
  if (row.redirect_uri !== null && redirectUri !== row.redirect_uri) {
    return badRequest(
      'INVALID_GRANT',
      redirectUri === undefined
        ? 'redirect_uri is required: send the one given at authorization.'
        : 'redirect_uri differs from the one given at authorization.',
    );
  }
  return undefined;
}

function issueTokens(ctx: Ctx, client: Client, row: CodeRow) {
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
}

export async function exchangeCode(ctx: Ctx, p: Params) {
  const client = await authenticateClient(ctx, p);
  if (!p.code) throw badRequest('INVALID_GRANT', 'code is required.');
  const codeHash = sha256hex(p.code);
  const issued = ctx.db.transaction(() => {
    const row = ctx.db.prepare('SELECT * FROM sso_codes WHERE code_hash = ?').get(codeHash) as
      CodeRow | undefined;
    const refused = codeRefusal(row, client, p.redirect_uri);
    if (refused) return refused;
    ctx.db.prepare('UPDATE sso_codes SET used_at = ? WHERE code_hash = ?').run(Date.now(), codeHash);
    return issueTokens(ctx, client, row!);
  })();
  if (issued instanceof ApiError) throw issued;
  return issued;
}

function liveToken(ctx: Ctx, clientId: string, accessToken: string | undefined): TokenRow {
  if (!accessToken) throw badRequest('INVALID_GRANT', 'access_token is required.');
  const row = ctx.db.prepare('SELECT * FROM sso_tokens WHERE token_hash = ?').get(sha256hex(accessToken)) as
    TokenRow | undefined;
  if (!row || row.client_id !== clientId || row.revoked_at !== null || row.expires_at <= Date.now()) {
    throw new ApiError(401, 'INVALID_TOKEN', 'The access token is unknown, expired or revoked.');
  }
  return row;
}

export async function identify(ctx: Ctx, p: Params) {
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

export async function logOut(ctx: Ctx, p: Params) {
  const client = await authenticateClient(ctx, p);
  const tok = liveToken(ctx, client.client_id, p.access_token);
  ctx.db.transaction(() =>
    ctx.db
      .prepare('UPDATE sso_tokens SET revoked_at = ? WHERE token_hash = ?')
      .run(Date.now(), tok.token_hash),
  )();
  return { ret_cd: '0' };
}
