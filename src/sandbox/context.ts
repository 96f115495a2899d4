/** What every route handler gets: the database, the current portal settings, the limiter. */
import type { Db } from './db/database.js';
import { RateLimiter } from './security/rate-limit.js';
import { loadSettings, type Settings } from './settings.js';
import type { CertificateAuthority } from './ca/authority.js';

export interface Ctx {
  db: Db;
  dataDir: string;
  version: string;
  settings: Settings;
  limiter: RateLimiter;
  /** The sandbox CA, or undefined while the PKI library cannot issue certificates. */
  ca: CertificateAuthority | undefined;
  reloadSettings(): void;
}

export function createContext(
  db: Db,
  dataDir: string,
  version: string,
  ca: CertificateAuthority | undefined,
): Ctx {
  const ctx: Ctx = {
    db,
    dataDir,
    version,
    ca,
    settings: loadSettings(db),
    limiter: new RateLimiter(),
    reloadSettings() {
      ctx.settings = loadSettings(db);
    },
  };
  return ctx;
}
