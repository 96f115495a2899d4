/**
 * Passport or ID card number: series of 2 Latin letters + 7 digits (`AA1234567`).
 * Normalised before checking: spaces and dashes removed, upper-cased, and Cyrillic letters that
 * look like Latin ones (А, В, Е, К, М, Н, О, Р, С, Т, Х, as typed on a Russian keyboard layout)
 * replaced by their Latin twins, since that is the most common way a correct number is mistyped.
 */
import { asText, firstNonDigit, invalid } from './invalid.js';

export interface PassportNumber {
  /** Normalised `AA1234567`. */
  value: string;
  series: string;
  number: string;
}

const CYRILLIC_TWINS: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
};
const HINT = 'ids.passport.hint';

export function parsePassport(input: unknown): PassportNumber {
  const value = [
    ...asText(input)
      .replace(/[\s-]+/g, '')
      .toUpperCase(),
  ]
    .map((c) => CYRILLIC_TWINS[c] ?? c)
    .join('');
  const chars = [...value];
  if (chars.length !== 9) {
    throw invalid('passport', 'PASSPORT_LENGTH', 'ids.passport.length', { count: chars.length }, HINT);
  }
  const series = chars.slice(0, 2).join('');
  const number = chars.slice(2).join('');
  if (!/^[A-Z]{2}$/.test(series))
    throw invalid('passport', 'PASSPORT_SERIES', 'ids.passport.series', { series }, HINT);
  if (firstNonDigit(number))
    throw invalid('passport', 'PASSPORT_NUMBER', 'ids.passport.number', { number }, HINT);
  return { value, series, number };
}

export function isValidPassport(input: unknown): boolean {
  try {
    parsePassport(input);
    return true;
  } catch {
    return false;
  }
}
