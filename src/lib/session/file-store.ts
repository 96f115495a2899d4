/**
 * Sessions in a JSON file readable only by the user (mode 0600), for machines without a keychain.
 * Used only with `--insecure-storage` or the profile setting `storage: file`.
 *
 * `{"version":1,"sessions":{"<portal key>":{"<profile>":<Session>}}}` (key: host and path prefix, see
 * `portalKey`; the record's `portal` is the full URL, or only the host in files written before)
 *
 * - Written atomically (`files`: a 0600 temp file in the same folder, fsync, rename, fsync of the
 *   folder); a reader sees the old or the new file, never half of one.
 * - A file that others can read (or that another user owns) is refused: its tokens may have been
 *   read, and the user must know. `delete`/`deleteAll` still work, and rewrite it as 0600.
 * - Read-modify-write without a lock: two writers at the same instant can lose one update, never
 *   corrupt the file.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

import { StorageError } from '../errors/index.js';
import { writeFileAtomic } from '../files/index.js';
import { corrupt, decodeSession, portalKey, toRecord, assertSession } from './record.js';
import type { LoadedSession, Session, SessionStore } from './types.js';

type Sessions = Record<string, Record<string, Session>>;

export const SESSIONS_FILE = 'sessions.json';
const POSIX = process.platform !== 'win32';

function ioError(file: string, e: unknown): StorageError {
  const reason = typeof e === 'string' ? e : ((e as NodeJS.ErrnoException).code ?? String(e));
  return new StorageError('SESSION_FILE_IO', 'session.error.fileIo', {
    params: { path: file, reason },
    cause: e,
  });
}

export class FileSessionStore implements SessionStore {
  readonly source = 'file' as const;

  constructor(readonly file: string) {}

  /** Read and check the file; `strict` refuses a file others can read. */
  private async read(strict: boolean): Promise<Sessions> {
    let handle: fs.FileHandle;
    try {
      // O_NOFOLLOW: a symlink planted in place of the file is not followed to somewhere else.
      handle = await fs.open(this.file, constants.O_RDONLY | (POSIX ? constants.O_NOFOLLOW : 0));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return Object.create(null) as Sessions;
      throw ioError(this.file, e);
    }
    let text: string;
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw ioError(this.file, 'not a regular file');
      if (strict && POSIX && typeof process.getuid === 'function' && st.uid !== process.getuid()) {
        throw new StorageError('SESSION_FILE_OWNER', 'session.error.fileOwner', {
          params: { path: this.file },
          hintKey: 'session.hint.filePermissions',
          hintParams: { path: this.file },
        });
      }
      if (strict && POSIX && (st.mode & 0o077) !== 0) {
        throw new StorageError('SESSION_FILE_PERMISSIONS', 'session.error.filePermissions', {
          params: { path: this.file, mode: (st.mode & 0o777).toString(8).padStart(4, '0') },
          hintKey: 'session.hint.filePermissions',
          hintParams: { path: this.file },
        });
      }
      text = await handle.readFile('utf8');
    } catch (e) {
      if (e instanceof StorageError) throw e;
      throw ioError(this.file, e);
    } finally {
      await handle.close();
    }
    return this.decode(text);
  }

  private decode(text: string): Sessions {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw corrupt(this.file, e);
    }
    const top = (typeof v === 'object' && v !== null ? v : {}) as { version?: unknown; sessions?: unknown };
    const sessions = top.sessions;
    if (top.version !== 1 || typeof sessions !== 'object' || sessions === null || Array.isArray(sessions)) {
      throw corrupt(this.file);
    }
    // Null-prototype maps: a host or profile named "__proto__" stays a plain key.
    const out: Sessions = Object.create(null) as Sessions;
    for (const [host, profiles] of Object.entries(sessions)) {
      if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles))
        throw corrupt(this.file);
      out[host] = Object.create(null) as Record<string, Session>;
      for (const [profile, s] of Object.entries(profiles)) {
        out[host][profile] = decodeSession(JSON.stringify(s), this.file);
      }
    }
    return out;
  }

  private async write(sessions: Sessions): Promise<void> {
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      await writeFileAtomic(
        this.file,
        Buffer.from(`${JSON.stringify({ version: 1, sessions }, null, 2)}\n`, 'utf8'),
      );
    } catch (e) {
      throw ioError(this.file, e);
    }
  }

  async get(portal: string, profile: string): Promise<LoadedSession | undefined> {
    const s = (await this.read(true))[portalKey(portal)]?.[profile];
    return s && { ...s, source: 'file', profile };
  }

  async set(profile: string, session: Session): Promise<void> {
    assertSession(session);
    const record = toRecord(session);
    const sessions = await this.read(true);
    (sessions[portalKey(record.portal)] ??= Object.create(null) as Record<string, Session>)[profile] = record;
    await this.write(sessions);
  }

  async delete(portal: string, profile: string): Promise<boolean> {
    const host = portalKey(portal);
    const sessions = await this.read(false);
    if (!sessions[host]?.[profile]) return false;
    delete sessions[host][profile];
    if (Object.keys(sessions[host]).length === 0) delete sessions[host];
    await this.write(sessions);
    return true;
  }

  async list(): Promise<LoadedSession[]> {
    const sessions = await this.read(true);
    return Object.values(sessions).flatMap((profiles) =>
      Object.entries(profiles).map(([profile, s]) => ({ ...s, source: 'file' as const, profile })),
    );
  }

  async deleteAll(): Promise<number> {
    let count = 0;
    try {
      count = Object.values(await this.read(false)).reduce((n, p) => n + Object.keys(p).length, 0);
    } catch (e) {
      // A damaged file is removed all the same: that is what the user asked for.
      if (!(e instanceof StorageError) || e.code !== 'SESSION_CORRUPT') throw e;
    }
    try {
      await fs.rm(this.file, { force: true });
    } catch (e) {
      throw ioError(this.file, e);
    }
    return count;
  }
}
