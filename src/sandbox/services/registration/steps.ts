/**
 * The registration steps around identification (DOMAIN.md flow 1): start by accepting the offer,
 * see where a registration stands, confirm the registry data (or go back), give the contacts that
 * send the SMS code, and ask for a new code.
 */
import type { Ctx } from '../../context.js';
import { badRequest, conflict } from '../../http/errors.js';
import * as ids from '../../registry/identifiers.js';
import { findPerson, personView } from '../../registry/lookup.js';
import { hashPassword, newId } from '../../security/secrets.js';
import { checkSmsLimits, issueCode } from '../../security/sms-codes.js';
import { checkPlace } from '../regions.js';
import { loadRegistration, loginTaken, registrationAt } from './store.js';
import type { Contacts } from '../../../lib/portal/index.js';

export const OFFER = {
  version: '2024-01',
  title: 'Public offer on registration in the OneID single identification system (sandbox)',
  text:
    'By registering you agree that your personal data from the population registry is used to identify you ' +
    'in state information systems. This is a local sandbox: no data leaves this machine.',
};

const smsText = (code: string): string => `OneID: registration code ${code}. Do not tell it to anyone.`;

export function startRegistration(ctx: Ctx): { id: string; step: 'identity'; expiresAt: string } {
  const id = newId('reg');
  const now = Date.now();
  const expiresAt = now + ctx.settings.registrationTtlSeconds * 1000;
  ctx.db.transaction(() =>
    ctx.db
      .prepare('INSERT INTO registrations (id, step, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(id, 'identity', now, expiresAt),
  )();
  return { id, step: 'identity', expiresAt: new Date(expiresAt).toISOString() };
}

export function registrationStatus(ctx: Ctx, id: string): Record<string, unknown> {
  const r = loadRegistration(ctx, id);
  const person = r.pinfl ? findPerson(ctx.db, r.pinfl) : undefined;
  return {
    id: r.id,
    step: r.step,
    expiresAt: new Date(r.expires_at).toISOString(),
    person: person ? personView(person) : null,
    accountId: r.account_id,
  };
}

/** Confirmed: on to the contacts; not: back to identification, the person forgotten. */
export function confirmData(ctx: Ctx, id: string, confirmed: boolean): { id: string; step: string } {
  const r = registrationAt(ctx, id, 'confirm', 'contacts', 'sms');
  const step = confirmed ? 'contacts' : 'identity';
  ctx.db.transaction(() =>
    ctx.db
      .prepare(
        `UPDATE registrations SET step = ?, pinfl = ${confirmed ? 'pinfl' : 'NULL'} WHERE id = ? AND step != 'done'`,
      )
      .run(step, r.id),
  )();
  return { id: r.id, step };
}

/** The contacts step's body: the wire shape the portal client sends. */
export type { Contacts } from '../../../lib/portal/index.js';

export interface CodeSent {
  id: string;
  step: 'sms';
  phone: string;
  codeExpiresIn: number;
}

function validateContacts(b: Contacts, phone: string): void {
  if (!ids.isValidLogin(b.login))
    throw badRequest(
      'LOGIN_INVALID',
      'Login must be at least 5 characters of letters, digits, dots, underscores or hyphens.',
    );
  if (!ids.isStrongPassword(b.password)) {
    throw badRequest(
      'PASSWORD_WEAK',
      'Password must be at least 8 characters and include a special character.',
    );
  }
  if (!ids.isValidEmail(b.email)) throw badRequest('EMAIL_INVALID', 'The e-mail address is not valid.');
  if (!ids.isValidPhone(phone)) throw badRequest('PHONE_INVALID', 'Phone must be +998 followed by 9 digits.');
  if (b.region !== undefined || b.district !== undefined) checkPlace(b.region, b.district);
}

export async function setContacts(ctx: Ctx, id: string, b: Contacts, ip: string): Promise<CodeSent> {
  const phone = ids.normalizePhone(b.phone);
  validateContacts(b, phone);
  const r = registrationAt(ctx, id, 'contacts', 'sms');
  if (loginTaken(ctx, b.login)) throw conflict('LOGIN_TAKEN', 'This login is already taken.');
  // Counted before the password hashing's await, so that a burst cannot pass the SMS limits.
  checkSmsLimits(ctx, phone, ip);
  const passwordHash = await hashPassword(b.password);
  const ttl = ctx.db.transaction(() => {
    registrationAt(ctx, r.id, 'contacts', 'sms');
    ctx.db
      .prepare(
        `UPDATE registrations SET login = ?, password_hash = ?, email = ?, phone = ?, notify_by_email = ?,
         actual_address = ?, region = ?, district = ?, step = 'sms' WHERE id = ?`,
      )
      .run(
        b.login,
        passwordHash,
        b.email,
        phone,
        b.notifyByEmail ? 1 : 0,
        b.actualAddress ?? null,
        b.region ?? null,
        b.district ?? null,
        r.id,
      );
    return issueCode(ctx, 'registration', r.id, phone, smsText);
  })();
  return { id: r.id, step: 'sms', phone: ids.maskPhone(phone), codeExpiresIn: ttl };
}

export function resendCode(ctx: Ctx, id: string, ip: string): CodeSent {
  const r = registrationAt(ctx, id, 'sms');
  const phone = r.phone!;
  checkSmsLimits(ctx, phone, ip);
  const ttl = ctx.db.transaction(() => issueCode(ctx, 'registration', r.id, phone, smsText))();
  return { id: r.id, step: 'sms', phone: ids.maskPhone(phone), codeExpiresIn: ttl };
}
