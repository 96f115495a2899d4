/**
 * Portal data that real portals change by decree or policy (fees, BHM, review time, limits):
 * kept in the `settings` table, never hard-coded in the flows. Defaults apply until changed
 * through the loopback admin API (`PATCH /api/v1/sandbox/settings`).
 */
import type { Db } from './db/database.js';

export const DEFAULT_SETTINGS = {
  /** Base calculation amount (BHM), in so'm. */
  bhm: 375_000,
  /** Key fee as a percentage of BHM (DOMAIN.md flow 2: individuals 7 %, legal entities 10 %). */
  feePercentIndividual: 7,
  feePercentLegal: 10,
  /** Milliseconds after payment when an application is approved automatically; -1 = manual only. */
  reviewDelayMs: 30_000,
  sessionTtlSeconds: 8 * 3600,
  registrationTtlSeconds: 3600,
  smsCodeTtlSeconds: 300,
  smsMaxAttempts: 5,
  /** Failed password logins per login before a lockout, and its length. */
  loginMaxFailures: 5,
  lockoutSeconds: 900,
  /** Per client IP within `rateWindowSeconds`: failed logins, SMS messages sent. */
  ipMaxFailures: 100,
  ipMaxSms: 60,
  /** SMS messages per phone number within the window. */
  phoneMaxSms: 5,
  rateWindowSeconds: 600,
  certificateValidityDays: 730,
  challengeTtlSeconds: 120,
  /**
   * Key applications (docs/decisions.md "Security"): an application whose SMS code was never
   * confirmed is forgotten after this many seconds (it never blocks a new application anyway).
   */
  applicationUnconfirmedTtlSeconds: 24 * 3600,
  /** Key-application SMS within `rateWindowSeconds`: per (phone, client IP), and per phone overall. */
  applicationSmsPerPhoneIp: 5,
  applicationSmsPerPhone: 15,
  /**
   * Wrong holder/phone pairs on `POST /key-applications` within `applicationGuessWindowSeconds`:
   * per client IP (unknown PINFL/TIN or wrong phone), and per PINFL/TIN (wrong phone).
   */
  applicationGuessesPerIp: 20,
  applicationGuessesPerHolder: 10,
  applicationGuessWindowSeconds: 3600,
};

export type Settings = typeof DEFAULT_SETTINGS;
export type SettingName = keyof Settings;

export function loadSettings(db: Db): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  for (const r of rows) {
    if (r.key in out) (out as Record<string, number>)[r.key] = JSON.parse(r.value) as number;
  }
  return out;
}

export function saveSettings(db: Db, changes: Partial<Settings>): void {
  const up = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [k, v] of Object.entries(changes)) if (k in DEFAULT_SETTINGS) up.run(k, JSON.stringify(v));
  })();
}
