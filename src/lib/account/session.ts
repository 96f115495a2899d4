/**
 * The account commands' view of the session store (src/lib/session): which session a command acts
 * with, storing a fresh sign-in, and turning "none" or "expired" into exit 3 with a hint.
 */
import { AuthError } from '../errors/index.js';
import { isExpired } from '../session/index.js';
import type { LoadedSession, SessionRole, SessionStore } from '../session/index.js';
import type { SignedIn } from './login.js';
import type { Role } from './roles.js';

/** Where a command's session lives: the store, the portal (URL and host key) and the profile. */
export interface SessionPlace {
  store: SessionStore;
  portal: string;
  host: string;
  profile: string;
}

export function toSessionRole(r: Role): SessionRole {
  if (r.type !== 'legal') return { type: 'individual' };
  return { type: 'legal', tin: r.tin!, role: r.role ?? r.name ?? r.tin! };
}

export function fromSessionRole(r: SessionRole): Role {
  return r.type === 'legal' ? { type: 'legal', tin: r.tin, role: r.role } : { type: 'individual' };
}

/** The current session, or AuthError (exit 3): not logged in, or expired by the clock. */
export async function requireSession(place: SessionPlace, now = new Date()): Promise<LoadedSession> {
  const s = await place.store.get(place.host, place.profile);
  if (!s)
    throw new AuthError('NOT_LOGGED_IN', 'account.error.notLoggedIn', {
      params: { portal: place.host },
      hintKey: 'account.hint.login',
    });
  if (s.source !== 'ONEID_TOKEN' && isExpired(s, now))
    throw new AuthError('SESSION_EXPIRED', 'account.error.sessionExpired', {
      params: { login: s.login, at: s.expiresAt },
      hintKey: 'account.hint.login',
    });
  return s;
}

/** Store a sign-in as the profile's current session on this portal. */
export async function storeSignedIn(place: SessionPlace, login: string, signedIn: SignedIn): Promise<void> {
  await place.store.set(place.profile, {
    portal: place.portal,
    login: login.trim().toLowerCase(),
    token: signedIn.token,
    role: toSessionRole(signedIn.role),
    expiresAt: signedIn.expiresAt,
    createdAt: new Date().toISOString(),
  });
}
