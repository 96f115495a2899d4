/**
 * TIN (ИНН / СТИР, STIR): the 9-digit taxpayer identification number.
 * The first digit tells the taxpayer kind: 2 → legal entity, 4-7 → individual (`^[24-7]\d{8}$`).
 * The tax committee publishes no check-digit algorithm, so none is checked here.
 */
import { asText, firstNonDigit, invalid } from './invalid.js';

export interface Tin {
  value: string;
  kind: 'legal' | 'individual';
}

export function parseTin(input: unknown): Tin {
  const value = asText(input).replace(/\s+/g, '');
  const count = [...value].length;
  if (count !== 9) throw invalid('tin', 'TIN_LENGTH', 'ids.tin.length', { count });
  const bad = firstNonDigit(value);
  if (bad) throw invalid('tin', 'TIN_NOT_DIGIT', 'ids.tin.notDigit', bad);
  const first = Number(value[0]);
  if (first === 2) return { value, kind: 'legal' };
  if (first >= 4 && first <= 7) return { value, kind: 'individual' };
  throw invalid('tin', 'TIN_FIRST_DIGIT', 'ids.tin.firstDigit', { digit: first });
}

export function isValidTin(input: unknown): boolean {
  try {
    parseTin(input);
    return true;
  } catch {
    return false;
  }
}
