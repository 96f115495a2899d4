// Issue 17 from the command line: `account passwd` and `account recover` (every session of the
// account ends, here too), a command that needs a company role says which (exit 3), the
// portal's region list checks --region/--district before anything is sent (exit 2), and the
// messages in Russian and Uzbek.
import { strict as assert } from 'node:assert';

import { tempConfigDir } from '../helpers/cli.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import {
  cli,
  freshLogin,
  inProcess,
  freshPhone,
  PASSWORD,
  People,
  registerArgs,
  registry,
  secretFile,
  smsFeed,
} from './helpers.js';

const NEW_PASSWORD = 'Brand-new-pass#3';

describe('account: passwd, recover, roles and regions (CLI)', function () {
  let sb: SandboxHandle;
  let people: People;
  const S = ['--insecure-storage'];
  const passwordFile = secretFile(PASSWORD);
  const newPasswordFile = secretFile(NEW_PASSWORD);

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true });
    people = new People(await registry(sb));
  });
  after(async () => sb?.stop());

  async function registered(env: Record<string, string>) {
    const p = people.citizen();
    const login = freshLogin('pw');
    const phone = freshPhone();
    const r = await cli([...registerArgs(p, login, phone, passwordFile), '--json'], {
      env,
      feed: await smsFeed(sb, phone),
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    return { p, login, phone };
  }

  it('passwd: the portal ends every session and this computer forgets its own', async () => {
    const env = { ONEID_PORTAL: sb.url, ONEID_CONFIG_DIR: tempConfigDir() };
    const other = { ...env, ONEID_PROFILE: 'work' };
    const { login } = await registered(env);
    for (const e of [env, other])
      assert.equal((await cli(['login', login, '--password-file', passwordFile, ...S], { env: e })).code, 0);
    const wrong = await cli(
      [
        'account',
        'passwd',
        '--password-file',
        newPasswordFile,
        '--new-password-file',
        passwordFile,
        ...S,
        '--json',
      ],
      { env },
    );
    assert.equal(wrong.code, 8, wrong.stdout);
    assert.equal(wrong.json.error.code, 'PASSWORD_WRONG');
    const r = await cli(
      [
        'account',
        'passwd',
        '--password-file',
        passwordFile,
        '--new-password-file',
        newPasswordFile,
        ...S,
        '--json',
      ],
      { env },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(r.json.result, { login, sessionsEnded: 2, localSessionsRemoved: 2 });
    for (const e of [env, other]) {
      const who = await cli(['whoami', ...S, '--json'], { env: e });
      assert.equal(who.code, 3);
      assert.equal(who.json.error.code, 'NOT_LOGGED_IN');
    }
    const li = await cli(['login', login, '--password-file', newPasswordFile, ...S], { env });
    assert.equal(li.code, 0, li.stdout + li.stderr);
  });

  it('recover: a mismatch sends no SMS and fails like a wrong code; a match tells the login (ru, uz)', async () => {
    const env = { ONEID_PORTAL: sb.url, ONEID_CONFIG_DIR: tempConfigDir() };
    const { p, login, phone } = await registered(env);
    assert.equal((await cli(['login', login, '--password-file', passwordFile, ...S], { env })).code, 0);
    const stranger = people.citizen();
    const before = await sb.lastSms(phone);
    const codeFile = secretFile('123456');
    const args = (passport: string) => [
      'account',
      'recover',
      '--pinfl',
      p.pinfl,
      '--passport',
      passport,
      '--new-password-file',
      newPasswordFile,
      '--sms-code-file',
      codeFile,
      ...S,
      '--json',
    ];
    const mismatch = await cli(args(stranger.passport), { env });
    assert.equal(mismatch.code, 8, mismatch.stdout);
    assert.equal(mismatch.json.error.code, 'SMS_CODE_INVALID');
    assert.equal(await sb.lastSms(phone), before, 'no SMS for a wrong passport');

    const r = await cli(
      [
        'account',
        'recover',
        '--pinfl',
        p.pinfl,
        '--passport',
        p.passport,
        '--new-password-file',
        newPasswordFile,
        '--sms-code-stdin',
        ...S,
        '--lang',
        'ru',
      ],
      { env, feed: await smsFeed(sb, phone) },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`Пароль изменён\\. Ваш логин: ${login}`));
    assert.match(
      r.stderr,
      /Если ПИНФЛ и паспорт соответствуют учётной записи, на её телефон отправлен SMS-код/,
    );
    assert.equal((await cli(['whoami', ...S], { env })).code, 3, 'the session here is gone too');
    const li = await cli(['login', login, '--password-file', newPasswordFile, ...S, '--json'], { env });
    assert.equal(li.code, 0, li.stdout + li.stderr);
    const none = await cli(['account', 'recover', '--pinfl', p.pinfl, '--passport', p.passport], {
      env: { ...env, ONEID_LANG: 'uz' },
    });
    assert.equal(none.code, 2, 'without a terminal the new password and the code need sources');
  });

  it('the recover wizard asks how, then PINFL, passport, the new password twice, and the code', async () => {
    const env = { ONEID_PORTAL: sb.url, ONEID_CONFIG_DIR: tempConfigDir() };
    const { p } = await registered(env);
    const r = await inProcess(['account', 'recover', '--insecure-storage'], {
      env,
      answers: ['PINFL and passport', p.pinfl, p.passport, NEW_PASSWORD, NEW_PASSWORD, '000000'],
    });
    // 000000 is (almost surely) not the code that was sent: the wizard got as far as the code.
    assert.equal(r.code, 8, r.stderr);
    assert.match(r.stderr, /The SMS code is wrong/);
    assert.equal(r.asked.length, 6, r.asked.join(' | '));
    assert.match(r.asked[0]!, /How do you prove who you are\?/);
    assert.match(r.asked[5]!, /SMS/i);
  });

  it('a command that needs a company role says which one (exit 3), in the user language', async () => {
    const env = { ONEID_PORTAL: sb.url, ONEID_CONFIG_DIR: tempConfigDir() };
    const { login } = await registered(env);
    assert.equal((await cli(['login', login, '--password-file', passwordFile, ...S], { env })).code, 0);
    const show = await cli(['le', 'show', ...S, '--json'], { env });
    assert.equal(show.code, 3);
    assert.equal(show.json.error.code, 'ROLE_REQUIRED');
    const add = await cli(['le', 'employees', 'add', people.citizen().pinfl, '--role', 'accountant', ...S], {
      env: { ...env, ONEID_LANG: 'ru' },
    });
    assert.equal(add.code, 3);
    assert.match(add.stderr, /нужна роль организации «Common For Head»; сессия действует как individual/);
    const badRole = await cli(['le', 'employees', 'add', people.citizen().pinfl, '--role', 'boss', ...S], {
      env,
    });
    assert.equal(badRole.code, 2);
  });

  it('register --region/--district: checked against the portal list before anything is sent (exit 2)', async () => {
    const env = { ONEID_PORTAL: sb.url, ONEID_CONFIG_DIR: tempConfigDir() };
    const p = people.citizen();
    const phone = freshPhone();
    const before = await sb.lastSms(phone);
    const base = registerArgs(p, freshLogin('reg'), phone, passwordFile).filter(
      (a) => a !== '--sms-code-stdin',
    );
    const r = await cli(
      [
        ...base,
        '--sms-code-file',
        secretFile('000000'),
        '--region',
        'Toshkent shahri',
        '--district',
        'Urgut',
        '--json',
      ],
      {
        env,
      },
    );
    assert.equal(r.code, 2, r.stdout);
    assert.equal(r.json.error.code, 'DISTRICT_UNKNOWN');
    assert.match(r.json.error.message, /Chilonzor tumani/);
    const status = await sb.request('GET', '/api/v1/sandbox/status');
    assert.equal(await sb.lastSms(phone), before);
    assert.ok(status.status === 200);
    const apply = await cli(
      [
        'key',
        'apply',
        '--pinfl',
        p.pinfl,
        '--phone',
        p.phone,
        '--region',
        '9999',
        '--photo',
        'x',
        '--selfie',
        'y',
        '--json',
      ],
      { env },
    );
    assert.equal(apply.code, 2, apply.stdout);
    assert.equal(apply.json.error.code, 'REGION_UNKNOWN');
  });
});
