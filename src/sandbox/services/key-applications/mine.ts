/**
 * "Mening arizalarim" (issue 17): the key applications of the signed-in account, from any
 * computer: those whose key holder is the account's person, and those the account started (an
 * employee's company key). Each names the computer it was started on: the private key never left it.
 */
import { applicationView, loadApplication } from '../../applications.js';
import { findAccountById } from '../../accounts.js';
import type { Ctx } from '../../context.js';
import type { Session } from '../../security/sessions.js';
import type { ApplicationView } from '../../../lib/sandbox-contract/index.js';

export function myApplications(ctx: Ctx, sess: Session): { applications: ApplicationView[] } {
  const account = findAccountById(ctx.db, sess.accountId)!;
  const ids = ctx.db
    .prepare(
      `SELECT id FROM key_applications WHERE (pinfl = ? OR account_id = ?) AND status != 'awaiting_sms'
       ORDER BY created_at DESC LIMIT 100`,
    )
    .all(account.pinfl, account.id) as Array<{ id: string }>;
  return { applications: ids.map(({ id }) => applicationView(loadApplication(ctx, id))) };
}
