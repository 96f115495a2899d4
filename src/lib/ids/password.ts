/**
 * Account password rules from the registration form: at least 8 characters, including a special
 * character. "Special" means anything that is not a letter, a digit or white space (in any
 * script), e.g. `! @ # $ % & * . - _`. The password itself never appears in an error.
 */
import { asText, invalid } from './invalid.js';

export const PASSWORD_MIN = 8;

/** What a password lacks, in the order the form lists the rules. */
export type PasswordProblem = 'length' | 'special';

export function passwordProblems(input: unknown): PasswordProblem[] {
  const chars = [...asText(input)];
  const problems: PasswordProblem[] = [];
  if (chars.length < PASSWORD_MIN) problems.push('length');
  if (!chars.some((c) => /[^\p{L}\p{N}\s]/u.test(c))) problems.push('special');
  return problems;
}

/** Throw InvalidIdentifierError saying exactly what is missing; return quietly when acceptable. */
export function assertPasswordAcceptable(input: unknown): void {
  const missing = passwordProblems(input);
  const params = { min: PASSWORD_MIN };
  const data = { missing };
  if (missing.length === 2)
    throw invalid('password', 'PASSWORD_WEAK', 'ids.password.weak', params, undefined, data);
  if (missing[0] === 'length') {
    throw invalid('password', 'PASSWORD_TOO_SHORT', 'ids.password.tooShort', params, undefined, data);
  }
  if (missing[0] === 'special') {
    throw invalid('password', 'PASSWORD_NO_SPECIAL', 'ids.password.noSpecial', params, undefined, data);
  }
}
