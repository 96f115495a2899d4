/**
 * One-time SMS codes: six digits, stored as a keyed hash with their purpose and reference,
 * single-use, expiring, and attempt-limited. Sending is rate-limited per phone and per client IP.
 *
 * Six digits are 10^6 candidates: an unkeyed hash in a copied database gives every live code back
 * in a second. The hash is HMAC-SHA256 under a random per-data-dir secret kept outside the
 * database (`sms-codes.key`, 0600), so the database alone does not give the codes (issue 13).
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { SMS_KEY_FILE } from '../../lib/sandbox-contract/index.js';
import type { Ctx } from '../context.js';
import { ApiError, tooMany } from '../http/errors.js';
import { queueSms } from '../outbox.js';
import { readOrCreateSecret } from './data-files.js';
import { newSmsCode, sameDigest } from './secrets.js';

const keys = new Map<string, Buffer>();

/** The data dir's SMS-code secret, created (0600) on first use; the sandbox loads it at start. */
export function smsCodeKey(dataDir: string): Buffer {
  let key = keys.get(dataDir);
  if (!key) {
    key = readOrCreateSecret(path.join(dataDir, SMS_KEY_FILE));
    keys.set(dataDir, key);
  }
  return key;
}

export const codeHash = (key: Buffer, purpose: string, ref: string, code: string): string =>
  createHmac('sha256', key).update(`${purpose}:${ref}:${code}`).digest('hex');

/** Check the send limits; throws 429 when exceeded. Call before the transaction that sends. */
export function checkSmsLimits(ctx: Ctx, phone: string, ip: string): void {
  const s = ctx.settings;
  const windowMs = s.rateWindowSeconds * 1000;
  if (!ctx.limiter.hit(`sms-phone:${phone}`, s.phoneMaxSms, windowMs)) {
    throw tooMany(
      'SMS_RATE_LIMITED',
      'Too many SMS messages to this number; wait and try again.',
      s.rateWindowSeconds,
    );
  }
  if (!ctx.limiter.hit(`sms-ip:${ip}`, s.ipMaxSms, windowMs)) {
    throw tooMany(
      'SMS_RATE_LIMITED',
      'Too many SMS messages from this address; wait and try again.',
      s.rateWindowSeconds,
    );
  }
}

/** Store a new code and its SMS (inside the caller's transaction); earlier codes stop counting. */
export function issueCode(
  ctx: Ctx,
  purpose: string,
  ref: string,
  phone: string,
  text: (code: string) => string,
): number {
  const code = newSmsCode();
  const now = Date.now();
  const ttl = ctx.settings.smsCodeTtlSeconds;
  ctx.db
    .prepare('UPDATE sms_codes SET used_at = ? WHERE purpose = ? AND ref = ? AND used_at IS NULL')
    .run(now, purpose, ref);
  ctx.db
    .prepare(
      'INSERT INTO sms_codes (purpose, ref, phone, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(purpose, ref, phone, codeHash(smsCodeKey(ctx.dataDir), purpose, ref, code), now, now + ttl * 1000);
  queueSms(ctx.db, phone, text(code));
  return ttl;
}

/**
 * Check a code inside the caller's transaction. Returns an error instead of throwing so that the
 * failed-attempt counter is committed with the transaction; the caller throws it afterwards.
 */
export function consumeCode(ctx: Ctx, purpose: string, ref: string, code: string): ApiError | undefined {
  const row = ctx.db
    .prepare(
      'SELECT id, code_hash, expires_at, attempts FROM sms_codes WHERE purpose = ? AND ref = ? AND used_at IS NULL ORDER BY id DESC LIMIT 1',
    )
    .get(purpose, ref) as { id: number; code_hash: string; expires_at: number; attempts: number } | undefined;
  if (!row) return new ApiError(422, 'SMS_CODE_MISSING', 'No active confirmation code: request a new one.');
  const max = ctx.settings.smsMaxAttempts;
  if (row.expires_at <= Date.now()) {
    return new ApiError(422, 'SMS_CODE_EXPIRED', 'The confirmation code has expired: request a new one.');
  }
  if (row.attempts >= max) {
    return new ApiError(429, 'SMS_ATTEMPTS_EXCEEDED', 'Too many wrong codes: request a new one.', {
      retryAfter: 0,
    });
  }
  if (!sameDigest(row.code_hash, codeHash(smsCodeKey(ctx.dataDir), purpose, ref, code))) {
    ctx.db.prepare('UPDATE sms_codes SET attempts = attempts + 1 WHERE id = ?').run(row.id);
    const left = max - row.attempts - 1;
    return left > 0
      ? new ApiError(422, 'SMS_CODE_INVALID', 'The confirmation code is wrong.', { attemptsLeft: left })
      : new ApiError(429, 'SMS_ATTEMPTS_EXCEEDED', 'Too many wrong codes: request a new one.', {
          retryAfter: 0,
        });
  }
  ctx.db.prepare('UPDATE sms_codes SET used_at = ? WHERE id = ?').run(Date.now(), row.id);
  return undefined;
}
