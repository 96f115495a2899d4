/**
 * ONEID_TOKEN: a session token from the environment, for CI. Read-only, and it wins over the
 * keychain and the file while set (an empty value counts as unset). `whoami` says so.
 */
import { UsageError } from '../errors/index.js';
import { portalUrl } from './record.js';
import type { LoadedSession, SessionStore } from './types.js';

function readOnly(): UsageError {
  return new UsageError('SESSION_TOKEN_READ_ONLY', 'session.error.tokenReadOnly', {
    hintKey: 'session.hint.tokenReadOnly',
  });
}

export class TokenSessionStore implements SessionStore {
  readonly source = 'ONEID_TOKEN' as const;
  private readonly token: string;

  constructor(token: string) {
    this.token = token.trim();
    // The token goes into an HTTP header: white space or control characters mean a bad paste.
    if (!this.token || /[\s\p{Cc}]/u.test(this.token)) {
      throw new UsageError('SESSION_TOKEN_INVALID', 'session.error.tokenInvalid');
    }
  }

  async get(portal: string, _profile: string): Promise<LoadedSession | undefined> {
    return { source: 'ONEID_TOKEN', portal: portalUrl(portal), token: this.token };
  }

  async set(): Promise<void> {
    throw readOnly();
  }

  async delete(): Promise<boolean> {
    throw readOnly();
  }

  /** Nothing is stored: the token is not bound to a portal until one is asked for. */
  async list(): Promise<LoadedSession[]> {
    return [];
  }

  async deleteAll(): Promise<number> {
    throw readOnly();
  }
}
