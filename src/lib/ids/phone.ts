/**
 * Uzbek phone numbers: +998 followed by 9 digits, checked against libphonenumber-js metadata
 * (operator and area codes in use) and normalised to E.164 (`+998901234567`).
 *
 * Accepted spellings: `90 123 45 67`, `901234567`, `998901234567`, `+998 (90) 123-45-67`,
 * `00998 90 123 45 67`. libphonenumber-js is loaded on first use with a synchronous require:
 * its ESM build costs ~60 ms to import and most commands never parse a phone number.
 */
import { createRequire } from 'node:module';

import type * as LibPhoneNumber from 'libphonenumber-js/core';
import type { MetadataJson } from 'libphonenumber-js/core';

import { asText, invalid } from './invalid.js';

type Core = typeof LibPhoneNumber;

const require = createRequire(import.meta.url);
let core: Core | undefined;
let minMetadata: MetadataJson | undefined;
let mobileMetadata: MetadataJson | undefined;

function lib(): { core: Core; metadata: MetadataJson } {
  core ??= require('libphonenumber-js/core') as Core;
  minMetadata ??= require('libphonenumber-js/metadata.min.json') as MetadataJson;
  return { core, metadata: minMetadata };
}

function mobile(): MetadataJson {
  mobileMetadata ??= require('libphonenumber-js/metadata.mobile.json') as MetadataJson;
  return mobileMetadata;
}

export interface Phone {
  /** E.164: `+998901234567`. */
  value: string;
  /** National format as people write it: `90 123 45 67`. */
  national: string;
  /** The 2-digit operator or area code: `90`. */
  code: string;
}

export interface PhoneOptions {
  /** Require a mobile number (one that can receive SMS); landlines are rejected. */
  mobile?: boolean;
}

const COUNTRY_CODE = '998';
const NATIONAL_DIGITS = 9;
const HINT = 'ids.phone.hint';

/** Show at most 40 characters of what the user typed in a message. */
const shown = (s: string) => ([...s].length > 40 ? `${[...s].slice(0, 40).join('')}…` : s);

export function parsePhone(input: unknown, options: PhoneOptions = {}): Phone {
  const text = asText(input).trim();
  if (!/^(\+|00)?[\d\s().-]+$/.test(text) || !/\d/.test(text)) {
    throw invalid('phone', 'PHONE_NOT_A_NUMBER', 'ids.phone.notNumber', { input: shown(text) }, HINT);
  }
  const international = text.startsWith('+') || text.startsWith('00');
  let digits = text.replace(/\D/g, '');
  if (text.startsWith('00')) digits = digits.slice(2);

  const { core: lp, metadata } = lib();
  let national: string;
  if (international) {
    if (!digits.startsWith(COUNTRY_CODE)) {
      const code =
        lp.parsePhoneNumberFromString(`+${digits}`, metadata)?.countryCallingCode ?? digits.slice(0, 3);
      throw invalid('phone', 'PHONE_COUNTRY', 'ids.phone.country', { code }, HINT);
    }
    national = digits.slice(COUNTRY_CODE.length);
  } else {
    // "998901234567" is the international form without "+"; anything else is national.
    national =
      digits.length === COUNTRY_CODE.length + NATIONAL_DIGITS && digits.startsWith(COUNTRY_CODE)
        ? digits.slice(COUNTRY_CODE.length)
        : digits;
  }
  if (national.length !== NATIONAL_DIGITS) {
    throw invalid('phone', 'PHONE_LENGTH', 'ids.phone.length', { count: national.length }, HINT);
  }
  const value = `+${COUNTRY_CODE}${national}`;
  const code = national.slice(0, 2);
  const parsed = lp.parsePhoneNumberFromString(value, metadata);
  if (!parsed?.isValid())
    throw invalid('phone', 'PHONE_INVALID', 'ids.phone.invalid', { number: value, code }, HINT);
  if (options.mobile && !lp.parsePhoneNumberFromString(value, mobile())?.isValid()) {
    throw invalid('phone', 'PHONE_NOT_MOBILE', 'ids.phone.notMobile', { number: value, code }, HINT);
  }
  return { value, national: parsed.formatNational(), code };
}

export function isValidPhone(input: unknown, options: PhoneOptions = {}): boolean {
  try {
    parsePhone(input, options);
    return true;
  } catch {
    return false;
  }
}
