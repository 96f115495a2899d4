import { InvalidIdentifierError, type Params } from '../errors/index.js';

/** Which identifier an error is about; goes into the error's `data` so callers can name the field. */
export type IdentifierKind = 'pinfl' | 'tin' | 'passport' | 'phone' | 'login' | 'password';

/** Build the typed error every parser throws: exit 2, a precise code, a translated message. */
export function invalid(
  kind: IdentifierKind,
  code: string,
  key: string,
  params: Params = {},
  hintKey?: string,
  extra: Record<string, unknown> = {},
): InvalidIdentifierError {
  return new InvalidIdentifierError(code, key, { params, hintKey, data: { identifier: kind, ...extra } });
}

/**
 * Inputs may come from JSON bodies or flags: numbers are read in their decimal form; anything else
 * that is not a string (objects, null…) counts as nothing given, never as "[object Object]".
 */
export function asText(input: unknown): string {
  if (typeof input === 'string') return input;
  if ((typeof input === 'number' && Number.isSafeInteger(input)) || typeof input === 'bigint')
    return String(input);
  return '';
}

/** The first character that is not an ASCII digit, with its 1-based position, or undefined. */
export function firstNonDigit(s: string): { position: number; char: string } | undefined {
  const chars = [...s];
  const i = chars.findIndex((c) => c < '0' || c > '9');
  return i < 0 ? undefined : { position: i + 1, char: chars[i]! };
}
