/**
 * Signing in (DOMAIN.md flows 4 and 5) and changing the role of a live session. When the account
 * has several roles and none was asked for, the portal answers 409 ROLE_REQUIRED with the list:
 * the user picks one (interactive), or the individual is taken and the caller says so.
 */
import { parseLogin } from '../ids/index.js';
import {
  getSession,
  loginWithPassword,
  logout as portalLogout,
  switchRole as portalSwitchRole,
  type PortalHttp,
  type PortalRole,
  type SessionGrant,
} from '../portal/index.js';
import { explained, explainRefusal, portalBody, refusedWith } from './refusals.js';
import { matchesSpec, pickBySpec, roleNotAvailable, toRole, type Role, type RoleSpec } from './roles.js';

/** How the session's role was decided. */
export type RoleChoice = 'flag' | 'picker' | 'only' | 'default';

export interface SignedIn {
  token: string;
  expiresAt: string;
  role: Role;
  roles: Role[];
  accountStatus?: 'unverified' | 'verified';
  roleChosenBy: RoleChoice;
}

export interface RoleChoiceOptions {
  /** `--role`, already parsed. */
  spec?: RoleSpec;
  /** Interactive picker; without it the individual is taken when a choice is due. */
  pick?: (roles: Role[], current?: Role) => Promise<Role>;
}

/**
 * Sign in through `attempt(role)` (password or key) and settle the role: first without a role
 * (or with `--role`), then, when the portal wants a choice, with the picked one.
 */
export async function signInWithRole(
  http: PortalHttp,
  attempt: (role: string | undefined) => Promise<SessionGrant>,
  o: RoleChoiceOptions,
): Promise<SignedIn> {
  let grant: SessionGrant;
  let chosenBy: RoleChoice = o.spec ? 'flag' : 'only';
  try {
    grant = await attempt(o.spec?.request);
  } catch (e) {
    if (!refusedWith(e, 'ROLE_REQUIRED')) return explainRefusal(e);
    const offered = portalBody(e).roles;
    const roles = Array.isArray(offered)
      ? (offered as PortalRole[]).map(toRole)
      : [{ type: 'individual' as const }];
    let chosen: Role;
    if (o.pick) {
      chosen = await o.pick(roles);
      chosenBy = 'picker';
    } else {
      chosen = { type: 'individual' };
      chosenBy = 'default';
    }
    grant = await explained(attempt(chosen.type === 'individual' ? 'individual' : chosen.tin));
  }
  const signedIn: SignedIn = {
    token: grant.token,
    expiresAt: grant.expiresAt,
    role: toRole(grant.role),
    roles: (grant.roles ?? [grant.role]).map(toRole),
    roleChosenBy: chosenBy,
  };
  if (grant.accountStatus) signedIn.accountStatus = grant.accountStatus;
  // `<TIN>:<role>`: the portal knows only the TIN; the role name is ours to check.
  if (o.spec && !matchesSpec(signedIn.role, o.spec)) {
    await portalLogout(http, grant.token).catch(() => undefined);
    throw roleNotAvailable(o.spec, signedIn.roles);
  }
  return signedIn;
}

export async function passwordLogin(
  http: PortalHttp,
  credentials: { login: string; password: string },
  o: RoleChoiceOptions,
): Promise<SignedIn> {
  parseLogin(credentials.login);
  const login = credentials.login.trim();
  return signInWithRole(
    http,
    (role) => loginWithPassword(http, { login, password: credentials.password, role }),
    o,
  );
}

export interface RoleSwitch {
  role: Role;
  previous: Role;
  roles: Role[];
}

/** Change the role of a live session (`login --switch-role`). */
export async function switchSessionRole(
  http: PortalHttp,
  token: string,
  o: RoleChoiceOptions,
): Promise<RoleSwitch> {
  const session = await explained(getSession(http, token));
  const roles = session.roles.map(toRole);
  const previous = toRole(session.role);
  let target: Role;
  if (o.spec) target = pickBySpec(roles, o.spec);
  else if (o.pick) target = await o.pick(roles, previous);
  else target = { type: 'individual' };
  const answer = await explained(
    portalSwitchRole(http, token, target.type === 'individual' ? 'individual' : target.tin!),
  );
  return { role: toRole(answer.role), previous, roles: answer.roles.map(toRole) };
}
