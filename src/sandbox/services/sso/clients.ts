/** SSO client applications as the endpoint sees them: found by id, or authenticated by their secret. */
import type { Ctx } from '../../context.js';
import { ApiError, badRequest } from '../../http/errors.js';
import { verifyPassword } from '../../security/secrets.js';

export type Params = Record<string, string | undefined>;

export interface Client {
  client_id: string;
  secret_hash: string;
  redirect_uris: string;
  scope: string;
}

export const findClient = (ctx: Ctx, clientId: string): Client | undefined =>
  ctx.db.prepare('SELECT * FROM sso_clients WHERE client_id = ?').get(clientId) as Client | undefined;

/** The client of `client_id` + `client_secret`: 400 when either is missing, 401 when wrong. */
export async function authenticateClient(ctx: Ctx, p: Params): Promise<Client> {
  if (!p.client_id || !p.client_secret)
    throw badRequest('INVALID_CLIENT', 'client_id and client_secret are required.');
  const client = findClient(ctx, p.client_id);
  if (!client || !(await verifyPassword(p.client_secret, client.secret_hash))) {
    throw new ApiError(401, 'INVALID_CLIENT', 'Unknown client or wrong client secret.');
  }
  return client;
}
