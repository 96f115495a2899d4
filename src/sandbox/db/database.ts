/**
 * The sandbox's SQLite file: WAL journal (readers never block the writer), foreign keys on,
 * migrations applied. `synchronous=NORMAL`: in WAL mode a commit is in the OS before the answer
 * goes out, so a killed server loses nothing it answered for (test/sandbox/crash.test.ts); only a
 * power loss could roll back the newest commits, never corrupt the file. FULL would fsync every
 * commit: 3.9 ms against 0.09 ms per commit on the development machine, a ceiling of ~250 writes/s.
 * better-sqlite3 is synchronous and the server is one process, so a `db.transaction` runs to
 * completion without interleaving: that is what makes every multi-row write atomic.
 * The file (CA private key, password hashes) and its -wal/-shm are created 0600 whatever the umask,
 * and narrowed to 0600 on every start (issue 13).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE } from '../../lib/sandbox-contract/index.js';
import { ensurePrivateFile, restrictMode } from '../security/data-files.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, DB_FILE);
  // Created by us before SQLite opens it: SQLite would create it 0644 under the usual umask, and
  // gives its -wal and -shm files the main file's mode.
  ensurePrivateFile(file);
  for (const side of ['-wal', '-shm', '-journal']) restrictMode(file + side);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  for (const side of ['-wal', '-shm']) restrictMode(file + side);
  cacheStatements(db);
  return db;
}

/**
 * Make `db.prepare` return one compiled statement per SQL text. Handlers write their SQL inline
 * (readable), and compiling it on every request was most of the cost of `GET /api/v1/account`
 * (see bench/sandbox.ts). The set of SQL texts is fixed by the code, so the cache stays small.
 */
function cacheStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let st = cache.get(sql);
    if (!st) {
      st = compile(sql);
      cache.set(sql, st);
    }
    return st;
  }) as Db['prepare'];
}

export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let i = current; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

/** `PRAGMA integrity_check` → true when the file is sound (used by `status` and the crash tests). */
export function integrityOk(db: Db): boolean {
  return db.pragma('integrity_check', { simple: true }) === 'ok';
}
