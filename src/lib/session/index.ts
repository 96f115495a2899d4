/**
 * Session storage: where `oneid login` keeps the portal session and every other command finds it.
 * `openSessionStore` picks the store: ONEID_TOKEN when set (read-only, wins), else the OS
 * keychain, or the 0600 file when the user chose `--insecure-storage` / `storage: file`.
 */
import path from 'node:path';

import { configDir as defaultConfigDir } from '../config/index.js';
import { FileSessionStore, SESSIONS_FILE } from './file-store.js';
import { KeychainSessionStore } from './keychain-store.js';
import { LayeredSessionStore } from './layered-store.js';
import { TokenSessionStore } from './token-store.js';
import type { OneIdError } from '../errors/index.js';
import type { SessionStore } from './types.js';

export type {
  LoadedSession,
  Session,
  SessionRole,
  SessionSource,
  SessionStore,
  StoredSession,
  TokenSession,
} from './types.js';
export { portalHost, portalKey, portalUrl, isSession } from './record.js';
export { FileSessionStore, SESSIONS_FILE } from './file-store.js';
export { KeychainSessionStore, probeKeychain, type KeychainStoreOptions } from './keychain-store.js';
export { DEFAULT_TIMEOUT_MS as KEYCHAIN_TIMEOUT_MS } from './keychain-process.js';
export { TokenSessionStore } from './token-store.js';
export { LayeredSessionStore } from './layered-store.js';

export interface OpenSessionStoreOptions {
  /** `keychain` (default) or `file` (only with --insecure-storage or the profile setting). */
  mode?: 'keychain' | 'file';
  env?: NodeJS.ProcessEnv;
  /** Folder of the session file; default ONEID_CONFIG_DIR, else the platform's config folder. */
  configDir?: string;
  /** Keychain call timeout; default 3000 ms. */
  timeoutMs?: number;
  /** Told when a read could not reach the keychain (then "not logged in" there, not an error). */
  onKeychainUnavailable?: (error: OneIdError) => void;
}

/**
 * The session store of a command: ONEID_TOKEN when set, else the file and the keychain together
 * (a session is found wherever it was stored; `mode` says where a new one is written).
 */
export function openSessionStore(options: OpenSessionStoreOptions = {}): SessionStore {
  const env = options.env ?? process.env;
  if (env.ONEID_TOKEN) return new TokenSessionStore(env.ONEID_TOKEN);
  return new LayeredSessionStore({
    file: new FileSessionStore(path.join(options.configDir ?? defaultConfigDir(env), SESSIONS_FILE)),
    keychain: new KeychainSessionStore({ env, timeoutMs: options.timeoutMs }),
    writeTo: options.mode ?? 'keychain',
    onKeychainUnavailable: options.onKeychainUnavailable,
  });
}

/** True when the session's expiry has passed (ONEID_TOKEN sessions: the portal decides). */
export function isExpired(session: { expiresAt?: string }, now: Date = new Date()): boolean {
  if (!session.expiresAt) return false;
  const t = Date.parse(session.expiresAt);
  return Number.isNaN(t) || t <= now.getTime();
}
