/** The session record and the one interface every session store implements. */

/** Who the session acts as: the individual, or a legal entity (by its TIN) in a portal role. */
export type SessionRole = { type: 'individual' } | { type: 'legal'; tin: string; role: string };

/** What `oneid login` stores: one portal account's session. */
export interface Session {
  /**
   * The portal's full base URL (`https://id.gov.uz`, `https://host/oneid`); the session is stored
   * under its `portalKey` (host and path prefix). Records written before hold only the host and
   * are read back as a URL (`portalUrl`).
   */
  portal: string;
  /** The account login (lower-case, see `parseLogin`). */
  login: string;
  /** Bearer token for the portal API. A secret: never printed or logged. */
  token: string;
  role: SessionRole;
  /** ISO 8601 instants. */
  expiresAt: string;
  createdAt: string;
}

export type SessionSource = 'keychain' | 'file' | 'ONEID_TOKEN';

/** A session read back from the keychain or the file, with where it came from. */
export interface StoredSession extends Session {
  source: 'keychain' | 'file';
  profile: string;
}

/**
 * A session from ONEID_TOKEN: only the token is known; who it belongs to, its role and expiry
 * are the portal's to tell (`whoami` asks it).
 */
export interface TokenSession {
  source: 'ONEID_TOKEN';
  portal: string;
  token: string;
}

export type LoadedSession = StoredSession | TokenSession;

/**
 * Where sessions live. Keys are (portal key: host and path prefix, profile): each profile remembers its own current
 * session per portal. Implementations: keychain (default), 0600 file (`--insecure-storage`),
 * ONEID_TOKEN (read-only; wins over the others when set).
 */
export interface SessionStore {
  readonly source: SessionSource;
  /** The current session of `profile` on `portalHost`, or undefined when not logged in. */
  get(portalHost: string, profile: string): Promise<LoadedSession | undefined>;
  /** Store `session` as the current one of `profile` on the session's portal. */
  set(profile: string, session: Session): Promise<void>;
  /** Forget the session of `profile` on `portalHost`; false when there was none. */
  delete(portalHost: string, profile: string): Promise<boolean>;
  /** Every stored session (all portals, all profiles). */
  list(): Promise<LoadedSession[]>;
  /** Forget every stored session; returns how many were removed. */
  deleteAll(): Promise<number>;
  /**
   * Throws (exit 9) when a new session could not be stored here, so that `login` fails before it
   * opens a portal session it could not keep. Stores that can always write omit it.
   */
  assertWritable?(): Promise<void>;
}
