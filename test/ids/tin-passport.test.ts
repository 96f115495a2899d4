// TIN (STIR) and passport / ID card numbers.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';

import { InvalidIdentifierError } from '../../src/lib/errors/index.js';
import { t } from '../../src/lib/i18n/index.js';
import { isValidPassport, isValidTin, parsePassport, parseTin } from '../../src/lib/ids/index.js';

function fault(fn: () => unknown): InvalidIdentifierError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InvalidIdentifierError, `expected InvalidIdentifierError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an InvalidIdentifierError');
}

describe('ids: TIN (STIR)', () => {
  it('tells legal entities (2…) from individuals (4…-7…)', () => {
    assert.deepEqual(parseTin('201234567'), { value: '201234567', kind: 'legal' });
    for (const d of ['4', '5', '6', '7']) assert.equal(parseTin(`${d}01234567`).kind, 'individual');
    assert.equal(parseTin(' 301 234 567 '.replace('3', '2')).value, '201234567');
    assert.equal(parseTin(201234567).value, '201234567', 'a JSON number is read as its digits');
  });

  it('names the fault: length, non-digit, first digit', () => {
    let e = fault(() => parseTin('20123456'));
    assert.equal(e.code, 'TIN_LENGTH');
    assert.match(e.message, /9 digits, but 8 characters/);
    assert.match(t(e.key, e.params, 'ru'), /ИНН \(СТИР\) 9 цифр, а введено символов: 8/);
    e = fault(() => parseTin('20123456O'));
    assert.equal(e.code, 'TIN_NOT_DIGIT');
    assert.match(e.message, /Character 9 of the TIN is “O”/);
    for (const d of ['0', '1', '3', '8', '9']) {
      e = fault(() => parseTin(`${d}01234567`));
      assert.equal(e.code, 'TIN_FIRST_DIGIT');
      assert.match(
        e.message,
        new RegExp(`Digit 1 of the TIN is ${d}, but it must be 2 \\(legal entity\\) or 4–7`),
      );
      assert.match(t(e.key, e.params, 'uz'), /STIRning birinchi raqami/);
    }
  });

  it('accepts exactly ^[24-7]\\d{8}$ (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^\d{9}$/), fc.string({ maxLength: 12 })), (s) => {
        assert.equal(isValidTin(s), /^[24-7]\d{8}$/.test(s.replace(/\s+/g, '')), JSON.stringify(s));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('ids: passport / ID card', () => {
  it('normalises case, spaces, dashes and Cyrillic look-alike letters', () => {
    assert.deepEqual(parsePassport('AA1234567'), { value: 'AA1234567', series: 'AA', number: '1234567' });
    assert.equal(parsePassport(' ab 123 45 67 ').value, 'AB1234567');
    assert.equal(parsePassport('ad-1234567').value, 'AD1234567');
    assert.equal(parsePassport('АС1234567').value, 'AC1234567', 'Cyrillic А and С');
  });

  it('names the fault: length, series, number', () => {
    let e = fault(() => parsePassport('AA123456'));
    assert.equal(e.code, 'PASSPORT_LENGTH');
    assert.match(e.message, /but 8 were given/);
    e = fault(() => parsePassport('A11234567'));
    assert.equal(e.code, 'PASSPORT_SERIES');
    assert.match(e.message, /series “A1” must be 2 Latin letters/);
    e = fault(() => parsePassport('ЯЯ1234567'));
    assert.equal(e.code, 'PASSPORT_SERIES');
    assert.match(t(e.key, e.params, 'ru'), /Серия «ЯЯ» должна состоять из 2 латинских букв/);
    e = fault(() => parsePassport('AA12345G7'));
    assert.equal(e.code, 'PASSPORT_NUMBER');
    assert.match(t(e.key, e.params, 'uz'), /«12345G7» emas/);
    assert.equal(e.hintKey, 'ids.passport.hint');
  });

  it('accepts exactly two letters and seven digits after normalising (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^[A-Za-z]{2}\d{7}$/), fc.string({ maxLength: 12 }), fc.anything()),
        (s) => {
          const ok = typeof s === 'string' && /^[A-Z]{2}\d{7}$/.test(s.replace(/[\s-]+/g, '').toUpperCase());
          const cyrillic = typeof s === 'string' && /[АВЕКМНОРСТХ]/i.test(s);
          if (!cyrillic) assert.equal(isValidPassport(s), ok, JSON.stringify(s));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
