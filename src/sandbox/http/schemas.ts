/**
 * JSON Schema fragments shared by the routes (and so by the OpenAPI document). Formats are kept
 * loose here (type + length) where a handler gives a more specific error code for a bad value,
 * e.g. PINFL_INVALID rather than a generic VALIDATION.
 */
export const str = (maxLength: number, extra: Record<string, unknown> = {}) =>
  ({ type: 'string', maxLength, ...extra }) as const;

export const PINFL = str(32, {
  description: '14 digits with check digit (REFERENCES.md §6)',
  examples: ['30101955010013'],
});
export const TIN = str(32, { description: '9 digits; legal entities start with 2' });
export const PASSPORT = str(32, { description: 'series and number, `^[A-Z]{2}\\d{7}$`' });
export const PHONE = str(32, { description: '`+998` and 9 digits' });
export const SMS_CODE = str(16, { description: 'the 6-digit code from the SMS' });
export const B64 = (max: number, description: string) => str(max, { description });

export const idParams = (description: string) =>
  ({
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: { id: str(64, { description }) },
  }) as const;

export const obj = (properties: Record<string, unknown>, required: string[] = []) =>
  ({ type: 'object', additionalProperties: false, required, properties }) as const;

export const OK = obj({ status: { type: 'string', const: 'ok' } }, ['status']);
