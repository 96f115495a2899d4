// The register wizard's answers and retry rules, in the library (src/lib/account/register-dialog.ts),
// driven through a fake terminal: what is asked, what is asked again after a refusal, and what a
// script must give before anything is sent.
import { strict as assert } from 'node:assert';

import {
  prepareRegistration,
  registerDialog,
  type RegisterGiven,
  type RegisterIO,
} from '../../src/lib/account/index.js';
import { PortalRefusedError, UsageError } from '../../src/lib/errors/index.js';
import { PortalHttp } from '../../src/lib/portal/index.js';

const PINFL = '41604714357530';
const PERSON = { address: null } as never;

function fakeIO(given: Partial<RegisterGiven>, answers: string[], interactive = true) {
  const asked: string[] = [];
  const secrets: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    const a = answers.shift();
    if (a === undefined) throw new Error(`unexpected question: ${message}`);
    return a;
  };
  const io: RegisterIO = {
    given: { stdin: [], ...given },
    interactive,
    asker: {
      input: async (o) => next(o.message),
      password: async (o) => next(o.message),
      confirm: async (o) => next(o.message) === 'y',
    },
    valueOrAsk: async (value, input, ask) => {
      if (value !== undefined) return value;
      if (!interactive)
        throw new UsageError('MISSING_INPUT', 'cli.error.missingInput', {
          params: { flag: `--${input.flag}` },
        });
      return ask(io.asker);
    },
    secret: async (name) => {
      secrets.push(name);
      if (name === 'password') return { value: 'Secret-pass1', source: 'file' };
      if (!interactive) throw new UsageError('SECRET_MISSING', 'cli.error.secretMissing');
      return { value: next(name), source: 'prompt' };
    },
    secretGiven: (name) => name === 'password',
    pickKey: async () => next('key'),
    openKey: async () => assert.fail('no key in these tests'),
    note: () => undefined,
    problem: () => undefined,
    heading: () => undefined,
  };
  return { io, asked, secrets };
}

const http = new PortalHttp({ baseUrl: 'http://127.0.0.1:9' });

describe('account: the register wizard’s answers and retries (library)', () => {
  it('after IDENTITY_NOT_FOUND only the PINFL and the passport are asked again', async () => {
    const { io, asked } = fakeIO({}, [PINFL, 'AA1234567', PINFL, 'AA7654321']);
    const d = registerDialog(http, io);
    assert.deepEqual(await d.identity(), { pinfl: PINFL, passport: 'AA1234567' });
    d.onRetry!(new PortalRefusedError('IDENTITY_NOT_FOUND', 'account.refused.identityNotFound'));
    assert.deepEqual(await d.identity(), { pinfl: PINFL, passport: 'AA7654321' });
    assert.equal(asked.length, 4);
  });

  it('after LOGIN_TAKEN only the login is asked again; the password from its file is not read twice', async () => {
    const { io, asked, secrets } = fakeIO(
      { email: 'a@example.uz', phone: '+998901234567', actualAddress: '' },
      ['taken01', 'other01'],
    );
    const d = registerDialog(http, io);
    assert.equal((await d.contacts(PERSON)).login, 'taken01');
    d.onRetry!(new PortalRefusedError('LOGIN_TAKEN', 'account.refused.loginTaken'));
    const again = await d.contacts(PERSON);
    assert.deepEqual([again.login, again.email, again.password], ['other01', 'a@example.uz', 'Secret-pass1']);
    assert.equal(asked.length, 2);
    assert.deepEqual(secrets, ['password']);
  });

  it('a script cannot retry, and must give every answer and a code source before anything is sent', async () => {
    const full: Partial<RegisterGiven> = {
      acceptOffer: true,
      pinfl: PINFL,
      passport: 'AA1234567',
      yes: true,
      login: 'munisa01',
      email: 'm@example.uz',
      phone: '+998901234567',
    };
    assert.equal(registerDialog(http, fakeIO(full, [], false).io).canRetry, false);
    await assert.rejects(prepareRegistration(fakeIO(full, [], false).io), { code: 'SECRET_MISSING' });
    await assert.rejects(prepareRegistration(fakeIO({ ...full, yes: false }, [], false).io), {
      code: 'MISSING_INPUT',
      message: /--yes/,
    });
    // On a terminal the same run asks later instead.
    assert.deepEqual(await prepareRegistration(fakeIO({ ...full, yes: false }, [], true).io), {
      password: 'Secret-pass1',
    });
  });
});
