/**
 * Account logins. The seed only says "at least 5 characters"; we decided the rest so that a
 * login is safe everywhere it ends up (URLs, keychain account names, file names, logs):
 * - 5 to 32 characters;
 * - Latin letters, digits, `.`, `_` and `-`; the first character is a letter;
 * - case-insensitive: stored and compared lower-case (`Alisher.K` and `alisher.k` are one account).
 */
import { asText, invalid } from './invalid.js';

export const LOGIN_MIN = 5;
export const LOGIN_MAX = 32;

export interface Login {
  /** Lower-case form used for storage and comparison. */
  value: string;
}

export function parseLogin(input: unknown): Login {
  const text = asText(input).trim();
  const chars = [...text];
  if (chars.length < LOGIN_MIN) {
    throw invalid('login', 'LOGIN_TOO_SHORT', 'ids.login.tooShort', { min: LOGIN_MIN, count: chars.length });
  }
  if (chars.length > LOGIN_MAX) {
    throw invalid('login', 'LOGIN_TOO_LONG', 'ids.login.tooLong', { max: LOGIN_MAX, count: chars.length });
  }
  if (!/^[A-Za-z]$/.test(chars[0]!))
    throw invalid('login', 'LOGIN_FIRST_CHAR', 'ids.login.firstChar', { char: chars[0] });
  const bad = chars.findIndex((c) => !/^[A-Za-z0-9._-]$/.test(c));
  if (bad >= 0) {
    throw invalid('login', 'LOGIN_CHARACTER', 'ids.login.character', { position: bad + 1, char: chars[bad] });
  }
  return { value: text.toLowerCase() };
}

export function isValidLogin(input: unknown): boolean {
  try {
    parseLogin(input);
    return true;
  } catch {
    return false;
  }
}
