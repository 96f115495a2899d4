/**
 * PINFL (ПИНФЛ, JSHSHIR): the 14-digit personal identification number of an individual.
 *
 *   d1      century of birth and sex: 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd = male
 *   d2-d7   date of birth DDMMYY (a real calendar date, not in the future)
 *   d8-d10  district code, 001-999
 *   d11-d13 serial number within the district and day, 001-999
 *   d14     check digit: Σ dᵢ·wᵢ mod 10 over d1-d13, weights 7,3,1 repeating
 */
import { asText, firstNonDigit, invalid } from './invalid.js';

export type Sex = 'male' | 'female';

export interface Pinfl {
  /** The 14 digits. */
  value: string;
  sex: Sex;
  /** ISO calendar date `YYYY-MM-DD` (no time zone: it is a date, not an instant). */
  birthDate: string;
  /** Digits 8-10. */
  district: string;
  /** Digits 11-13. */
  serial: string;
}

export interface PinflOptions {
  /** "Today" for the not-in-the-future rule; defaults to the current date. */
  now?: Date;
}

const WEIGHTS = [7, 3, 1] as const;
const HINT = 'ids.pinfl.hint';

/** The check digit (digit 14) for the first 13 digits. */
export function pinflCheckDigit(first13: string): number {
  if (!/^\d{13}$/.test(first13)) {
    throw invalid('pinfl', 'PINFL_LENGTH', 'ids.pinfl.length', { count: [...first13].length }, HINT);
  }
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(first13[i]) * WEIGHTS[i % 3]!;
  return sum % 10;
}

function centuryOf(firstDigit: number): number | undefined {
  if (firstDigit < 1 || firstDigit > 6) return undefined;
  return 1800 + 100 * Math.floor((firstDigit - 1) / 2);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps 0-99 to 1900-1999; setUTCFullYear keeps the year as given.
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
/** Today as `YYYY-MM-DD` in local time: a birth date is compared with the user's calendar. */
const today = (now: Date) => isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());

/** Parse and validate a PINFL; whitespace is ignored. Throws InvalidIdentifierError naming the fault. */
export function parsePinfl(input: unknown, options: PinflOptions = {}): Pinfl {
  const value = asText(input).replace(/\s+/g, '');
  const bad = firstNonDigit(value);
  if ([...value].length !== 14) {
    throw invalid('pinfl', 'PINFL_LENGTH', 'ids.pinfl.length', { count: [...value].length }, HINT);
  }
  if (bad) throw invalid('pinfl', 'PINFL_NOT_DIGIT', 'ids.pinfl.notDigit', bad, HINT);

  const digits = [...value].map(Number);
  const century = centuryOf(digits[0]!);
  if (century === undefined) {
    throw invalid('pinfl', 'PINFL_CENTURY', 'ids.pinfl.firstDigit', { digit: digits[0] }, HINT);
  }
  const day = Number(value.slice(1, 3));
  const month = Number(value.slice(3, 5));
  const year = century + Number(value.slice(5, 7));
  const shown = `${value.slice(1, 3)}.${value.slice(3, 5)}.${value.slice(5, 7)}`;
  if (!isRealDate(year, month, day)) {
    throw invalid('pinfl', 'PINFL_BIRTH_DATE', 'ids.pinfl.birthDate', { date: shown, year }, HINT);
  }
  const birthDate = isoDate(year, month, day);
  if (birthDate > today(options.now ?? new Date())) {
    throw invalid(
      'pinfl',
      'PINFL_BIRTH_DATE_FUTURE',
      'ids.pinfl.birthDateFuture',
      { date: shown, year },
      HINT,
    );
  }
  const district = value.slice(7, 10);
  if (district === '000')
    throw invalid('pinfl', 'PINFL_DISTRICT', 'ids.pinfl.district', { value: district }, HINT);
  const serial = value.slice(10, 13);
  if (serial === '000') throw invalid('pinfl', 'PINFL_SERIAL', 'ids.pinfl.serial', { value: serial }, HINT);

  const expected = pinflCheckDigit(value.slice(0, 13));
  if (digits[13] !== expected) {
    throw invalid(
      'pinfl',
      'PINFL_CHECK_DIGIT',
      'ids.pinfl.checkDigit',
      { expected, actual: digits[13] },
      HINT,
    );
  }
  return { value, sex: digits[0]! % 2 === 1 ? 'male' : 'female', birthDate, district, serial };
}

/** True when `input` is a valid PINFL (same rules as parsePinfl). */
export function isValidPinfl(input: unknown, options: PinflOptions = {}): boolean {
  try {
    parsePinfl(input, options);
    return true;
  } catch {
    return false;
  }
}

export interface PinflParts {
  sex: Sex;
  /** `YYYY-MM-DD`, or a Date whose UTC calendar date is used. Years 1800-2099. */
  birthDate: string | Date;
  /** 1-999 (or its 3-digit string). */
  district: number | string;
  /** 1-999 (or its 3-digit string). */
  serial: number | string;
}

function threeDigits(v: number | string, code: string, key: string): string {
  const s = typeof v === 'number' ? String(v) : v.trim();
  const n = Number(s);
  if (!/^\d{1,3}$/.test(s) || n < 1 || n > 999) throw invalid('pinfl', code, key, { value: s }, HINT);
  return pad(n, 3);
}

/**
 * Build a valid PINFL from its parts (used by the sandbox's population registry and by tests).
 * Validates every part with the same messages as parsePinfl, then appends the check digit.
 */
export function makePinfl(parts: PinflParts): string {
  let y: number, m: number, d: number;
  if (parts.birthDate instanceof Date) {
    [y, m, d] = [
      parts.birthDate.getUTCFullYear(),
      parts.birthDate.getUTCMonth() + 1,
      parts.birthDate.getUTCDate(),
    ];
  } else {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(parts.birthDate.trim());
    [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  }
  if (!(y >= 1800 && y <= 2099)) {
    throw invalid(
      'pinfl',
      'PINFL_YEAR_RANGE',
      'ids.pinfl.yearRange',
      { value: String(parts.birthDate) },
      HINT,
    );
  }
  const shown = `${pad(d, 2)}.${pad(m, 2)}.${pad(y % 100, 2)}`;
  if (!isRealDate(y, m, d)) {
    throw invalid('pinfl', 'PINFL_BIRTH_DATE', 'ids.pinfl.birthDate', { date: shown, year: y }, HINT);
  }
  const centuryDigit = 1 + 2 * Math.floor((y - 1800) / 100) + (parts.sex === 'male' ? 0 : 1);
  const district = threeDigits(parts.district, 'PINFL_DISTRICT', 'ids.pinfl.district');
  const serial = threeDigits(parts.serial, 'PINFL_SERIAL', 'ids.pinfl.serial');
  const first13 = `${centuryDigit}${pad(d, 2)}${pad(m, 2)}${pad(y % 100, 2)}${district}${serial}`;
  return `${first13}${pinflCheckDigit(first13)}`;
}
