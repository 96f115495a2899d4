/**
 * Where a command finds its session: the 0600 file and the OS keychain both, whichever way the
 * session was stored. `--insecure-storage` / `storage: file` chooses only where a *new* session is
 * written; a session written to the file is still found by a plain `oneid whoami` afterwards.
 *
 * Reads look in the file first (a plain read; the keychain costs a child process) and then in the
 * keychain. A keychain that cannot be reached (no Secret Service, locked, timed out) is not an
 * error for a read: "nobody is logged in there" is what the user needs to hear, with a warning
 * through `onKeychainUnavailable`. Writes go to the chosen store and remove the same (portal,
 * profile) from the other one, so one session never shadows another.
 */
import { isOneIdError, type OneIdError } from '../errors/index.js';
import type { FileSessionStore } from './file-store.js';
import { portalKey } from './record.js';
import type { KeychainSessionStore } from './keychain-store.js';
import type { LoadedSession, Session, SessionStore } from './types.js';

const key = (portal: string, profile: string): string => `${portalKey(portal)}\n${profile}`;

const UNREACHABLE = new Set(['KEYCHAIN_UNAVAILABLE', 'KEYCHAIN_LOCKED']);

export interface LayeredStoreOptions {
  file: FileSessionStore;
  keychain: KeychainSessionStore;
  /** Where new sessions are written. */
  writeTo: 'keychain' | 'file';
  /** Told once per store when a read or delete could not reach the keychain. */
  onKeychainUnavailable?: (error: OneIdError) => void;
}

export class LayeredSessionStore implements SessionStore {
  readonly source: 'keychain' | 'file';
  private warned = false;
  /** Where `get` found each (portal, profile): a rewrite (e.g. a role switch) goes back there. */
  private readonly foundIn = new Map<string, 'keychain' | 'file'>();

  constructor(private readonly o: LayeredStoreOptions) {
    this.source = o.writeTo;
  }

  /** A keychain call whose "cannot reach it" failure becomes `fallback` and a warning. */
  private async tolerant<T>(call: () => Promise<T>, fallback: T, quiet = false): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (!isOneIdError(e) || !UNREACHABLE.has(e.code)) throw e;
      if (!quiet && !this.warned) {
        this.warned = true;
        this.o.onKeychainUnavailable?.(e);
      }
      return fallback;
    }
  }

  async assertWritable(): Promise<void> {
    if (this.o.writeTo === 'keychain') await this.o.keychain.list();
  }

  async get(portal: string, profile: string): Promise<LoadedSession | undefined> {
    const found =
      (await this.o.file.get(portal, profile)) ??
      (await this.tolerant(() => this.o.keychain.get(portal, profile), undefined));
    if (found && found.source !== 'ONEID_TOKEN') this.foundIn.set(key(found.portal, profile), found.source);
    return found;
  }

  async set(profile: string, session: Session): Promise<void> {
    // The file, when chosen, always wins; otherwise a session read from the file stays there.
    const target =
      this.o.writeTo === 'file' ? 'file' : (this.foundIn.get(key(session.portal, profile)) ?? 'keychain');
    if (target === 'file') {
      await this.o.file.set(profile, session);
      // The user chose the file, usually because there is no keychain: no warning for that.
      await this.tolerant(() => this.o.keychain.delete(session.portal, profile), false, true);
    } else {
      await this.o.keychain.set(profile, session);
      await this.o.file.delete(session.portal, profile);
    }
  }

  async delete(portal: string, profile: string): Promise<boolean> {
    const inFile = await this.o.file.delete(portal, profile);
    const inKeychain = await this.tolerant(() => this.o.keychain.delete(portal, profile), false);
    return inFile || inKeychain;
  }

  async list(): Promise<LoadedSession[]> {
    return [...(await this.o.file.list()), ...(await this.tolerant(() => this.o.keychain.list(), []))];
  }

  async deleteAll(): Promise<number> {
    return (await this.o.file.deleteAll()) + (await this.tolerant(() => this.o.keychain.deleteAll(), 0));
  }
}
