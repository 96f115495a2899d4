/**
 * Starting a key application: the key holder (a person by PINFL, or a company by TIN and its
 * director) must be in the registry and the phone must be the one the registry holds. Wrong
 * holder/phone pairs are limited per client address and per holder; the answer is the same whether
 * or not the holder already has an open application (an unconfirmed one holds nothing).
 */
import { expireUnconfirmed, subjectOf } from '../../applications.js';
import type { Ctx } from '../../context.js';
import { badRequest, unprocessable } from '../../http/errors.js';
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
}

interface Holder {
  pinfl: string;
  tin: string | null;
  registeredPhone: string;
}

function individual(ctx: Ctx, pinfl: string | undefined, ip: string): Holder {
  if (!pinfl) throw badRequest('PINFL_REQUIRED', 'An individual application needs a PINFL.');
  if (!ids.isValidPinfl(pinfl))
    throw badRequest('PINFL_INVALID', 'PINFL must be 14 digits with a valid check digit.');
  checkGuessLimits(ctx, ip, `individual:${pinfl}`);
  const person = findPerson(ctx.db, pinfl);
  if (!person) {
    noteWrongGuess(ctx, ip);
    throw unprocessable('NOT_IN_REGISTRY', 'No person with this PINFL in the population registry.');
  }
  if (isPassportExpired(person))
    throw unprocessable('PASSPORT_EXPIRED', 'The passport has expired: renew it first.');
  return { pinfl: person.pinfl, tin: null, registeredPhone: person.phone };
}

function legalEntity(ctx: Ctx, tin: string | undefined, ip: string): Holder {
  if (!tin) throw badRequest('TIN_REQUIRED', 'A legal-entity application needs the company TIN.');
  if (!ids.isLegalTin(tin))
    throw badRequest('TIN_INVALID', 'A legal entity TIN is 9 digits starting with 2.');
  checkGuessLimits(ctx, ip, `legal:${tin}`);
  const company = findCompany(ctx.db, tin);
  if (!company) {
    noteWrongGuess(ctx, ip);
    throw unprocessable('NOT_IN_REGISTRY', 'No company with this TIN in the company registry.');
  }
  const pinfl = company.director_pinfl;
  return { pinfl, tin: company.tin, registeredPhone: findPerson(ctx.db, pinfl)!.phone };
}

export function startApplication(
  ctx: Ctx,
  b: StartRequest,
  ip: string,
): { id: string; status: 'awaiting_sms'; phone: string; codeExpiresIn: number } {
  const phone = ids.normalizePhone(b.phone);
  if (!ids.isValidPhone(phone)) throw badRequest('PHONE_INVALID', 'Phone must be +998 followed by 9 digits.');
  const { pinfl, tin, registeredPhone } =
    b.type === 'individual' ? individual(ctx, b.pinfl, ip) : legalEntity(ctx, b.tin, ip);
  if (registeredPhone !== phone) {
    noteWrongGuess(ctx, ip, subjectOf({ type: b.type, pinfl, tin }));
    throw unprocessable('PHONE_MISMATCH', 'This phone number is not registered to the key holder.');
  }
  checkApplicationSmsLimits(ctx, phone, ip);
  const id = newId('ka');
  const ttl = ctx.db.transaction(() => {
    const now = Date.now();
    expireUnconfirmed(ctx, now);
    ctx.db
      .prepare(
        `INSERT INTO key_applications (id, type, pinfl, tin, phone, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'awaiting_sms', ?, ?)`,
      )
      .run(id, b.type, pinfl, tin, phone, now, now);
    return issueCode(ctx, 'key-application', id, phone, smsText);
  })();
  return { id, status: 'awaiting_sms', phone: ids.maskPhone(phone), codeExpiresIn: ttl };
}
