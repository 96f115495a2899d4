/**
 * The registrations table: a registration's row, the step it is at, and the account checks every
 * step makes. The registration id returned by the first step is the client's handle.
 */
import type { Ctx } from '../../context.js';
import { conflict, notFound, type ApiError } from '../../http/errors.js';

export type Step = 'identity' | 'confirm' | 'contacts' | 'sms' | 'done';

export interface Registration {
  id: string;
  step: Step;
  pinfl: string | null;
  login: string | null;
  password_hash: string | null;
  email: string | null;
  phone: string | null;
  notify_by_email: number;
  actual_address: string | null;
  region: string | null;
  district: string | null;
  expires_at: number;
  account_id: number | null;
  method: 'passport' | 'key';
  cert_serial: string | null;
}

/** A live registration, or 404 REGISTRATION_NOT_FOUND (unknown or expired). */
export function loadRegistration(ctx: Ctx, id: string): Registration {
  const r = ctx.db.prepare('SELECT * FROM registrations WHERE id = ?').get(id) as Registration | undefined;
  if (!r || r.expires_at <= Date.now())
    throw notFound('REGISTRATION_NOT_FOUND', 'No such registration, or it has expired.');
  return r;
}

/** 409 REGISTRATION_COMPLETED or WRONG_STEP unless the registration is at one of `steps`. */
export function expectStep(r: Registration, ...steps: Step[]): void {
  if (r.step === 'done') {
    throw conflict('REGISTRATION_COMPLETED', 'This registration is already complete.', {
      accountId: r.account_id,
    });
  }
  if (!steps.includes(r.step))
    throw conflict('WRONG_STEP', `The registration is at step "${r.step}".`, { step: r.step });
}

/** The live registration `id`, which must be at one of `steps`. */
export function registrationAt(ctx: Ctx, id: string, ...steps: Step[]): Registration {
  const r = loadRegistration(ctx, id);
  expectStep(r, ...steps);
  return r;
}

const accountExists = (ctx: Ctx, pinfl: string): boolean =>
  ctx.db.prepare('SELECT 1 FROM accounts WHERE pinfl = ?').get(pinfl) !== undefined;

export const accountExistsRefusal = (): ApiError =>
  conflict('ACCOUNT_EXISTS', 'An account for this PINFL already exists: sign in or restore access.');

/** 409 ACCOUNT_EXISTS when the PINFL already has an account. */
export function expectNoAccount(ctx: Ctx, pinfl: string): void {
  if (accountExists(ctx, pinfl)) throw accountExistsRefusal();
}

export const loginTaken = (ctx: Ctx, login: string): boolean =>
  ctx.db.prepare('SELECT 1 FROM accounts WHERE login = ?').get(login) !== undefined;

/** Map a UNIQUE violation on accounts to the business refusal it means (lost race). */
export function uniqueViolation(e: unknown): ApiError | undefined {
  const err = e as { code?: string; message?: string };
  if (err.code !== 'SQLITE_CONSTRAINT_UNIQUE') return undefined;
  if (err.message?.includes('accounts.login')) return conflict('LOGIN_TAKEN', 'This login is already taken.');
  if (err.message?.includes('accounts.pinfl')) return accountExistsRefusal();
  return conflict('DUPLICATE', 'This record already exists.');
}
