/**
 * The flows that present a key (DOMAIN.md flows 3, 4 and 5): verify the account, bind a legal
 * entity, sign in with a key. Each checks the key locally first (checkKey), then signs a fresh
 * challenge and lets the portal decide; the portal's refusals get the account area's messages.
 */
import { PortalRefusedError } from '../errors/index.js';
import type { OpenedKey } from '../keys/index.js';
import {
  bindLegalEntity,
  getAccount,
  listLegalEntities,
  loginWithKey,
  verifyAccount,
  type BoundLegalEntity,
  type OneIdUser,
  type PortalHttp,
} from '../portal/index.js';
import { checkKey, proveWithKey, type KeyIdentity } from './key-proof.js';
import { signInWithRole, type RoleChoiceOptions, type SignedIn } from './login.js';
import { explained } from './refusals.js';
import { toRole, type Role } from './roles.js';

export interface Verification {
  status: 'verified';
  /** True when the account was verified already (nothing was signed). */
  already: boolean;
  certificateSerial?: string;
  key?: KeyIdentity;
}

/** The account behind a session token (OneID vocabulary). */
export const accountOf = (http: PortalHttp, token: string): Promise<OneIdUser> =>
  explained(getAccount(http, token));

export async function verifyWithKey(
  http: PortalHttp,
  token: string,
  account: OneIdUser,
  openKey: () => Promise<OpenedKey>,
): Promise<Verification> {
  if (account.valid === 'true') return { status: 'verified', already: true };
  const key = await openKey();
  const id = checkKey(key, { pinfl: account.pin, kind: 'personal' });
  const pkcs7 = await proveWithKey(http, key);
  const r = await explained(verifyAccount(http, token, pkcs7));
  return { status: 'verified', already: false, certificateSerial: r.certificateSerial, key: id };
}

export async function bindWithKey(
  http: PortalHttp,
  token: string,
  account: OneIdUser,
  openKey: () => Promise<OpenedKey>,
): Promise<{ entity: BoundLegalEntity; key: KeyIdentity }> {
  // The portal refuses this too; saying it before the key password is asked saves a step.
  if (account.valid !== 'true')
    throw new PortalRefusedError('ACCOUNT_UNVERIFIED', 'account.refused.notVerified', {
      hintKey: 'account.hint.verify',
    });
  const key = await openKey();
  const id = checkKey(key, { pinfl: account.pin, kind: 'company' });
  const pkcs7 = await proveWithKey(http, key);
  const entity = await explained(bindLegalEntity(http, token, pkcs7), { tin: id.tin });
  return { entity, key: id };
}

export async function legalEntitiesOf(http: PortalHttp, token: string): Promise<Role[]> {
  const { legalEntities } = await explained(listLegalEntities(http, token));
  return legalEntities.map(toRole);
}

/** Sign in with a key; each attempt signs a fresh challenge (they are single-use). */
export async function keyLogin(
  http: PortalHttp,
  key: OpenedKey,
  o: RoleChoiceOptions,
): Promise<SignedIn & { key: KeyIdentity }> {
  const id = checkKey(key);
  const signedIn = await signInWithRole(
    http,
    async (role) => loginWithKey(http, { pkcs7: await proveWithKey(http, key), role }),
    o,
  );
  return { ...signedIn, key: id };
}
