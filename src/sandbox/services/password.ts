/**
 * Changing and recovering the account password (issue 17, "Forgot login or password?").
 *
 * Recovery must not tell who has an account: `POST /recovery` answers the same `{id, codeExpiresIn}`
 * for an unknown PINFL, a PINFL without an account and a wrong passport. Only a match sends an
 * SMS; the others get a recovery whose code is a random 256-bit value nobody was sent, so the code
 * step refuses them exactly as it refuses a wrong code (same errors, same attempt count). Attempts
 * are reserved per PINFL and per address before the registry is asked (`RateLimiter.reserve`), and
 * every start counts against the SMS allowance of the PINFL and of the address whether or not an SMS
 * goes out, so that the limits answer no question either. A key proves the PINFL itself
 * (`/recovery/key`). A new password, by recovery or by `passwd`, ends every session of the account.
 */
import { randomBytes } from 'node:crypto';
import { findAccountById, findAccountByPinfl } from '../accounts.js';
import type { Ctx } from '../context.js';
import { ApiError, badRequest, tooMany, unprocessable } from '../http/errors.js';
import { signedChallenge } from '../key-identity.js';
import * as ids from '../registry/identifiers.js';
import { findPerson } from '../registry/lookup.js';
import { guessLimit } from '../security/rate-limit.js';
import { hashPassword, newId, verifyPassword } from '../security/secrets.js';
import { revokeAccountSessions, type Session } from '../security/sessions.js';
import { codeHash, consumeCode, issueCode, smsCodeKey, checkSmsLimits } from '../security/sms-codes.js';

const PURPOSE = 'recovery';
const smsText = (code: string): string =>
  `OneID: password recovery code ${code}. If you did not ask for it, ignore this message.`;

export interface RecoveryStarted {
  id: string;
  codeExpiresIn: number;
}

function checkNewPassword(password: string): void {
  if (!ids.isStrongPassword(password))
    throw badRequest(
      'PASSWORD_WEAK',
      'Password must be at least 8 characters and include a special character.',
    );
}

/** The recovery row and its code (a real SMS, or a value nobody was sent), in one transaction. */
function openRecovery(
  ctx: Ctx,
  accountId: number | null,
  method: string,
  phone: string | null,
): RecoveryStarted {
  const id = newId('rc');
  const now = Date.now();
  const ttl = ctx.settings.smsCodeTtlSeconds;
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        'INSERT INTO recoveries (id, account_id, method, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, accountId, method, now, now + ttl * 1000);
    if (accountId !== null && phone) issueCode(ctx, PURPOSE, id, phone, smsText);
    else
      ctx.db
        .prepare(
          'INSERT INTO sms_codes (purpose, ref, phone, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          PURPOSE,
          id,
          '',
          codeHash(smsCodeKey(ctx.dataDir), PURPOSE, id, randomBytes(32).toString('hex')),
          now,
          now + ttl * 1000,
        );
  })();
  return { id, codeExpiresIn: ttl };
}

/** Every start counts against the PINFL's and the address's SMS allowance, sent or not. */
function countStart(ctx: Ctx, pinfl: string, ip: string): void {
  const s = ctx.settings;
  const windowMs = s.rateWindowSeconds * 1000;
  const refuse = () =>
    tooMany(
      'SMS_RATE_LIMITED',
      'Too many recovery codes asked for; wait and try again.',
      s.rateWindowSeconds,
    );
  if (!ctx.limiter.hit(`recovery-sms-ip:${ip}`, s.ipMaxSms, windowMs)) throw refuse();
  if (!ctx.limiter.hit(`recovery-sms-pinfl:${pinfl}`, s.phoneMaxSms, windowMs)) throw refuse();
}

/** `POST /api/v1/recovery`: PINFL and passport. The same answer whether or not they match an account. */
export function startRecovery(ctx: Ctx, b: { pinfl: string; passport: string }, ip: string): RecoveryStarted {
  const pinfl = b.pinfl.trim();
  const passport = b.passport.trim().toUpperCase();
  if (!ids.isValidPinfl(pinfl))
    throw badRequest('PINFL_INVALID', 'PINFL must be 14 digits with a valid check digit.');
  if (!ids.isValidPassport(passport))
    throw badRequest('PASSPORT_INVALID', 'Passport must be two letters and seven digits.');
  const s = ctx.settings;
  const refusal = { code: 'RECOVERY_LOCKED', message: 'Too many failed recovery attempts; try later.' };
  const attempt = ctx.limiter.reserve([
    guessLimit(s, `recovery-ip:${ip}`, s.ipMaxFailures, refusal),
    guessLimit(s, `recovery-pinfl:${pinfl}`, s.identityMaxFailures, refusal, s.lockoutSeconds),
  ]);
  try {
    countStart(ctx, pinfl, ip);
  } catch (e) {
    attempt.cancel();
    throw e;
  }
  const person = findPerson(ctx.db, pinfl);
  const account = person && person.passport === passport ? findAccountByPinfl(ctx.db, pinfl) : undefined;
  if (account) attempt.succeed();
  else attempt.fail();
  return openRecovery(
    ctx,
    account?.id ?? null,
    'passport',
    account ? (account.phone ?? person!.phone) : null,
  );
}

/** `POST /api/v1/recovery/key`: a signed challenge proves the PINFL; the SMS goes to the account's phone. */
export async function startKeyRecovery(
  ctx: Ctx,
  pkcs7: string,
  ip: string,
): Promise<RecoveryStarted & { phone: string }> {
  const key = await signedChallenge(ctx, pkcs7);
  const account = findAccountByPinfl(ctx.db, key.pinfl);
  if (!account)
    throw new ApiError(401, 'NO_ACCOUNT_FOR_KEY', 'No account has the PINFL of this key: register first.');
  const phone = account.phone ?? findPerson(ctx.db, key.pinfl)!.phone;
  countStart(ctx, key.pinfl, ip);
  checkSmsLimits(ctx, phone, ip);
  return { ...openRecovery(ctx, account.id, 'key', phone), phone: ids.maskPhone(phone) };
}

/**
 * `POST /api/v1/recovery/:id/complete`: the SMS code and the new password. A wrong code counts
 * (smsMaxAttempts per code); the right one sets the password, ends every session, tells the login.
 */
export async function completeRecovery(
  ctx: Ctx,
  id: string,
  b: { code: string; password: string },
): Promise<{ login: string; sessionsEnded: number }> {
  checkNewPassword(b.password);
  const passwordHash = await hashPassword(b.password);
  const out = ctx.db.transaction((): { login: string; sessionsEnded: number } | { refused: ApiError } => {
    const r = ctx.db
      .prepare('SELECT account_id, expires_at, used_at FROM recoveries WHERE id = ?')
      .get(id) as { account_id: number | null; expires_at: number; used_at: number | null } | undefined;
    if (!r || r.used_at !== null || r.expires_at <= Date.now())
      return { refused: new ApiError(422, 'SMS_CODE_MISSING', 'No active recovery code: start again.') };
    const refused = consumeCode(ctx, PURPOSE, id, b.code.trim());
    if (refused) return { refused };
    // Only a real recovery's code can be right (the others' is 256 random bits).
    const account = findAccountById(ctx.db, r.account_id!)!;
    ctx.db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(passwordHash, account.id);
    ctx.db.prepare('UPDATE recoveries SET used_at = ? WHERE id = ?').run(Date.now(), id);
    return { login: account.login, sessionsEnded: revokeAccountSessions(ctx, account.id) };
  })();
  if ('refused' in out) throw out.refused;
  ctx.limiter.clear(`login:${out.login.toLowerCase()}`);
  return out;
}

/** `POST /api/v1/account/password`: the old password and a new one; every session of the account ends. */
export async function changePassword(
  ctx: Ctx,
  sess: Session,
  b: { password: string; newPassword: string },
  ip: string,
): Promise<{ status: 'ok'; sessionsEnded: number }> {
  checkNewPassword(b.newPassword);
  if (b.newPassword === b.password)
    throw unprocessable('PASSWORD_UNCHANGED', 'The new password is the same as the old one.');
  const s = ctx.settings;
  const refusal = { code: 'ACCOUNT_LOCKED', message: 'Too many wrong passwords; try later.' };
  const attempt = ctx.limiter.reserve([
    guessLimit(s, `login-ip:${ip}`, s.ipMaxFailures, refusal),
    guessLimit(s, `passwd:${sess.accountId}`, s.loginMaxFailures, refusal, s.lockoutSeconds),
  ]);
  let ok: boolean;
  let account: ReturnType<typeof findAccountById>;
  try {
    account = findAccountById(ctx.db, sess.accountId)!;
    ok = !!account.password_hash && (await verifyPassword(b.password, account.password_hash));
  } catch (e) {
    attempt.cancel();
    throw e;
  }
  if (!ok) {
    attempt.fail();
    throw unprocessable('PASSWORD_WRONG', 'The current password is wrong.');
  }
  attempt.succeed([`passwd:${sess.accountId}`]);
  const passwordHash = await hashPassword(b.newPassword);
  const ended = ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(passwordHash, account!.id);
    return revokeAccountSessions(ctx, account!.id);
  })();
  return { status: 'ok', sessionsEnded: ended };
}
