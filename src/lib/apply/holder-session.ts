/**
 * The portal lets the key holder's own session at an application as well as its secret. Used for
 * states saved before application secrets existed, and for `key status <id>` of an application
 * made on another computer: the profile's current session on this portal, if there is one.
 */
import type { SessionPlace } from '../account/index.js';
import type { Settings } from '../config/index.js';
import type { LoadedSession } from '../session/index.js';

/**
 * The current session's token, or undefined (none, expired, or the store cannot be read). The
 * session place is the caller's (the command context's) when given, else the profile's.
 */
export async function holderSessionToken(
  settings: Settings,
  sessions?: () => Promise<SessionPlace>,
): Promise<string | undefined> {
  return (await currentSession(settings, sessions))?.token;
}

/** The current session (token and, unless it is ONEID_TOKEN, login and role), or undefined. */
export async function currentSession(
  settings: Settings,
  sessions?: () => Promise<SessionPlace>,
): Promise<LoadedSession | undefined> {
  try {
    // Loaded only when needed: most runs have the application secret.
    const [{ accountContext }, { isExpired }] = await Promise.all([
      import('../account/index.js'),
      import('../session/index.js'),
    ]);
    const place = sessions ? await sessions() : accountContext(settings).place;
    const s = await place.store.get(place.host, place.profile);
    if (!s || (s.source !== 'ONEID_TOKEN' && isExpired(s))) return undefined;
    return s;
  } catch {
    return undefined;
  }
}
