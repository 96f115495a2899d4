/**
 * The session-level flows of `oneid login` (DOMAIN.md flows 4 and 5) over the session place:
 * signing in with a password or a key and keeping the session (the one it replaces is ended on the
 * portal), and changing the role of the current session in place. The terminal (questions, the
 * spinner, the role picker) comes in as callbacks, so the order of the steps and the rules live here.
 */
import { UsageError } from '../errors/index.js';
import type { OpenedKey } from '../keys/index.js';
import { logout as portalLogout, type PortalHttp } from '../portal/index.js';
import { accountOf, keyLogin } from './key-flows.js';
import {
  passwordLogin,
  switchSessionRole,
  type RoleChoice,
  type RoleChoiceOptions,
  type SignedIn,
} from './login.js';
import type { Role } from './roles.js';
import { requireSession, storeSignedIn, toSessionRole, type SessionPlace } from './session.js';

export interface SignInOptions extends RoleChoiceOptions {
  /** Key sign-in: the key, opened (its password asked) only once the session can be kept. */
  key?: () => Promise<OpenedKey>;
  /** Password sign-in: the login and the password, asked only once the session can be kept. */
  credentials?: () => Promise<{ login: string; password: string }>;
  /** Runs the portal calls while showing progress (a spinner). */
  busy?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** What `oneid login` reports (its `--json` result). */
export interface LoggedIn {
  login: string;
  /** Portal host the session belongs to. */
  portal: string;
  method: 'password' | 'key' | 'switch-role';
  role: Role;
  /** How the role was decided: --role, the picker, the only one, or the individual by default. */
  roleChosenBy: RoleChoice;
  /** Every role the account can act in. */
  roles: Role[];
  previousRole?: Role;
  accountStatus?: 'verified' | 'unverified';
  expiresAt?: string;
  storage: 'keychain' | 'file' | 'ONEID_TOKEN';
}

const direct = <T>(work: () => Promise<T>) => work();

/** Sign in (password or key), keep the session in the place, end the one it replaces. */
export async function signIn(http: PortalHttp, place: SessionPlace, o: SignInOptions): Promise<LoggedIn> {
  // ONEID_TOKEN is the session while it is set: a new login could not be stored anyway.
  if (place.store.source === 'ONEID_TOKEN')
    throw new UsageError('SESSION_TOKEN_READ_ONLY', 'session.error.tokenReadOnly', {
      hintKey: 'session.hint.tokenReadOnly',
    });
  // Fail early (exit 9) when the keychain is unavailable, before a portal session is opened that
  // could not be kept.
  await place.store.assertWritable?.();
  const previous = await place.store.get(place.host, place.profile);
  const busy = o.busy ?? direct;
  const roles = { spec: o.spec, pick: o.pick };

  let login: string;
  let signedIn: SignedIn;
  if (o.key) {
    const key = await o.key();
    signedIn = await busy(() => keyLogin(http, key, roles));
    login = (await accountOf(http, signedIn.token)).user_id;
  } else {
    const credentials = await o.credentials!();
    login = credentials.login;
    signedIn = await busy(() => passwordLogin(http, credentials, roles));
  }
  await storeSignedIn(place, login, signedIn);
  // The session this one replaces is ended on the portal too (best effort: it expires anyway).
  if (previous && previous.token !== signedIn.token)
    await portalLogout(http, previous.token).catch(() => undefined);
  return {
    login,
    portal: place.host,
    method: o.key ? 'key' : 'password',
    role: signedIn.role,
    roleChosenBy: signedIn.roleChosenBy,
    roles: signedIn.roles,
    ...(signedIn.accountStatus ? { accountStatus: signedIn.accountStatus } : {}),
    expiresAt: signedIn.expiresAt,
    storage: place.store.source,
  };
}

/** `login --switch-role`: the current session acts in another role from now on. */
export async function switchRole(
  http: PortalHttp,
  place: SessionPlace,
  o: Omit<SignInOptions, 'key' | 'credentials'>,
): Promise<LoggedIn> {
  const session = await requireSession(place);
  const switched = await (o.busy ?? direct)(() =>
    switchSessionRole(http, session.token, { spec: o.spec, pick: o.pick }),
  );
  const fromToken = session.source === 'ONEID_TOKEN';
  const login = fromToken ? (await accountOf(http, session.token)).user_id : session.login;
  if (!fromToken) await place.store.set(place.profile, { ...session, role: toSessionRole(switched.role) });
  return {
    login,
    portal: place.host,
    method: 'switch-role',
    role: switched.role,
    roleChosenBy: o.spec ? 'flag' : o.pick ? 'picker' : 'default',
    roles: switched.roles,
    previousRole: switched.previous,
    storage: session.source,
    ...(fromToken ? {} : { expiresAt: session.expiresAt }),
  };
}
