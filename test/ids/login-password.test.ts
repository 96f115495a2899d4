// Login and password rules of the registration form.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';

import { InvalidIdentifierError } from '../../src/lib/errors/index.js';
import { t } from '../../src/lib/i18n/index.js';
import {
  assertPasswordAcceptable,
  isValidLogin,
  parseLogin,
  passwordProblems,
} from '../../src/lib/ids/index.js';

function fault(fn: () => unknown): InvalidIdentifierError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InvalidIdentifierError, `expected InvalidIdentifierError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected an InvalidIdentifierError');
}

describe('ids: login', () => {
  it('accepts 5-32 Latin letters, digits, . _ - starting with a letter; lower-cases', () => {
    assert.deepEqual(parseLogin('Alisher.K_90-x'), { value: 'alisher.k_90-x' });
    assert.equal(parseLogin('  abcde ').value, 'abcde');
    assert.ok(isValidLogin('a'.repeat(32)));
  });

  it('names the fault', () => {
    let e = fault(() => parseLogin('abcd'));
    assert.equal(e.code, 'LOGIN_TOO_SHORT');
    assert.match(e.message, /at least 5 characters, but this one has 4/);
    assert.match(t(e.key, e.params, 'ru'), /не меньше 5 символов, а в этом: 4/);
    e = fault(() => parseLogin('a'.repeat(33)));
    assert.equal(e.code, 'LOGIN_TOO_LONG');
    e = fault(() => parseLogin('1alisher'));
    assert.equal(e.code, 'LOGIN_FIRST_CHAR');
    assert.match(e.message, /not “1”/);
    e = fault(() => parseLogin('ali sher'));
    assert.equal(e.code, 'LOGIN_CHARACTER');
    assert.match(e.message, /Character 4 of the login, “ ”/);
    e = fault(() => parseLogin('alishеr')); // Cyrillic е
    assert.deepEqual([e.code, e.params.position, e.params.char], ['LOGIN_CHARACTER', 6, 'е']);
    assert.match(t(e.key, e.params, 'uz'), /Loginning 6-belgisi «е» ruxsat etilmagan/);
  });

  it('accepts exactly ^[A-Za-z][A-Za-z0-9._-]{4,31}$ after trimming (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^[A-Za-z][\w.-]{3,33}$/), fc.string({ maxLength: 40 })),
        (s) => {
          assert.equal(isValidLogin(s), /^[A-Za-z][A-Za-z0-9._-]{4,31}$/.test(s.trim()), JSON.stringify(s));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('ids: password', () => {
  it('needs at least 8 characters including a special one, and says what is missing', () => {
    assert.deepEqual(passwordProblems('Secret#1'), []);
    assert.deepEqual(passwordProblems('Sécret 1!'), []);
    assert.deepEqual(passwordProblems('Sec#1'), ['length']);
    assert.deepEqual(passwordProblems('Secret12'), ['special']);
    assert.deepEqual(passwordProblems('Secret 12'), ['special'], 'a space is not a special character');
    assert.deepEqual(passwordProblems('abc'), ['length', 'special']);
    assert.deepEqual(passwordProblems('Пароль2024'), ['special'], 'letters of any script are letters');
    assert.doesNotThrow(() => assertPasswordAcceptable('Secret#1'));

    const cases: Array<[string, string, RegExp]> = [
      ['Sec#1', 'PASSWORD_TOO_SHORT', /too short: it needs at least 8 characters/],
      ['Secret12', 'PASSWORD_NO_SPECIAL', /at least one special character/],
      ['abc', 'PASSWORD_WEAK', /at least 8 characters and at least one special character/],
    ];
    for (const [pw, code, message] of cases) {
      const e = fault(() => assertPasswordAcceptable(pw));
      assert.equal(e.code, code);
      assert.match(e.message, message);
      assert.ok(
        !e.message.includes(pw) && !JSON.stringify(e.params).includes(pw),
        'the password is never echoed',
      );
      for (const lang of ['ru', 'uz'] as const) assert.doesNotMatch(t(e.key, e.params, lang), /\{\w+\}/);
    }
    assert.deepEqual(fault(() => assertPasswordAcceptable('abc')).data?.missing, ['length', 'special']);
  });
});
