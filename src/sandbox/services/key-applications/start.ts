/**
 * Starting a key application: the key holder (a person by PINFL, or a company by TIN and its
 * director) must be in the registry and the phone must be the one the registry holds. Wrong
 * holder/phone pairs are limited per client address and per holder; the answer is the same whether
 * or not the holder already has an open application (an unconfirmed one holds nothing).
 */
import { findAccountById } from '../../accounts.js';
import { expireUnconfirmed } from '../../applications.js';
import type { Ctx } from '../../context.js';
import { badRequest, forbidden, unprocessable } from '../../http/errors.js';
import type { Person } from '../../registry/seed.js';
import type { Session } from '../../security/sessions.js';
import { authorizedRole } from '../employees.js';
import { checkPlace } from '../regions.js';
import * as ids from '../../registry/identifiers.js';
import { findCompany, findPerson, isPassportExpired } from '../../registry/lookup.js';
import {
  checkApplicationSmsLimits,
  checkGuessLimits,
  noteWrongGuess,
} from '../../security/application-access.js';
import { newId } from '../../security/secrets.js';
import { issueCode } from '../../security/sms-codes.js';
import { smsText } from './access.js';

export interface StartRequest {
  type: 'individual' | 'legal';
  pinfl?: string;
  tin?: string;
  phone: string;
  /** The name of the computer the application is made on (shown in the account's list). */
  machine?: string;
  region?: string;
  district?: string;
}

interface Holder {
  pinfl: string;
  tin: string | null;
  registeredPhone: string;
}

/** "STIR yoki PINFL": an individual entrepreneur's personal TIN leads to the PINFL it is linked to. */
function personByTin(ctx: Ctx, tin: string): Person | undefined {
  return ctx.db.prepare('SELECT * FROM persons WHERE tin = ?').get(tin) as Person | undefined;
}

function individual(ctx: Ctx, given: { pinfl?: string; tin?: string }, ip: string): Holder {
  const { pinfl, tin } = given;
  if (!pinfl && tin !== undefined) {
    if (!ids.isValidTin(tin) || ids.isLegalTin(tin))
      throw badRequest('TIN_INVALID', "A person's TIN is 9 digits (a TIN starting with 2 is a company's).");
  } else if (!pinfl) throw badRequest('PINFL_REQUIRED', 'An individual application needs a PINFL or a TIN.');
  else if (!ids.isValidPinfl(pinfl))
    throw badRequest('PINFL_INVALID', 'PINFL must be 14 digits with a valid check digit.');
  checkGuessLimits(ctx, ip, `individual:${pinfl ?? tin}`);
  const person = pinfl ? findPerson(ctx.db, pinfl) : personByTin(ctx, tin!);
  if (!person) {
    noteWrongGuess(ctx, ip);
    throw unprocessable('NOT_IN_REGISTRY', 'No person with this PINFL in the population registry.');
  }
  if (isPassportExpired(person))
    throw unprocessable('PASSPORT_EXPIRED', 'The passport has expired: renew it first.');
  return { pinfl: person.pinfl, tin: null, registeredPhone: person.phone };
}

/**
 * A legal entity's key: applied for by its director, or (signed in, issue 17) by a person the
 * company has authorized, in their own name and with their own phone. Who applies comes from the
 * session, never from the body; a session of someone else leaves the director's way open (the
 * director's phone proves it), and refuses only an unauthorized person applying as themselves
 * (with their own registered phone).
 */
function legalEntity(
  ctx: Ctx,
  tin: string | undefined,
  ip: string,
  sess: Session | undefined,
  phone: string,
): Holder {
  if (!tin) throw badRequest('TIN_REQUIRED', 'A legal-entity application needs the company TIN.');
  if (!ids.isLegalTin(tin))
    throw badRequest('TIN_INVALID', 'A legal entity TIN is 9 digits starting with 2.');
  checkGuessLimits(ctx, ip, `legal:${tin}`);
  const company = findCompany(ctx.db, tin);
  if (!company) {
    noteWrongGuess(ctx, ip);
    throw unprocessable('NOT_IN_REGISTRY', 'No company with this TIN in the company registry.');
  }
  let pinfl = company.director_pinfl;
  const applicant = sess ? findAccountById(ctx.db, sess.accountId)!.pinfl : undefined;
  if (applicant && applicant !== pinfl) {
    if (authorizedRole(ctx, company.tin, applicant)) pinfl = applicant;
    else if (findPerson(ctx.db, applicant)!.phone === phone)
      throw forbidden('NOT_AUTHORIZED', 'The company has not authorized you to apply for its key.');
  }
  return { pinfl, tin: company.tin, registeredPhone: findPerson(ctx.db, pinfl)!.phone };
}

export function startApplication(
  ctx: Ctx,
  b: StartRequest,
  ip: string,
  sess?: Session,
): { id: string; status: 'awaiting_sms'; phone: string; codeExpiresIn: number } {
  const phone = ids.normalizePhone(b.phone);
  if (!ids.isValidPhone(phone)) throw badRequest('PHONE_INVALID', 'Phone must be +998 followed by 9 digits.');
  const place =
    b.region === undefined && b.district === undefined ? undefined : checkPlace(b.region, b.district);
  const { pinfl, tin, registeredPhone } =
    b.type === 'individual' ? individual(ctx, b, ip) : legalEntity(ctx, b.tin, ip, sess, phone);
  if (registeredPhone !== phone) {
    noteWrongGuess(ctx, ip, `${b.type}:${tin ?? b.pinfl ?? b.tin}`);
    throw unprocessable('PHONE_MISMATCH', 'This phone number is not registered to the key holder.');
  }
  checkApplicationSmsLimits(ctx, phone, ip);
  // Recorded only when the session's person is the key holder: another person's session must not
  // put someone else's application into their list.
  const starter = sess ? findAccountById(ctx.db, sess.accountId) : undefined;
  const accountId = starter && starter.pinfl === pinfl ? starter.id : null;
  const id = newId('ka');
  const ttl = ctx.db.transaction(() => {
    const now = Date.now();
    expireUnconfirmed(ctx, now);
    ctx.db
      .prepare(
        `INSERT INTO key_applications (id, type, pinfl, tin, phone, status, created_at, updated_at,
           account_id, machine, region, district)
         VALUES (?, ?, ?, ?, ?, 'awaiting_sms', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        b.type,
        pinfl,
        tin,
        phone,
        now,
        now,
        accountId,
        b.machine?.trim() || null,
        place?.region.code ?? null,
        place?.district?.code ?? null,
      );
    return issueCode(ctx, 'key-application', id, phone, smsText);
  })();
  return { id, status: 'awaiting_sms', phone: ids.maskPhone(phone), codeExpiresIn: ttl };
}
