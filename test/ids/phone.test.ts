// Uzbek phone numbers through libphonenumber-js metadata, normalised to E.164.
import { strict as assert } from 'node:assert';

import { InvalidIdentifierError } from '../../src/lib/errors/index.js';
import { t } from '../../src/lib/i18n/index.js';
import { isValidPhone, parsePhone } from '../../src/lib/ids/index.js';

function fault(fn: () => unknown): InvalidIdentifierError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InvalidIdentifierError, `expected InvalidIdentifierError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an InvalidIdentifierError');
}

describe('ids: phone', () => {
  it('accepts the common spellings and normalises to E.164', () => {
    for (const s of [
      '90 123 45 67',
      '901234567',
      '+998 (90) 123-45-67',
      '+998901234567',
      '998901234567',
      '00998 90 123 45 67',
      '(90) 123.45.67',
    ]) {
      assert.deepEqual(parsePhone(s), { value: '+998901234567', national: '90 123 45 67', code: '90' }, s);
    }
  });

  it('rejects another country, naming its code', () => {
    const e = fault(() => parsePhone('+7 916 123 45 67'));
    assert.equal(e.code, 'PHONE_COUNTRY');
    assert.equal(e.params.code, '7');
    assert.match(e.message, /country code \+7\b/);
    assert.match(t(e.key, e.params, 'ru'), /код страны \+7/);
  });

  it('counts the digits after +998', () => {
    let e = fault(() => parsePhone('+998 90 123 45 6'));
    assert.equal(e.code, 'PHONE_LENGTH');
    assert.match(e.message, /but 8 were given/);
    e = fault(() => parsePhone('90 123 45 678'));
    assert.equal(e.params.count, 10);
    assert.match(t(e.key, e.params, 'uz'), /kiritilgani: 10/);
  });

  it('rejects a code not in use, per the library metadata', () => {
    const e = fault(() => parsePhone('+998 10 123 45 67'));
    assert.equal(e.code, 'PHONE_INVALID');
    assert.deepEqual([e.params.number, e.params.code], ['+998101234567', '10']);
  });

  it('tells landlines from mobiles when a mobile number is required', () => {
    assert.equal(
      parsePhone('+998 71 123 45 67').value,
      '+998711234567',
      'Tashkent landline is a valid number',
    );
    const e = fault(() => parsePhone('+998 71 123 45 67', { mobile: true }));
    assert.equal(e.code, 'PHONE_NOT_MOBILE');
    assert.match(t(e.key, e.params, 'ru'), /стационарный \(код 71\)/);
    for (const code of ['33', '50', '77', '88', '90', '91', '93', '94', '95', '97', '98', '99']) {
      assert.ok(isValidPhone(`+998 ${code} 123 45 67`, { mobile: true }), code);
    }
  });

  it('rejects what is not a phone number, quoting at most 40 characters', () => {
    for (const s of ['', 'abc', '+', '90 123 45 67 ext 5', '++998901234567']) {
      assert.equal(fault(() => parsePhone(s)).code, 'PHONE_NOT_A_NUMBER', s);
    }
    const e = fault(() => parsePhone('x'.repeat(100)));
    assert.equal(String(e.params.input).length, 41);
    assert.equal(fault(() => parsePhone({ number: '+998901234567' })).code, 'PHONE_NOT_A_NUMBER');
  });
});
