/**
 * Sessions in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service).
 *
 * Layout (namespace `oneid` unless given):
 * - service `oneid:<portal key>` (host, and path prefix if any: `portalKey`), account `<login>`: the
 *   session record as JSON (its `portal` the full URL; only the host in records written before);
 * - service `oneid`, account `@index`: `{"version":1,"entries":[{portal, profile, login}]}`, which
 *   says which login is the current session of each (portal, profile) and lets `list`/`deleteAll`
 *   find every session (keychains cannot search by service prefix). `@` cannot start a login.
 * Two profiles logged in with the same login on the same portal share one record.
 * The index is read-modify-written without a lock: two logins finishing at the same instant can
 * drop one index entry (that profile then simply has to log in again); records are never torn.
 */
import { corrupt, decodeSession, portalKey, toRecord, assertSession } from './record.js';
import { withKeychain, type KeychainProcess } from './keychain-process.js';
import type { LoadedSession, Session, SessionStore, StoredSession } from './types.js';

interface IndexEntry {
  portal: string;
  profile: string;
  login: string;
}

const INDEX_ACCOUNT = '@index';

export interface KeychainStoreOptions {
  env?: NodeJS.ProcessEnv;
  /** Per keychain call; default 3000 ms. */
  timeoutMs?: number;
  /** Service name prefix; tests use their own so they never touch a user's sessions. */
  namespace?: string;
}

export class KeychainSessionStore implements SessionStore {
  readonly source = 'keychain' as const;
  private readonly env: NodeJS.ProcessEnv;
  private readonly timeoutMs?: number;
  private readonly namespace: string;

  constructor(options: KeychainStoreOptions = {}) {
    this.env = options.env ?? process.env;
    this.timeoutMs = options.timeoutMs;
    this.namespace = options.namespace ?? 'oneid';
  }

  private service(host: string): string {
    return `${this.namespace}:${host}`;
  }

  private where(service: string, account: string): string {
    return `keychain ${service} / ${account}`;
  }

  private async readIndex(k: KeychainProcess): Promise<IndexEntry[]> {
    const text = await k.call({ op: 'get', service: this.namespace, account: INDEX_ACCOUNT });
    if (typeof text !== 'string') return [];
    try {
      const v = JSON.parse(text) as { entries?: unknown };
      if (!Array.isArray(v.entries)) throw new Error('no entries');
      return v.entries.filter(
        (e): e is IndexEntry =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as IndexEntry).portal === 'string' &&
          typeof (e as IndexEntry).profile === 'string' &&
          typeof (e as IndexEntry).login === 'string',
      );
    } catch (e) {
      throw corrupt(this.where(this.namespace, INDEX_ACCOUNT), e);
    }
  }

  private async writeIndex(k: KeychainProcess, entries: IndexEntry[]): Promise<void> {
    if (entries.length === 0) {
      await k.call({ op: 'delete', service: this.namespace, account: INDEX_ACCOUNT });
      return;
    }
    const secret = JSON.stringify({ version: 1, entries });
    await k.call({ op: 'set', service: this.namespace, account: INDEX_ACCOUNT, secret });
  }

  private async readSession(k: KeychainProcess, entry: IndexEntry): Promise<StoredSession | undefined> {
    const service = this.service(entry.portal);
    const text = await k.call({ op: 'get', service, account: entry.login });
    if (typeof text !== 'string') return undefined;
    const session = decodeSession(text, this.where(service, entry.login));
    return { ...session, source: 'keychain', profile: entry.profile };
  }

  /** Delete the record of (portal, login) unless another profile still points at it. */
  private async dropIfUnused(k: KeychainProcess, gone: IndexEntry, remaining: IndexEntry[]): Promise<void> {
    if (remaining.some((e) => e.portal === gone.portal && e.login === gone.login)) return;
    await k.call({ op: 'delete', service: this.service(gone.portal), account: gone.login });
  }

  async get(portal: string, profile: string): Promise<LoadedSession | undefined> {
    const host = portalKey(portal);
    return withKeychain(this.env, this.timeoutMs, async (k) => {
      const entry = (await this.readIndex(k)).find((e) => e.portal === host && e.profile === profile);
      return entry && (await this.readSession(k, entry));
    });
  }

  async set(profile: string, session: Session): Promise<void> {
    assertSession(session);
    const record = toRecord(session);
    const entry: IndexEntry = { portal: portalKey(record.portal), profile, login: record.login };
    await withKeychain(this.env, this.timeoutMs, async (k) => {
      const index = await this.readIndex(k);
      await k.call({
        op: 'set',
        service: this.service(entry.portal),
        account: entry.login,
        secret: JSON.stringify(record),
      });
      const previous = index.find((e) => e.portal === entry.portal && e.profile === profile);
      const others = index.filter((e) => e !== previous);
      await this.writeIndex(k, [...others, entry]);
      if (previous && previous.login !== entry.login)
        await this.dropIfUnused(k, previous, [...others, entry]);
    });
  }

  async delete(portal: string, profile: string): Promise<boolean> {
    const host = portalKey(portal);
    return withKeychain(this.env, this.timeoutMs, async (k) => {
      const index = await this.readIndex(k);
      const entry = index.find((e) => e.portal === host && e.profile === profile);
      if (!entry) return false;
      const remaining = index.filter((e) => e !== entry);
      await this.dropIfUnused(k, entry, remaining);
      await this.writeIndex(k, remaining);
      return true;
    });
  }

  async list(): Promise<LoadedSession[]> {
    return withKeychain(this.env, this.timeoutMs, async (k) => {
      const out: LoadedSession[] = [];
      for (const entry of await this.readIndex(k)) {
        const s = await this.readSession(k, entry);
        if (s) out.push(s);
      }
      return out;
    });
  }

  async deleteAll(): Promise<number> {
    return withKeychain(this.env, this.timeoutMs, async (k) => {
      let index: IndexEntry[];
      try {
        index = await this.readIndex(k);
      } catch (e) {
        // A damaged index cannot name the records; removing it is still the right way out.
        if ((e as { code?: string }).code !== 'SESSION_CORRUPT') throw e;
        index = [];
      }
      const done = new Set<string>();
      for (const e of index) {
        const key = `${e.portal}\n${e.login}`;
        if (done.has(key)) continue;
        done.add(key);
        await k.call({ op: 'delete', service: this.service(e.portal), account: e.login });
      }
      await k.call({ op: 'delete', service: this.namespace, account: INDEX_ACCOUNT });
      return index.length;
    });
  }
}

/**
 * Whether the keychain can be used: writes, reads back and deletes a probe entry (a read alone
 * succeeds on a Secret Service that has no keyring to write into). Never throws.
 */
export async function probeKeychain(
  options: KeychainStoreOptions = {},
): Promise<{ available: true } | { available: false; code: string; reason: string }> {
  const service = options.namespace ?? 'oneid';
  try {
    await withKeychain(options.env ?? process.env, options.timeoutMs, async (k) => {
      await k.call({ op: 'set', service, account: '@probe', secret: 'probe' });
      if ((await k.call({ op: 'get', service, account: '@probe' })) !== 'probe') {
        throw new Error('the keychain did not return what was stored');
      }
      await k.call({ op: 'delete', service, account: '@probe' });
    });
    return { available: true };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { available: false, code: err.code ?? 'KEYCHAIN_FAILED', reason: err.message ?? String(e) };
  }
}
