/**
 * Key applications (DOMAIN.md flow 2) as a state machine:
 *   awaiting_sms → draft (SMS confirmed; request and documents are attached here) → awaiting_payment
 *   (submitted, invoice issued) → in_review (paid) → issued (approved, certificate ready) | rejected.
 * `open_subject` is set from the SMS confirmation until the application is final, and is UNIQUE:
 * one open application per person or company, enforced by the database rather than by a
 * check-then-insert race. An application waiting for its SMS code holds no slot (anyone who knows
 * a PINFL and phone can start one, so it must block nobody) and is forgotten after
 * `applicationUnconfirmedTtlSeconds`.
 */
import type { ApplicationView } from '../lib/sandbox-contract/index.js';
import type { ApplicationRow, ApplicationStatus } from './application-row.js';
import type { Ctx } from './context.js';
import { conflict, notFound } from './http/errors.js';
import { queueSms } from './outbox.js';
import { applicationNotFound } from './security/application-access.js';

export type { ApplicationRow, ApplicationStatus } from './application-row.js';

const COLUMNS = `id, type, pinfl, tin, phone, status, pkcs10, key_algorithm, photo_type, selfie_type, invoice_id,
  fee_amount, fee_percent, bhm, paid_at, review_due_at, reject_reason, certificate_serial, created_at, updated_at,
  secret_hash, machine`;

/**
 * The holder's one open slot: `individual:<PINFL>`, or `legal:<TIN>:<PINFL>` (the director and each
 * authorized employee hold their own: one person's application is never handed to another).
 */
export const subjectOf = (a: { type: string; pinfl: string; tin: string | null }): string =>
  a.tin ? `${a.type}:${a.tin}:${a.pinfl}` : `${a.type}:${a.pinfl}`;

const unconfirmedCutoff = (ctx: Ctx, now: number): number =>
  now - ctx.settings.applicationUnconfirmedTtlSeconds * 1000;

/** Forget applications whose SMS code was never confirmed in time. */
export function expireUnconfirmed(ctx: Ctx, now = Date.now()): number {
  return ctx.db
    .prepare("DELETE FROM key_applications WHERE status = 'awaiting_sms' AND created_at <= ?")
    .run(unconfirmedCutoff(ctx, now)).changes;
}

export function loadApplication(ctx: Ctx, id: string): ApplicationRow {
  const row = ctx.db.prepare(`SELECT ${COLUMNS} FROM key_applications WHERE id = ?`).get(id) as
    ApplicationRow | undefined;
  // An expired unconfirmed application is gone, whether or not the sweep has run yet.
  if (!row || (row.status === 'awaiting_sms' && row.created_at <= unconfirmedCutoff(ctx, Date.now())))
    throw applicationNotFound();
  return row;
}

export function expectStatus(app: ApplicationRow, ...allowed: ApplicationStatus[]): void {
  if (!allowed.includes(app.status)) {
    throw conflict('WRONG_STATUS', `The application is "${app.status}".`, { applicationStatus: app.status });
  }
}

export function applicationView(app: ApplicationRow): ApplicationView {
  return {
    id: app.id,
    type: app.type,
    pinfl: app.pinfl,
    tin: app.tin,
    status: app.status,
    keyAlgorithm: app.key_algorithm,
    request: app.pkcs10 !== null,
    photo: app.photo_type !== null,
    selfie: app.selfie_type !== null,
    invoice: app.invoice_id
      ? {
          id: app.invoice_id,
          amount: app.fee_amount!,
          currency: 'UZS',
          percent: app.fee_percent!,
          bhm: app.bhm!,
          paid: app.paid_at !== null,
        }
      : null,
    reviewDueAt: app.review_due_at ? new Date(app.review_due_at).toISOString() : null,
    rejectReason: app.reject_reason,
    certificateSerial: app.certificate_serial,
    machine: app.machine,
    createdAt: new Date(app.created_at).toISOString(),
    updatedAt: new Date(app.updated_at).toISOString(),
  };
}

/**
 * Approve: issue the certificate from the sandbox CA and close the application, in one
 * transaction. Certificate signing is synchronous, so nothing can interleave.
 */
export function approveApplication(ctx: Ctx, id: string): ApplicationRow {
  return ctx.db.transaction(() => {
    const app = loadApplication(ctx, id);
    expectStatus(app, 'in_review');
    if (!ctx.ca) throw conflict('CA_UNAVAILABLE', 'The sandbox CA cannot issue certificates in this build.');
    const serial = ctx.ca.issueForApplication(app, ctx.settings.certificateValidityDays);
    ctx.db
      .prepare(
        "UPDATE key_applications SET status = 'issued', certificate_serial = ?, open_subject = NULL, updated_at = ? WHERE id = ?",
      )
      .run(serial, Date.now(), id);
    queueSms(ctx.db, app.phone, `E-IMZO: application ${id} approved. Download your certificate.`);
    return loadApplication(ctx, id);
  })();
}

export function rejectApplication(ctx: Ctx, id: string, reason: string): ApplicationRow {
  return ctx.db.transaction(() => {
    const app = loadApplication(ctx, id);
    expectStatus(app, 'in_review', 'awaiting_payment', 'draft', 'awaiting_sms');
    ctx.db
      .prepare(
        "UPDATE key_applications SET status = 'rejected', reject_reason = ?, open_subject = NULL, updated_at = ? WHERE id = ?",
      )
      .run(reason, Date.now(), id);
    queueSms(ctx.db, app.phone, `E-IMZO: application ${id} rejected: ${reason}`);
    return loadApplication(ctx, id);
  })();
}

export function payInvoice(ctx: Ctx, invoiceId: string): ApplicationRow {
  return ctx.db.transaction(() => {
    const row = ctx.db.prepare('SELECT id FROM key_applications WHERE invoice_id = ?').get(invoiceId) as
      { id: string } | undefined;
    if (!row) throw notFound('INVOICE_NOT_FOUND', 'No such invoice.');
    const app = loadApplication(ctx, row.id);
    if (app.paid_at !== null) throw conflict('INVOICE_PAID', 'The invoice is already paid.');
    expectStatus(app, 'awaiting_payment');
    const now = Date.now();
    const delay = ctx.settings.reviewDelayMs;
    ctx.db
      .prepare(
        "UPDATE key_applications SET status = 'in_review', paid_at = ?, review_due_at = ?, updated_at = ? WHERE id = ?",
      )
      .run(now, delay >= 0 ? now + delay : null, now, app.id);
    queueSms(ctx.db, app.phone, `E-IMZO: payment for application ${app.id} received; it is under review.`);
    return loadApplication(ctx, app.id);
  })();
}

/** Approve every application whose automatic review time has come (called by a timer). */
export function approveDue(ctx: Ctx, now = Date.now()): number {
  if (!ctx.ca) return 0;
  const due = ctx.db
    .prepare(
      "SELECT id FROM key_applications WHERE status = 'in_review' AND review_due_at IS NOT NULL AND review_due_at <= ? LIMIT 100",
    )
    .all(now) as Array<{ id: string }>;
  let approved = 0;
  for (const { id } of due) {
    try {
      approveApplication(ctx, id);
      approved++;
    } catch {
      // Approved or rejected by an operator in the meantime: nothing to do.
    }
  }
  return approved;
}
