// PINFL: structure, birth date, check digit; messages that name the fault; property tests.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';

import { InvalidIdentifierError } from '../../src/lib/errors/index.js';
import { t } from '../../src/lib/i18n/index.js';
import { isValidPinfl, makePinfl, parsePinfl, pinflCheckDigit } from '../../src/lib/ids/index.js';

const NOW = new Date(2026, 0, 15);

/** Catch the InvalidIdentifierError `fn` throws (fails the test if it throws nothing or another kind). */
function fault(fn: () => unknown): InvalidIdentifierError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InvalidIdentifierError, `expected InvalidIdentifierError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an InvalidIdentifierError');
}

// Worked by hand: 3 150390 001 002 · weights 7 3 1 … = 21+3+5+0+9+9+0+0+0+7+0+0+14 = 68 → 8.
const VALID = '31503900010028';

const parts = fc.record({
  sex: fc.constantFrom('male' as const, 'female' as const),
  birthDate: fc.date({
    min: new Date('1800-01-01T00:00:00Z'),
    max: new Date('2025-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
  district: fc.integer({ min: 1, max: 999 }),
  serial: fc.integer({ min: 1, max: 999 }),
});
const validPinfl = parts.map((p) => makePinfl(p));

describe('ids: PINFL', () => {
  it('parses a valid PINFL into sex, birth date, district and serial', () => {
    assert.deepEqual(parsePinfl(VALID, { now: NOW }), {
      value: VALID,
      sex: 'male',
      birthDate: '1990-03-15',
      district: '001',
      serial: '002',
    });
    assert.equal(pinflCheckDigit(VALID.slice(0, 13)), 8);
    assert.equal(parsePinfl(' 3150 3900 0100 28 ', { now: NOW }).value, VALID, 'white space is ignored');
  });

  it('reads digit 1 as century and sex: 1-2 → 1800s, 3-4 → 1900s, 5-6 → 2000s, odd = male', () => {
    const cases: Array<[string, 'male' | 'female', string]> = [
      ['1', 'male', '1890'],
      ['2', 'female', '1890'],
      ['3', 'male', '1990'],
      ['4', 'female', '1990'],
      ['5', 'male', '2090'],
      ['6', 'female', '2090'],
    ];
    for (const [d, sex, year] of cases) {
      const first13 = `${d}010190123456`.slice(0, 13);
      const p = parsePinfl(`${first13}${pinflCheckDigit(first13)}`, { now: new Date(2095, 0, 1) });
      assert.equal(p.sex, sex);
      assert.equal(p.birthDate, `${year}-01-01`);
    }
  });

  it('names the wrong check digit: "digit 14 should be 8"', () => {
    const e = fault(() => parsePinfl('31503900010023', { now: NOW }));
    assert.equal(e.code, 'PINFL_CHECK_DIGIT');
    assert.deepEqual([e.params.expected, e.params.actual], [8, 3]);
    assert.match(e.message, /Digit 14 of the PINFL should be 8, not 3/);
    assert.match(t(e.key, e.params, 'ru'), /14-я цифра ПИНФЛ должна быть 8, а не 3/);
    assert.match(t(e.key, e.params, 'uz'), /JSHSHIRning 14-raqami 3 emas, 8 bo‘lishi kerak/);
    assert.equal(e.data?.identifier, 'pinfl');
    assert.equal(e.hintKey, 'ids.pinfl.hint');
  });

  it('rejects a birth date that does not exist, naming it: "31.02.90"', () => {
    const first13 = '3310290001002';
    const e = fault(() => parsePinfl(`${first13}${pinflCheckDigit(first13)}`, { now: NOW }));
    assert.equal(e.code, 'PINFL_BIRTH_DATE');
    assert.match(e.message, /birth date 31\.02\.90 .* does not exist/);
    assert.match(t(e.key, e.params, 'ru'), /Даты рождения 31\.02\.90 .* не существует/);
    // 29 February: exists in 1996 and 2000, not in 1900 (century rule) or 1997.
    const feb29 = (d: string, yy: string) => {
      const f = `${d}2902${yy}0010020`.slice(0, 13);
      return `${f}${pinflCheckDigit(f)}`;
    };
    assert.equal(parsePinfl(feb29('3', '96'), { now: NOW }).birthDate, '1996-02-29');
    assert.equal(parsePinfl(feb29('5', '00'), { now: NOW }).birthDate, '2000-02-29');
    assert.equal(fault(() => parsePinfl(feb29('3', '00'), { now: NOW })).code, 'PINFL_BIRTH_DATE');
    assert.equal(fault(() => parsePinfl(feb29('3', '97'), { now: NOW })).code, 'PINFL_BIRTH_DATE');
  });

  it('rejects a birth date in the future', () => {
    const f = '5010130001002'; // 01.01.2030
    const e = fault(() => parsePinfl(`${f}${pinflCheckDigit(f)}`, { now: NOW }));
    assert.equal(e.code, 'PINFL_BIRTH_DATE_FUTURE');
    assert.match(e.message, /01\.01\.30/);
  });

  it('names each structural fault', () => {
    const withCheck = (f: string) => `${f}${pinflCheckDigit(f)}`;
    const cases: Array<[unknown, string, RegExp]> = [
      ['3150390001002', 'PINFL_LENGTH', /14 digits, but 13 characters/],
      ['', 'PINFL_LENGTH', /but 0 characters/],
      [undefined, 'PINFL_LENGTH', /but 0 characters/],
      ['3150390001002X', 'PINFL_NOT_DIGIT', /Character 14 of the PINFL is “X”/],
      ['31503９0001002８', 'PINFL_NOT_DIGIT', /Character 6 .* “９”/],
      [withCheck('0150390001002'), 'PINFL_CENTURY', /Digit 1 of the PINFL is 0/],
      [withCheck('7150390001002'), 'PINFL_CENTURY', /Digit 1 of the PINFL is 7/],
      [withCheck('3150390000002'), 'PINFL_DISTRICT', /district code .* not 000/],
      [withCheck('3150390001000'), 'PINFL_SERIAL', /serial number .* not 000/],
      [withCheck('3000190001002'), 'PINFL_BIRTH_DATE', /00\.01\.90/],
      [withCheck('3151390001002'), 'PINFL_BIRTH_DATE', /15\.13\.90/],
    ];
    for (const [input, code, message] of cases) {
      const e = fault(() => parsePinfl(input, { now: NOW }));
      assert.equal(e.code, code, String(input));
      assert.match(e.message, message);
      for (const lang of ['ru', 'uz'] as const) assert.doesNotMatch(t(e.key, e.params, lang), /\{\w+\}/);
    }
  });

  it('makePinfl builds what parsePinfl reads back (property)', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const parsed = parsePinfl(makePinfl(p), { now: NOW });
        assert.equal(parsed.sex, p.sex);
        assert.equal(parsed.birthDate, p.birthDate.toISOString().slice(0, 10));
        assert.equal(Number(parsed.district), p.district);
        assert.equal(Number(parsed.serial), p.serial);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects any valid PINFL with one digit changed (property)', () => {
    fc.assert(
      fc.property(
        validPinfl,
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1, max: 9 }),
        (v, i, delta) => {
          const changed = `${v.slice(0, i)}${(Number(v[i]) + delta) % 10}${v.slice(i + 1)}`;
          assert.equal(isValidPinfl(changed, { now: NOW }), false, `${v} → ${changed}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a changed digit among the first 13 is caught by the check digit alone (property)', () => {
    // Weights 7, 3, 1 are all prime to 10, so any single substitution changes the sum mod 10.
    fc.assert(
      fc.property(
        validPinfl,
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (v, i, delta) => {
          const first13 = `${v.slice(0, i)}${(Number(v[i]) + delta) % 10}${v.slice(i + 1, 13)}`;
          assert.notEqual(pinflCheckDigit(first13), Number(v[13]));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('detects a swap of two digits exactly when (wᵢ − wⱼ)(a − b) ≢ 0 mod 10 (property)', () => {
    const w = (k: number) => [7, 3, 1][k % 3]!;
    fc.assert(
      fc.property(validPinfl, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), (v, i, j) => {
        const d = [...v.slice(0, 13)];
        [d[i], d[j]] = [d[j]!, d[i]!];
        const detected = ((((w(i) - w(j)) * (Number(v[i]) - Number(v[j]))) % 10) + 10) % 10 !== 0;
        assert.equal(pinflCheckDigit(d.join('')) !== Number(v[13]), detected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never crashes on arbitrary input: a result or an InvalidIdentifierError (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{14}$/), fc.anything()), (input) => {
        try {
          const p = parsePinfl(input, { now: NOW });
          assert.match(p.value, /^[1-6]\d{13}$/);
        } catch (e) {
          assert.ok(e instanceof InvalidIdentifierError, String(e));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('makePinfl validates its parts with the same messages', () => {
    const base = { sex: 'female' as const, birthDate: '1990-03-15', district: 1, serial: 2 };
    assert.equal(makePinfl(base), `4150390001002${pinflCheckDigit('4150390001002')}`);
    assert.equal(makePinfl({ ...base, birthDate: new Date(Date.UTC(2001, 11, 31)) }).slice(0, 7), '6311201');
    assert.equal(fault(() => makePinfl({ ...base, birthDate: '1990-02-30' })).code, 'PINFL_BIRTH_DATE');
    assert.equal(fault(() => makePinfl({ ...base, birthDate: '1799-12-31' })).code, 'PINFL_YEAR_RANGE');
    assert.equal(fault(() => makePinfl({ ...base, birthDate: 'yesterday' })).code, 'PINFL_YEAR_RANGE');
    assert.equal(fault(() => makePinfl({ ...base, district: 0 })).code, 'PINFL_DISTRICT');
    assert.equal(fault(() => makePinfl({ ...base, serial: 1000 })).code, 'PINFL_SERIAL');
    assert.equal(fault(() => pinflCheckDigit('123')).code, 'PINFL_LENGTH');
  });
});
