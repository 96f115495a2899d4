/**
 * The SMS step of a key application: a new code, and the confirmation that proves the phone and
 * hands out the application secret (once). When the holder already has an open application, that
 * one is handed over with a new secret and the one just confirmed is dropped.
 */
import { applicationView, loadApplication, subjectOf, type ApplicationRow } from '../../applications.js';
import type { Ctx } from '../../context.js';
import type { ApiError } from '../../http/errors.js';
import * as ids from '../../registry/identifiers.js';
import {
  applicationSecretHash,
  checkApplicationSmsLimits,
  newApplicationSecret,
} from '../../security/application-access.js';
import { consumeCode, issueCode } from '../../security/sms-codes.js';
import type { ApplicationView } from '../../../lib/sandbox-contract/index.js';
import { applicationFor, smsText, touch, type Authorize } from './access.js';

export function resendApplicationCode(
  ctx: Ctx,
  id: string,
  authorize: Authorize,
  ip: string,
): { id: string; status: string; phone: string; codeExpiresIn: number } {
  const a = applicationFor(ctx, id, authorize, 'awaiting_sms');
  checkApplicationSmsLimits(ctx, a.phone, ip);
  const ttl = ctx.db.transaction(() => issueCode(ctx, 'key-application', a.id, a.phone, smsText))();
  return { id: a.id, status: a.status, phone: ids.maskPhone(a.phone), codeExpiresIn: ttl };
}

type Confirmed = { app: ApplicationRow; secret: string; recovered: boolean };

/** Inside the confirmation's transaction, the code accepted: open this application or hand over. */
function openOrHandOver(ctx: Ctx, a: ApplicationRow): Confirmed {
  const secret = newApplicationSecret();
  const subject = subjectOf(a);
  const open = ctx.db.prepare('SELECT id FROM key_applications WHERE open_subject = ?').get(subject) as
    { id: string } | undefined;
  if (open) {
    // The phone is proven: its holder takes up the open application (a new secret; the one
    // given before stops working), and this unconfirmed one is dropped.
    touch(ctx, open.id, 'secret_hash = ?', applicationSecretHash(secret));
    ctx.db.prepare('DELETE FROM key_applications WHERE id = ?').run(a.id);
    return { app: loadApplication(ctx, open.id), secret, recovered: true };
  }
  touch(
    ctx,
    a.id,
    "status = 'draft', open_subject = ?, secret_hash = ?",
    subject,
    applicationSecretHash(secret),
  );
  return { app: loadApplication(ctx, a.id), secret, recovered: false };
}

export function confirmApplication(
  ctx: Ctx,
  id: string,
  authorize: Authorize,
  code: string,
): ApplicationView & { secret: string; recovered: boolean } {
  // A wrong code is returned out of the transaction, so that its count is committed.
  const out = ctx.db.transaction((): Confirmed | { refused: ApiError } => {
    const a = applicationFor(ctx, id, authorize, 'awaiting_sms');
    const refused = consumeCode(ctx, 'key-application', id, code.trim());
    if (refused) return { refused };
    return openOrHandOver(ctx, a);
  })();
  if ('refused' in out) throw out.refused;
  return { ...applicationView(out.app), secret: out.secret, recovered: out.recovered };
}
