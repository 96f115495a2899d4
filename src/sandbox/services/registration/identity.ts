/**
 * Step 2 of a registration: who is registering. By PINFL and passport, checked against the
 * population registry with wrong pairs limited per PINFL and per address; or by signing a challenge
 * with a key (also for foreign citizens and stateless persons), which makes the account verified.
 */
import type { Ctx } from '../../context.js';
import { badRequest, unprocessable } from '../../http/errors.js';
import { signedChallenge } from '../../key-identity.js';
import * as ids from '../../registry/identifiers.js';
import { findPerson, isPassportExpired, personView } from '../../registry/lookup.js';
import type { Person } from '../../registry/seed.js';
import { guessLimit } from '../../security/rate-limit.js';
import { expectNoAccount, registrationAt, type Registration } from './store.js';

const IDENTIFIABLE = ['identity', 'confirm', 'contacts', 'sms'] as const;

export interface Identified {
  id: string;
  step: 'confirm';
  person: Record<string, string | null>;
}

function identified(
  ctx: Ctx,
  r: Registration,
  person: Person,
  method: 'passport' | 'key',
  certSerial: string | null,
): Identified {
  ctx.db.transaction(() =>
    ctx.db
      .prepare(
        "UPDATE registrations SET pinfl = ?, step = 'confirm', method = ?, cert_serial = ? WHERE id = ? AND step != 'done'",
      )
      .run(person.pinfl, method, certSerial, r.id),
  )();
  return { id: r.id, step: 'confirm', person: personView(person) };
}

/** Synchronous to the end: the attempt is reserved and settled without an `await` in between. */
export function identifyByPassport(
  ctx: Ctx,
  id: string,
  body: { pinfl: string; passport: string },
  ip: string,
): Identified {
  const { pinfl } = body;
  const passport = body.passport.replace(/\s+/g, '').toUpperCase();
  if (!ids.isValidPinfl(pinfl))
    throw badRequest('PINFL_INVALID', 'PINFL must be 14 digits with a valid check digit.');
  if (!ids.isValidPassport(passport))
    throw badRequest('PASSPORT_INVALID', 'Passport must be 2 letters and 7 digits, e.g. AA1234567.');
  const r = registrationAt(ctx, id, ...IDENTIFIABLE);
  // Guessing a passport for a PINFL: wrong pairs are limited per PINFL and per address, the
  // attempt reserved before the registry is asked.
  const s = ctx.settings;
  const pinflKey = `identity-pinfl:${pinfl}`;
  const attempt = ctx.limiter.reserve([
    guessLimit(s, `identity-ip:${ip}`, s.ipMaxFailures, {
      code: 'IDENTITY_ATTEMPTS_EXCEEDED',
      message: 'Too many wrong PINFL and passport pairs from this address; try later.',
    }),
    guessLimit(s, pinflKey, s.identityMaxFailures, {
      code: 'IDENTITY_ATTEMPTS_EXCEEDED',
      message: 'Too many wrong passports for this PINFL; try later.',
    }),
  ]);
  let person: Person | undefined;
  try {
    person = findPerson(ctx.db, pinfl);
  } catch (e) {
    attempt.cancel();
    throw e;
  }
  if (!person || person.passport !== passport) {
    attempt.fail();
    throw unprocessable(
      'IDENTITY_NOT_FOUND',
      'No person with this PINFL and passport in the population registry.',
    );
  }
  attempt.succeed([pinflKey]);
  if (person.kind !== 'citizen') {
    throw unprocessable(
      'PASSPORT_IDENTIFICATION_UNAVAILABLE',
      'Foreign citizens and stateless persons cannot be identified by passport data: register with a key.',
    );
  }
  if (isPassportExpired(person))
    throw unprocessable('PASSPORT_EXPIRED', 'The passport has expired: renew it first.');
  expectNoAccount(ctx, pinfl);
  return identified(ctx, r, person, 'passport', null);
}

export async function identifyByKey(ctx: Ctx, id: string, pkcs7: string): Promise<Identified> {
  const r = registrationAt(ctx, id, ...IDENTIFIABLE);
  const signer = await signedChallenge(ctx, pkcs7);
  const person = findPerson(ctx.db, signer.pinfl);
  if (!person)
    throw unprocessable('IDENTITY_NOT_FOUND', 'The PINFL of this key is not in the population registry.');
  expectNoAccount(ctx, person.pinfl);
  return identified(ctx, r, person, 'key', signer.serial);
}
