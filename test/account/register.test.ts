// `oneid register` against a sandbox portal: the scripted wizard as a process (the SMS code piped on
// stdin once the SMS exists), a real terminal (tmux), and every documented refusal with its exit
// code and message (in-process, through the command context).
import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';

import { DB_FILE } from '../../src/lib/sandbox-contract/index.js';
import { tempConfigDir } from '../helpers/cli.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { hasTmux, Terminal } from './tmux.js';
import {
  cli,
  freshLogin,
  inProcess,
  freshPhone,
  issueKey,
  KEY_PASSWORD,
  nextSmsCode,
  PASSWORD,
  People,
  registerArgs,
  registry,
  secretFile,
  smsFeed,
} from './helpers.js';

describe('account: oneid register (CLI against the sandbox)', function () {
  let sb: SandboxHandle;
  let people: People;
  let env: Record<string, string>;
  const passwordFile = secretFile(PASSWORD);

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true });
    people = new People(await registry(sb));
    env = { ONEID_PORTAL: sb.url };
  });
  after(async () => sb?.stop());

  it('registers by passport from flags; the SMS code arrives on stdin; the account is unverified', async () => {
    const p = people.citizen();
    const login = freshLogin('reg');
    const phone = freshPhone();
    const r = await cli([...registerArgs(p, login, phone, passwordFile), '--json'], {
      env,
      feed: await smsFeed(sb, phone),
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const res = r.json.result;
    assert.equal(res.account.login, login);
    assert.equal(res.account.status, 'unverified');
    assert.equal(res.method, 'passport');
    assert.match(res.account.pinfl, /^\d{2}\*{10}\d{2}$/);
    assert.equal(res.account.pinfl.slice(-2), p.pinfl.slice(-2));
    assert.ok(res.fullName.startsWith(p.surname));
    assert.ok(res.next.some((c: string) => c.startsWith('oneid verify-account')));
    // The password never shows anywhere.
    assert.ok(!r.stdout.includes(PASSWORD) && !r.stderr.includes(PASSWORD));
    // The portal agrees: the new login signs in.
    const s = await sb.request('POST', '/api/v1/auth/login', { login, password: PASSWORD });
    assert.equal(s.status, 200);
    assert.equal(s.body.accountStatus, 'unverified');
  });

  it('shows the registry data and the next step in Russian, with the portal word for the status', async () => {
    const p = people.citizen();
    const login = freshLogin('ru');
    const phone = freshPhone();
    const r = await cli([...registerArgs(p, login, phone, passwordFile), '--lang', 'ru'], {
      env,
      feed: await smsFeed(sb, phone),
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Учётная запись ${login} зарегистрирована\\. Статус: неподлинный\\.`));
    assert.match(r.stderr, /Ваши данные в реестре населения:/);
    assert.match(r.stderr, new RegExp(`Фамилия\\s+${p.surname}`));
    assert.match(r.stderr, /oneid verify-account/);
  });

  it('wrong SMS code: exit 8, SMS_CODE_INVALID with the attempts left, no account', async () => {
    const p = people.citizen();
    const login = freshLogin('sms');
    const phone = freshPhone();
    const wrong = (c: string) => String((Number(c) + 1) % 1_000_000).padStart(6, '0');
    const r = await cli([...registerArgs(p, login, phone, passwordFile), '--json'], {
      env,
      feed: await smsFeed(sb, phone, wrong),
    });
    assert.equal(r.code, 8, r.stdout + r.stderr);
    assert.equal(r.json.error.code, 'SMS_CODE_INVALID');
    assert.match(r.json.error.message, /The SMS code is wrong \(\d+ attempts left\)/);
    assert.equal((await sb.request('POST', '/api/v1/auth/login', { login, password: PASSWORD })).status, 401);
  });

  it('expired passport: exit 8, PASSPORT_EXPIRED with what to do', async () => {
    const p = people.expiredPassport();
    const r = await inProcess(registerArgs(p, freshLogin('exp'), freshPhone(), passwordFile), { env });
    assert.equal(r.code, 8, r.stderr);
    assert.match(r.stderr, /Your passport has expired/);
    assert.match(r.stderr, /register --with-key/);
  });

  it('foreign citizen by passport: exit 8, PASSPORT_IDENTIFICATION_UNAVAILABLE, hint to use a key (in Uzbek)', async () => {
    const p = people.foreigner();
    const r = await inProcess(
      [...registerArgs(p, freshLogin('frn'), freshPhone(), passwordFile), '--json', '--lang', 'uz'],
      { env },
    );
    assert.equal(r.code, 8, r.stdout);
    assert.equal(r.json.error.code, 'PASSPORT_IDENTIFICATION_UNAVAILABLE');
    assert.match(r.json.error.message, /Chet el fuqarolari/);
    assert.match(r.json.error.hint, /oneid register --with-key/);
  });

  it('duplicate login: exit 8, LOGIN_TAKEN; the same PINFL twice: ACCOUNT_EXISTS', async () => {
    const first = people.citizen();
    const login = freshLogin('dup');
    const phone = freshPhone();
    const ok = await cli(registerArgs(first, login, phone, passwordFile), {
      env,
      feed: await smsFeed(sb, phone),
    });
    assert.equal(ok.code, 0, ok.stderr);

    const second = people.citizen();
    const [taken, again] = await Promise.all([
      inProcess([...registerArgs(second, login, freshPhone(), passwordFile), '--json'], { env }),
      inProcess([...registerArgs(first, freshLogin('dup'), freshPhone(), passwordFile), '--json'], { env }),
    ]);
    assert.equal(taken.code, 8);
    assert.equal(taken.json.error.code, 'LOGIN_TAKEN');
    assert.match(taken.json.error.hint, /another login/);

    assert.equal(again.code, 8);
    assert.equal(again.json.error.code, 'ACCOUNT_EXISTS');
    assert.match(again.json.error.hint, /oneid login/);
  });

  it('weak password, bad PINFL, bad phone, bad e-mail: exit 2 before any request is made', async () => {
    const p = people.citizen();
    // A portal that is not there: only a local check can answer.
    const nowhere = { ONEID_PORTAL: 'http://127.0.0.1:9' };
    const badPinfl = registerArgs(p, freshLogin('pin'), freshPhone(), passwordFile);
    badPinfl[badPinfl.indexOf('--pinfl') + 1] = p.pinfl.slice(0, 13) + String((Number(p.pinfl[13]) + 1) % 10);
    const mailArgs = registerArgs(p, freshLogin('em'), freshPhone(), passwordFile);
    mailArgs[mailArgs.indexOf('--email') + 1] = 'not-an-address';
    const [weak, short, pin, phone, mail] = await Promise.all(
      [
        registerArgs(p, freshLogin('weak'), freshPhone(), secretFile('password')),
        registerArgs(p, freshLogin('weak'), freshPhone(), secretFile('a#1')),
        badPinfl,
        registerArgs(p, freshLogin('ph'), '+7 912 345 67 89', passwordFile),
        mailArgs,
      ].map((args) => inProcess([...args, '--json'], { env: nowhere })),
    );
    assert.equal(weak.code, 2, weak.stdout);
    assert.equal(weak.json.error.code, 'PASSWORD_NO_SPECIAL');

    assert.equal(short.code, 2);
    assert.equal(short.json.error.code, 'PASSWORD_TOO_SHORT');

    assert.equal(pin.code, 2);
    assert.match(pin.json.error.code, /^PINFL_/);

    assert.equal(phone.code, 2);
    assert.equal(phone.json.error.code, 'PHONE_COUNTRY');

    assert.equal(mail.code, 2);
    assert.equal(mail.json.error.code, 'EMAIL_INVALID');
  });

  it('non-interactive without an answer: exit 2 naming the flag that gives it', async () => {
    const p = people.citizen();
    const args = registerArgs(p, freshLogin('miss'), freshPhone(), passwordFile).filter(
      (a) => a !== '--accept-offer',
    );
    const noYes = registerArgs(p, freshLogin('miss'), freshPhone(), passwordFile).filter(
      (a) => a !== '--yes',
    );
    const [r, r2] = await Promise.all([inProcess(args, { env }), inProcess(noYes, { env })]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--accept-offer/);
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /--yes/);
  });

  it('registers a foreign citizen with a key (--with-key): the account is verified at once', async () => {
    const p = people.foreigner();
    const root = mkdtempSync(path.join(tmpdir(), 'oneid-keys-'));
    const keyFile = await issueKey(
      sb,
      { type: 'individual', pinfl: p.pinfl, phone: p.phone },
      { root, name: 'foreigner' },
    );
    const login = freshLogin('key');
    const phone = freshPhone();
    const r = await cli(
      [
        'register',
        '--with-key',
        '--key',
        keyFile,
        '--key-password-file',
        secretFile(KEY_PASSWORD),
        '--accept-offer',
        '--yes',
        '--login',
        login,
        '--email',
        `${login}@example.uz`,
        '--phone',
        phone,
        '--password-file',
        passwordFile,
        '--sms-code-stdin',
        '--json',
      ],
      { env, feed: await smsFeed(sb, phone) },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.json.result.method, 'key');
    assert.equal(r.json.result.account.status, 'verified');
  });

  it('in a real terminal (tmux): offer, a mistyped PINFL, registry data, a weak password, a wrong SMS code, success', async function () {
    if (!hasTmux()) {
      console.log('      [tmux] not run: the interactive register test — tmux is not installed');
      return this.skip();
    }
    const p = people.citizen();
    const login = freshLogin('tty');
    const phone = freshPhone();
    const term = new Terminal(['register'], { ONEID_PORTAL: sb.url, ONEID_CONFIG_DIR: tempConfigDir() });
    try {
      await term.waitFor(/Public offer/);
      await term.waitFor(/Do you accept the offer\?/);
      term.type('y');
      await term.waitFor(/PINFL \(14 digits/);
      term.type('1234');
      await term.waitFor(/A PINFL has 14 digits, but 4 characters were given/); // the ids area's message, under the prompt
      term.key('BSpace', 4);
      term.type(p.pinfl);
      await term.waitFor(/Passport series and number/);
      term.type(p.passport.toLowerCase()); // normalised, as people type it
      await term.waitFor(/Is this data correct\?/);
      const data = term.screen();
      assert.match(data, /Your data in the population registry:/);
      assert.match(data, new RegExp(`Surname\\s+${p.surname}`));
      term.type('');
      await term.waitFor(/Login \(at least 5 characters\)/);
      term.type(login);
      await term.waitFor(/Password \(at least 8 characters/);
      term.type('short');
      await term.waitFor(/Repeat to confirm/);
      term.type('short');
      // Refused here, before anything is sent; asked again for the password only.
      await term.waitFor(/Password \(at least 8 characters[^\n]*\n(.|\n)*Password \(at least 8 characters/);
      term.type(PASSWORD);
      await term.waitFor(/Repeat the password/);
      term.type(PASSWORD);
      await term.waitFor(/E-mail/);
      term.type(`${login}@example.uz`);
      await term.waitFor(/Mobile phone/);
      const before = await sb.lastSms(phone);
      term.type(phone);
      // The region and district of the actual address: the portal's list, in a picker.
      await term.waitFor(/Region \(viloyat\)/);
      term.key('Down');
      term.type('');
      await term.waitFor(/District or city/);
      term.type('');
      await term.waitFor(/Actual address/);
      term.type('');
      await term.waitFor(/Send notifications by e-mail\?/);
      term.type('');
      await term.waitFor(/Code from the SMS/);
      const code = await nextSmsCode(sb, phone, before);
      term.type(String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
      await term.waitFor(/The SMS code is wrong \(\d+ attempts left\)/);
      await term.waitFor(/Code from the SMS[^\n]*\n(.|\n)*Code from the SMS/);
      term.type(code);
      const screen = await term.waitFor(
        new RegExp(`Account ${login} is registered\\. Status: unverified\\.`),
      );
      assert.equal(await term.exitCode(), 0, screen);
      assert.ok(!screen.includes(PASSWORD), 'the password is masked');
      assert.ok(!screen.includes(code), 'the SMS code is masked');
      const session = await sb.request('POST', '/api/v1/auth/login', { login, password: PASSWORD });
      assert.equal(session.status, 200);
      // The second region of the list (Buxoro viloyati, 1706) and its first district were stored.
      const db = new Database(path.join(sb.dataDir, DB_FILE), { readonly: true });
      try {
        assert.deepEqual(
          { ...(db.prepare('SELECT region, district FROM accounts WHERE login = ?').get(login) as object) },
          { region: '1706', district: '1706204' },
        );
      } finally {
        db.close();
      }
    } finally {
      term.close();
    }
  });
});
