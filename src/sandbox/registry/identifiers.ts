/**
 * The identifier rules the sandbox enforces on its own input (REFERENCES.md §6): the shared `ids`
 * library for PINFL, TIN, passport, phone, login and password, plus the few portal-only helpers.
 */
import * as ids from '../../lib/ids/index.js';

export const pinflCheckDigit = ids.pinflCheckDigit;
export const isValidPinfl = (v: string): boolean => ids.isValidPinfl(v);
export const isValidTin = (v: string): boolean => ids.isValidTin(v);
export const isLegalTin = (v: string): boolean => /^2\d{8}$/.test(v);
export const isValidPassport = (v: string): boolean => ids.isValidPassport(v) && /^[A-Z]{2}\d{7}$/.test(v);
/** `+998` and 9 digits, valid by libphonenumber's numbering-plan data (inside `ids`). */
export const isValidPhone = (v: string): boolean => /^\+998\d{9}$/.test(v) && ids.isValidPhone(v);
export const isValidLogin = (v: string): boolean => ids.isValidLogin(v);
export const isStrongPassword = (v: string): boolean =>
  v.length <= 256 && ids.passwordProblems(v).length === 0;

/** Accept `+998 90 123-45-67`, `998901234567`, `+998901234567`: keep digits, re-add the plus. */
export function normalizePhone(v: string): string {
  const digits = v.replace(/[\s()-]/g, '');
  return digits.startsWith('+') ? digits : `+${digits}`;
}

/** `+998901234567` → `+998 90 ***-**-67`, for answers that must not reveal the full number. */
export function maskPhone(v: string): string {
  return `${v.slice(0, 4)} ${v.slice(4, 6)} ***-**-${v.slice(-2)}`;
}

export const isValidEmail = (v: string): boolean =>
  v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v);
