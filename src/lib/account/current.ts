/**
 * The current session seen from the portal (`whoami`, `le list`) and ending sessions (`logout`).
 */
import { isOneIdError } from '../errors/index.js';
import { getAccount, getSession, logout as portalLogout, PortalHttp } from '../portal/index.js';
import { portalKey, type LoadedSession } from '../session/index.js';
import { legalEntitiesOf } from './key-flows.js';
import { maskedPinfl } from './key-proof.js';
import { explained } from './refusals.js';
import { toRole, type Role } from './roles.js';
import { requireSession, type SessionPlace } from './session.js';

/** What `oneid whoami` reports. */
export interface Identity {
  login: string;
  fullName: string;
  /** Masked (`30**********13`) unless asked in full. */
  pinfl: string;
  status: 'verified' | 'unverified';
  role: Role;
  /** The legal entity acted for, when the role is a legal one. */
  legalEntity?: { tin: string; name?: string; role?: string };
  /** How the session was opened: LOGINPASSMETHOD, PKCSMETHOD, LEPKCSMETHOD. */
  authMethod: string;
  expiresAt: string;
  /** Where the session comes from. */
  source: 'keychain' | 'file' | 'ONEID_TOKEN';
  portal: string;
}

export async function whoAmI(
  http: PortalHttp,
  place: SessionPlace,
  o: { showPinfl?: boolean } = {},
): Promise<Identity> {
  const session = await requireSession(place);
  const [info, user] = await Promise.all([
    explained(getSession(http, session.token)),
    explained(getAccount(http, session.token)),
  ]);
  const role = toRole(info.role);
  const out: Identity = {
    login: user.user_id,
    fullName: user.full_name,
    pinfl: o.showPinfl ? user.pin : maskedPinfl(user.pin),
    status: user.valid === 'true' ? 'verified' : 'unverified',
    role,
    authMethod: info.authMethod,
    expiresAt: info.expiresAt,
    source: session.source,
    portal: place.host,
  };
  if (role.type === 'legal') out.legalEntity = { tin: role.tin!, name: role.name, role: role.role };
  return out;
}

export interface BoundEntity {
  tin: string;
  name?: string;
  role?: string;
  /** True for the legal entity the current session acts for. */
  active: boolean;
}

/** The legal entities of the current session's account, the one it acts for marked. */
export async function boundEntities(http: PortalHttp, place: SessionPlace): Promise<BoundEntity[]> {
  const session = await requireSession(place);
  const [entities, info] = await Promise.all([
    legalEntitiesOf(http, session.token),
    explained(getSession(http, session.token)),
  ]);
  const activeTin = info.role.type === 'legal' ? info.role.tin : undefined;
  return entities.map((e) => ({ tin: e.tin!, name: e.name, role: e.role, active: e.tin === activeTin }));
}

export interface LoggedOut {
  portal: string;
  login?: string;
  profile?: string;
  /** True when the portal ended the session; false when it could not be reached (it expires by itself). */
  endedOnPortal: boolean;
}

/**
 * End the current session (or with `all` every stored one) on its portal and remove it here. An
 * unreachable portal is reported through `unreachable` (the session is removed all the same).
 */
export async function logOut(
  http: PortalHttp,
  place: SessionPlace,
  o: { all?: boolean; unreachable?: (portal: string) => void },
): Promise<LoggedOut[]> {
  const store = place.store;
  const sessions: LoadedSession[] = [];
  if (o.all && store.source !== 'ONEID_TOKEN') sessions.push(...(await store.list()));
  else {
    const current = await store.get(place.host, place.profile);
    if (current) sessions.push(current);
  }
  const out: LoggedOut[] = [];
  for (const s of sessions) {
    // A session of another portal is ended there, at the full URL it was stored with.
    const key = portalKey(s.portal);
    const client = key === place.host ? http : new PortalHttp({ baseUrl: s.portal });
    const endedOnPortal = await endOnPortal(client, s.token);
    if (endedOnPortal === undefined) o.unreachable?.(key);
    if (s.source !== 'ONEID_TOKEN') await store.delete(s.portal, s.profile);
    const entry: LoggedOut = { portal: key, endedOnPortal: endedOnPortal ?? false };
    if (s.source !== 'ONEID_TOKEN') Object.assign(entry, { login: s.login, profile: s.profile });
    out.push(entry);
  }
  return out;
}

/** True when the portal ended it (or it was already over there); undefined when unreachable. */
async function endOnPortal(http: PortalHttp, token: string): Promise<boolean | undefined> {
  try {
    await portalLogout(http, token);
    return true;
  } catch (e) {
    if (isOneIdError(e) && e.category === 'auth') return true; // already ended or expired
    if (isOneIdError(e) && e.category === 'network') return undefined;
    throw e;
  }
}
