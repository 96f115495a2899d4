/**
 * The last registration step: the SMS code creates the account, in one transaction with the code's
 * consumption, the registration's closing and the welcome e-mail. Identified by a key, the account
 * is verified from the start (DOMAIN.md flows 1 and 3); by passport, it is unverified.
 */
import type { Ctx } from '../../context.js';
import type { ApiError } from '../../http/errors.js';
import { queueEmail } from '../../outbox.js';
import { consumeCode } from '../../security/sms-codes.js';
import { registrationAt, uniqueViolation, type Registration } from './store.js';

export interface Completed {
  account: { id: number; login: string; pin: string; status: 'verified' | 'unverified' };
}

/** Inserts the account; a lost race on login or PINFL comes back as the refusal it means. */
function insertAccount(ctx: Ctx, r: Registration, status: string): number | { refused: ApiError } {
  try {
    return Number(
      ctx.db
        .prepare(
          `INSERT INTO accounts (login, pinfl, password_hash, email, phone, notify_by_email, actual_address, status,
           created_at, registration_id, region, district) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          r.login,
          r.pinfl,
          r.password_hash,
          r.email,
          r.phone,
          r.notify_by_email,
          r.actual_address,
          status,
          Date.now(),
          r.id,
          r.region,
          r.district,
        ).lastInsertRowid,
    );
  } catch (e) {
    const refused = uniqueViolation(e);
    if (refused) return { refused };
    throw e;
  }
}

function closeRegistration(ctx: Ctx, r: Registration, accountId: number): void {
  ctx.db
    .prepare("UPDATE registrations SET step = 'done', account_id = ?, password_hash = NULL WHERE id = ?")
    .run(accountId, r.id);
  if (r.cert_serial)
    ctx.db.prepare('UPDATE accounts SET verified_cert_serial = ? WHERE id = ?').run(r.cert_serial, accountId);
  queueEmail(
    ctx.db,
    r.email!,
    'OneID: registration complete',
    `Your OneID login is ${r.login}. Verify the account with a signature key to use all services.`,
  );
}

export function completeRegistration(ctx: Ctx, id: string, code: string): Completed {
  // A refusal is returned out of the transaction, so that a wrong code's count is committed.
  const result = ctx.db.transaction((): Completed | { refused: ApiError } => {
    const r = registrationAt(ctx, id, 'sms');
    const refused = consumeCode(ctx, 'registration', r.id, code.trim());
    if (refused) return { refused };
    const status = r.method === 'key' ? 'verified' : 'unverified';
    const accountId = insertAccount(ctx, r, status);
    if (typeof accountId !== 'number') return accountId;
    closeRegistration(ctx, r, accountId);
    return { account: { id: accountId, login: r.login!, pin: r.pinfl!, status } };
  })();
  if ('refused' in result) throw result.refused;
  return result;
}
