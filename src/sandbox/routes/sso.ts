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
 * exchange requires the redirect_uri of the authorization (RFC 6749 §4.1.3). The endpoint; the
 * grants are in services/sso/.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { badRequest } from '../http/errors.js';
import { str } from '../http/schemas.js';
import { authorizationRedirect } from '../services/sso/authorize.js';
import { exchangeCode, identify, logOut } from '../services/sso/tokens.js';

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
    if (p.response_type !== undefined) return reply.redirect(authorizationRedirect(ctx, req, p), 302);
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
