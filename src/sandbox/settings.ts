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
  /** Wrong passports per PINFL at the registration's identity step within the window (the IP's count under ipMaxFailures). */
  identityMaxFailures: 5,
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

export interface SettingRange {
  min: number;
  max: number;
  /** False only for percentages, which may have a fraction. */
  integer: boolean;
}

const DAY = 86_400;
const int = (min: number, max: number): SettingRange => ({ min, max, integer: true });

/**
 * What each setting may be set to. The lower ends allow the tiny values tests use (a 1 s session),
 * the upper ends stay far below what would overflow a date or a counter (1e300 seconds of session
 * made every login a 500); the per-address limits go up to a million so that load tests from one
 * address can switch them off in effect.
 */
export const SETTING_RANGES: Record<SettingName, SettingRange> = {
  bhm: int(1, 100_000_000),
  feePercentIndividual: { min: 0, max: 100, integer: false },
  feePercentLegal: { min: 0, max: 100, integer: false },
  reviewDelayMs: int(-1, 30 * DAY * 1000),
  sessionTtlSeconds: int(1, 30 * DAY),
  registrationTtlSeconds: int(1, 30 * DAY),
  smsCodeTtlSeconds: int(1, 3600),
  smsMaxAttempts: int(1, 100),
  loginMaxFailures: int(1, 1000),
  lockoutSeconds: int(1, 30 * DAY),
  ipMaxFailures: int(1, 1_000_000),
  ipMaxSms: int(1, 1_000_000),
  phoneMaxSms: int(1, 1000),
  rateWindowSeconds: int(1, 30 * DAY),
  // Fractions allowed down to one second: tests issue keys that expire while they run.
  certificateValidityDays: { min: 1 / 86_400, max: 3650, integer: false },
  challengeTtlSeconds: int(1, 3600),
  identityMaxFailures: int(1, 1000),
  applicationUnconfirmedTtlSeconds: int(1, 30 * DAY),
  applicationSmsPerPhoneIp: int(1, 1000),
  applicationSmsPerPhone: int(1, 1000),
  applicationGuessesPerIp: int(1, 1_000_000),
  applicationGuessesPerHolder: int(1, 1000),
  applicationGuessWindowSeconds: int(1, 30 * DAY),
};

/** Why `value` cannot be the setting `name`, in English naming the setting and its range; or undefined. */
export function settingProblem(name: string, value: unknown): string | undefined {
  if (!Object.hasOwn(SETTING_RANGES, name)) return `${name} is not a portal setting`;
  const r = SETTING_RANGES[name as SettingName];
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!r.integer || Number.isInteger(value)) &&
    value >= r.min &&
    value <= r.max;
  if (ok) return undefined;
  return `${name} must be ${r.integer ? 'an integer' : 'a number'} from ${r.min} to ${r.max} (got ${JSON.stringify(value)})`;
}

export function loadSettings(db: Db): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  for (const r of rows) {
    if (!(r.key in out)) continue;
    // A value stored before ranges were checked and out of range falls back to the default.
    const value = JSON.parse(r.value) as unknown;
    if (!settingProblem(r.key, value)) (out as Record<string, number>)[r.key] = value as number;
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
