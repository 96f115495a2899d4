/**
 * The identifier rules the sandbox enforces on its own input (REFERENCES.md §6). The portal is a
 * separate program from the CLI, so it keeps these few checks itself rather than trusting clients.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

const WEIGHTS = [7, 3, 1];

/** Check digit of the first 13 PINFL digits: Σ dᵢ·wᵢ mod 10, weights 7,3,1 repeating. */
export function pinflCheckDigit(first13: string): number {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(first13[i]) * WEIGHTS[i % 3]!;
  return sum % 10;
}

export function isValidPinfl(v: string): boolean {
  if (!/^[1-6]\d{13}$/.test(v)) return false;
  const day = Number(v.slice(1, 3));
  const month = Number(v.slice(3, 5));
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  if (v.slice(7, 10) === '000' || v.slice(10, 13) === '000') return false;
  return pinflCheckDigit(v) === Number(v[13]);
}

export const isValidTin = (v: string): boolean => /^[24-7]\d{8}$/.test(v);
export const isLegalTin = (v: string): boolean => /^2\d{8}$/.test(v);
export const isValidPassport = (v: string): boolean => /^[A-Z]{2}\d{7}$/.test(v);

/** `+998` and 9 digits, and valid by libphonenumber's numbering-plan data (not a hand-written list). */
export function isValidPhone(v: string): boolean {
  if (!/^\+998\d{9}$/.test(v)) return false;
  return parsePhoneNumberFromString(v)?.isValid() ?? false;
}

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

/** Login: 5–64 characters of letters, digits, `.`, `_`, `-` (DOMAIN.md: at least 5). */
export const isValidLogin = (v: string): boolean => /^[A-Za-z0-9._-]{5,64}$/.test(v);

/** Password: at least 8 characters, at least one special (non-letter, non-digit) character. */
export const isStrongPassword = (v: string): boolean =>
  v.length >= 8 && v.length <= 256 && /[^\p{L}\p{N}]/u.test(v);
