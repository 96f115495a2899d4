/**
 * The account password (issue 17): `account passwd` while signed in, and `account recover`
 * ("Forgot login or password?") with PINFL and passport or a key, an SMS code and a new password.
 * The portal ends every session of the account when its password changes; here the sessions this
 * computer keeps for that login on that portal are removed too (every profile).
 */
import { assertPasswordAcceptable, parsePassport, parsePinfl } from '../ids/index.js';
import type { OpenedKey } from '../keys/index.js';
import {
  changePassword as portalChangePassword,
  completeRecovery,
  getAccount,
  startKeyRecovery,
  startRecovery,
  type PortalHttp,
} from '../portal/index.js';
import { portalKey } from '../session/index.js';
import { checkKey, proveWithKey } from './key-proof.js';
import { explained } from './refusals.js';
import { requireSession, type SessionPlace } from './session.js';

/** Remove this computer's sessions of `login` on the place's portal (every profile); how many. */
export async function forgetLogin(place: SessionPlace, login: string): Promise<number> {
  if (place.store.source === 'ONEID_TOKEN') return 0;
  let removed = 0;
  for (const s of await place.store.list()) {
    if (s.source === 'ONEID_TOKEN' || portalKey(s.portal) !== place.host) continue;
    if (s.login.toLowerCase() !== login.toLowerCase()) continue;
    if (await place.store.delete(s.portal, s.profile)) removed++;
  }
  return removed;
}

/** What `oneid account passwd` reports. */
export interface PasswordChanged {
  login: string;
  /** Sessions the portal ended (this one included). */
  sessionsEnded: number;
  /** Sessions of the login this computer forgot. */
  localSessionsRemoved: number;
}

export async function changePassword(
  http: PortalHttp,
  place: SessionPlace,
  secrets: { current: () => Promise<string>; next: () => Promise<string> },
): Promise<PasswordChanged> {
  const session = await requireSession(place);
  const login =
    session.source === 'ONEID_TOKEN'
      ? (await explained(getAccount(http, session.token))).user_id
      : session.login;
  const password = await secrets.current();
  const newPassword = await secrets.next();
  assertPasswordAcceptable(newPassword);
  const r = await explained(portalChangePassword(http, session.token, { password, newPassword }));
  return { login, sessionsEnded: r.sessionsEnded, localSessionsRemoved: await forgetLogin(place, login) };
}

/** What `oneid account recover` reports. */
export interface Recovered {
  /** The account's login: the recovery tells it. */
  login: string;
  method: 'passport' | 'key';
  sessionsEnded: number;
  localSessionsRemoved: number;
}

export interface RecoverOptions {
  /** PINFL and passport, checked here first (exit 2). */
  identity?: { pinfl: string; passport: string };
  /** Or a personal key (its PINFL proves who asks). */
  key?: () => Promise<OpenedKey>;
  /** The new password (asked before anything is sent: a missing one must not cost an SMS). */
  newPassword: () => Promise<string>;
  /** The SMS code, once the portal has (maybe) sent it; `phone` is known only with a key. */
  smsCode: (o: { phone?: string }) => Promise<string>;
}

export async function recoverAccount(
  http: PortalHttp,
  place: SessionPlace,
  o: RecoverOptions,
): Promise<Recovered> {
  const identity = o.identity && {
    pinfl: parsePinfl(o.identity.pinfl).value,
    passport: parsePassport(o.identity.passport).value,
  };
  const newPassword = await o.newPassword();
  assertPasswordAcceptable(newPassword);
  let started;
  if (identity) started = await explained(startRecovery(http, identity));
  else {
    const key = await o.key!();
    checkKey(key);
    started = await explained(startKeyRecovery(http, await proveWithKey(http, key)));
  }
  const code = await o.smsCode({ phone: started.phone });
  const done = await explained(completeRecovery(http, started.id, { code, password: newPassword }));
  return {
    login: done.login,
    method: identity ? 'passport' : 'key',
    sessionsEnded: done.sessionsEnded,
    localSessionsRemoved: await forgetLogin(place, done.login),
  };
}
