// The flows that present a key, run in-process against a sandbox with keys really issued by its CA
// (registrations run as processes: the SMS code comes on stdin): verify-account, le bind / le list,
// login --key, and roles (--role, the default, the picker, wrong roles, --switch-role). Every
// documented failure has its exit code and message.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  createCa,
  generatePrivateKey,
  issueCertificate,
  publicKeyOf,
  writePfx,
} from '../../src/lib/pki/index.js';
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
  PASSWORD,
  People,
  registerArgs,
  registry,
  secretFile,
  smsFeed,
  type Company,
  type Person,
} from './helpers.js';

describe('account: verify-account, le bind, le list, login --key and roles (CLI)', function () {
  let sb: SandboxHandle;
  let director: Person;
  let company: Company;
  let otherCompany: Company;
  let login: string;
  let stranger: Person;
  const keys: Record<'personal' | 'company' | 'stranger' | 'expired', string> = {} as never;
  const passwordFile = secretFile(PASSWORD);
  const keyPasswordFile = secretFile(KEY_PASSWORD);
  let env: Record<string, string>;
  const root = mkdtempSync(path.join(tmpdir(), 'oneid-keyroot-'));
  const k = (name: keyof typeof keys) => ['--key', keys[name], '--key-password-file', keyPasswordFile];
  const S = ['--insecure-storage'];

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true, autoApproveMs: 0 });
    const reg = await registry(sb);
    const people = new People(reg);
    ({ person: director, company } = people.director());
    otherCompany = reg.companies.find((c) => c.tin !== company.tin)!;
    stranger = people.citizen();
    // The director's two applications text the same phone: one after the other.
    const directorKeys = (async () => {
      keys.personal = await issueKey(
        sb,
        { type: 'individual', pinfl: director.pinfl, phone: director.phone },
        { root, name: 'director' },
      );
      keys.company = await issueKey(
        sb,
        { type: 'legal', tin: company.tin, phone: director.phone },
        { root, name: 'company' },
      );
    })();
    keys.stranger = await issueKey(
      sb,
      { type: 'individual', pinfl: stranger.pinfl, phone: stranger.phone },
      { root, name: 'stranger' },
    );
    await directorKeys;
    // An expired key of the director, from a CA of its own: refused before anything is sent.
    const ca = createCa({ validityDays: 3650, notBefore: new Date(Date.now() - 400 * 86_400_000) });
    const priv = generatePrivateKey({ alg: 'ec' });
    const cert = issueCertificate(ca, {
      subject: { CN: `${director.surname} ${director.first_name}`, PINFL: director.pinfl },
      publicKey: publicKeyOf(priv),
      notBefore: new Date(Date.now() - 300 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    mkdirSync(path.join(root, 'DSKEYS'), { recursive: true });
    keys.expired = path.join(root, 'DSKEYS', 'expired.pfx');
    writeFileSync(
      keys.expired,
      writePfx({ privateKey: priv, certificate: cert, chain: ca.chain, password: KEY_PASSWORD }),
    );

    env = { ONEID_PORTAL: sb.url, ONEID_CONFIG_DIR: tempConfigDir(), ONEID_KEYS_PATH: root };
    login = freshLogin('dir');
    const phone = freshPhone();
    const r = await cli(registerArgs(director, login, phone, passwordFile), {
      env,
      feed: await smsFeed(sb, phone),
    });
    assert.equal(r.code, 0, r.stderr);
    const li = await inProcess(['login', login, '--password-file', passwordFile, ...S], { env });
    assert.equal(li.code, 0, li.stderr);
  });
  after(async () => sb?.stop());

  it('le bind on an unverified account: exit 8, ACCOUNT_UNVERIFIED, hint to verify (no key password asked)', async () => {
    const r = await inProcess(['le', 'bind', '--key', keys.company, ...S, '--json'], { env });
    assert.equal(r.code, 8, r.stdout);
    assert.equal(r.json.error.code, 'ACCOUNT_UNVERIFIED');
    assert.match(r.json.error.hint, /oneid verify-account/);
  });

  it('verify-account with another person’s key: exit 8, PINFL_MISMATCH, both PINFLs masked', async () => {
    const r = await inProcess(['verify-account', ...k('stranger'), ...S, '--json'], { env });
    assert.equal(r.code, 8, r.stdout);
    assert.equal(r.json.error.code, 'PINFL_MISMATCH');
    assert.match(
      r.json.error.message,
      /another person: its PINFL is \d{2}\*{10}\d{2}, the account’s is \d{2}\*{10}\d{2}/,
    );
    assert.ok(!r.stdout.includes(director.pinfl));
  });

  it('verify-account with an expired key: exit 5, KEY_EXPIRED, hint to get a new key', async () => {
    const r = await inProcess(['verify-account', ...k('expired'), ...S, '--json', '--lang', 'ru'], { env });
    assert.equal(r.code, 5, r.stdout);
    assert.equal(r.json.error.code, 'KEY_EXPIRED');
    assert.match(r.json.error.message, /Срок действия ключа .* истёк/);
    assert.match(r.json.error.hint, /oneid key apply/);
  });

  it('verify-account with a wrong key password: exit 4; with the company key: exit 2 (a personal key is needed)', async () => {
    const wrong = await inProcess(
      ['verify-account', '--key', keys.personal, '--key-password-file', secretFile('nope-nope'), ...S],
      { env },
    );
    assert.equal(wrong.code, 4, wrong.stderr);
    const company = await inProcess(['verify-account', ...k('company'), ...S, '--json'], { env });
    assert.equal(company.code, 2, company.stdout);
    assert.equal(company.json.error.code, 'NOT_A_PERSONAL_KEY');
  });

  it('verify-account with the own key: verified ("подлинный"); again: already verified', async () => {
    const r = await inProcess(['verify-account', ...k('personal'), ...S, '--json'], { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.json.result.status, 'verified');
    assert.equal(r.json.result.already, false);
    assert.match(r.json.result.certificateSerial, /^[0-9a-f]+$/);
    const ru = await inProcess(['verify-account', ...k('personal'), ...S, '--lang', 'ru'], { env });
    assert.equal(ru.code, 0);
    assert.match(ru.stdout, /уже имеет статус «подлинный»/);
    const who = await inProcess(['whoami', ...S, '--json'], { env });
    assert.equal(who.json.result.status, 'verified');
  });

  it('le bind with a personal key: exit 2; with the company key: bound as "Common For Head"; twice: ALREADY_BOUND', async () => {
    const personal = await inProcess(['le', 'bind', ...k('personal'), ...S, '--json'], { env });
    assert.equal(personal.code, 2, personal.stdout);
    assert.equal(personal.json.error.code, 'NOT_A_LEGAL_ENTITY_KEY');

    const r = await inProcess(['le', 'bind', ...k('company'), ...S, '--json'], { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.json.result.tin, company.tin);
    assert.equal(r.json.result.role, 'Common For Head');
    assert.equal(r.json.result.name, company.name);

    const again = await inProcess(['le', 'bind', ...k('company'), ...S, '--json'], { env });
    assert.equal(again.code, 8);
    assert.equal(again.json.error.code, 'ALREADY_BOUND');

    const list = await inProcess(['le', 'list', ...S, '--json'], { env });
    assert.equal(list.code, 0);
    assert.deepEqual(list.json.result.legalEntities, [
      { tin: company.tin, name: company.name, role: 'Common For Head', active: false },
    ]);
  });

  it('login without --role when several roles exist (script): the individual, and a warning says so', async () => {
    const r = await inProcess(['login', login, '--password-file', passwordFile, ...S, '--json'], { env });
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(r.json.result.role, { type: 'individual' });
    assert.equal(r.json.result.roleChosenBy, 'default');
    assert.equal(r.json.result.roles.length, 2);
    assert.ok(r.json.warnings.some((w: string) => w.includes(`${company.tin}:Common For Head`)));
  });

  it('login without --role on a terminal: the role picker asks through the command context’s prompter', async () => {
    const r = await inProcess(['login', login, '--password-file', passwordFile, ...S, '--json'], {
      env,
      answers: [company.name],
    });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.asked, ['Choose a role']);
    assert.equal(r.json.result.roleChosenBy, 'picker');
    assert.equal(r.json.result.role.tin, company.tin);
    const back = await inProcess(['login', '--switch-role', ...S, '--json'], {
      env,
      answers: ['Individual'],
    });
    assert.equal(back.code, 0, back.stderr);
    assert.deepEqual([back.asked, back.json.result.role], [['Choose a role'], { type: 'individual' }]);
  });

  it('login in a real terminal (tmux) asks for the password and shows the role picker', async function () {
    if (!hasTmux()) {
      console.log('      [tmux] not run: the role picker test — tmux is not installed');
      return this.skip();
    }
    const own = { ONEID_PORTAL: sb.url, ONEID_CONFIG_DIR: tempConfigDir() };
    const term = new Terminal(['login', login, '--insecure-storage'], own);
    try {
      await term.waitFor(/\? Password/);
      term.type(PASSWORD);
      const picker = await term.waitFor(/Choose a role/);
      assert.match(picker, /Individual/);
      assert.match(picker, new RegExp(`\\(TIN ${company.tin}\\), Common For Head`));
      term.key('Down');
      term.key('Enter');
      const done = await term.waitFor(
        new RegExp(`Logged in as ${login}: .*\\(TIN ${company.tin}\\), Common For Head`),
      );
      assert.equal(await term.exitCode(), 0, done);
      assert.ok(!done.includes(PASSWORD));
    } finally {
      term.close();
    }
    const who = await inProcess(['whoami', ...S, '--json'], { env: own });
    assert.equal(who.json.result.role.tin, company.tin);

    // --switch-role without --role shows the same picker, the current role preselected.
    const sw = new Terminal(['login', '--switch-role', '--insecure-storage'], own);
    try {
      await sw.waitFor(/Choose a role/);
      sw.key('Up');
      sw.key('Enter');
      await sw.waitFor(/The session now acts as: Individual\./);
      assert.equal(await sw.exitCode(), 0);
    } finally {
      sw.close();
    }
  });

  it('login --role TIN:"Common For Head": whoami shows the legal entity; le list marks it active', async () => {
    const r = await inProcess(
      [
        'login',
        login,
        '--password-file',
        passwordFile,
        '--role',
        `${company.tin}:common for head`,
        ...S,
        '--json',
      ],
      {
        env,
      },
    );
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(r.json.result.role, {
      type: 'legal',
      tin: company.tin,
      name: company.name,
      role: 'Common For Head',
    });
    assert.equal(r.json.result.roleChosenBy, 'flag');
    const who = await inProcess(['whoami', ...S, '--json'], { env });
    assert.deepEqual(who.json.result.legalEntity, {
      tin: company.tin,
      name: company.name,
      role: 'Common For Head',
    });
    const text = await inProcess(['whoami', ...S], { env });
    assert.match(text.stdout, new RegExp(`Role\\s+.*\\(TIN ${company.tin}\\), Common For Head`));
    const list = await inProcess(['le', 'list', ...S], { env });
    assert.match(list.stdout, new RegExp(`^\\* ${company.tin}`, 'm'));
  });

  it('wrong roles: another role name or an unbound TIN → exit 3 listing the roles; a malformed one → exit 2', async () => {
    const as = (role: string, json = true) =>
      inProcess(
        ['login', login, '--password-file', passwordFile, '--role', role, ...S, ...(json ? ['--json'] : [])],
        { env },
      );
    const [name, unbound, bad, person] = await Promise.all([
      as(`${company.tin}:Common For Accountant`),
      as(otherCompany.tin),
      as('boss', false),
      as('412345678', false),
    ]);
    assert.equal(name.code, 3, name.stdout);
    assert.equal(name.json.error.code, 'ROLE_NOT_AVAILABLE');
    assert.match(
      name.json.error.message,
      new RegExp(`Available: individual, ${company.tin}:Common For Head`),
    );

    assert.equal(unbound.code, 3, unbound.stdout);
    assert.equal(unbound.json.error.code, 'ROLE_NOT_AVAILABLE');

    assert.equal(bad.code, 2);
    assert.equal(person.code, 2);
    assert.match(person.stderr, /belongs to an individual/);
  });

  it('login --switch-role changes the role of the session in place', async () => {
    assert.equal(
      (
        await inProcess(['login', login, '--password-file', passwordFile, '--role', 'individual', ...S], {
          env,
        })
      ).code,
      0,
    );
    const sw = await inProcess(['login', '--switch-role', '--role', company.tin, ...S, '--json'], { env });
    assert.equal(sw.code, 0, sw.stdout);
    assert.equal(sw.json.result.role.tin, company.tin);
    assert.deepEqual(sw.json.result.previousRole, { type: 'individual' });
    const who = await inProcess(['whoami', ...S, '--json'], { env });
    assert.equal(who.json.result.role.tin, company.tin);
    const back = await inProcess(['login', '--switch-role', '--role', 'individual', ...S, '--json'], { env });
    assert.deepEqual(back.json.result.role, { type: 'individual' });
    const wrong = await inProcess(['login', '--switch-role', '--role', otherCompany.tin, ...S], { env });
    assert.equal(wrong.code, 3);
  });

  it('login --key: the personal key signs in (PKCSMETHOD); the company key as the legal entity (LEPKCSMETHOD)', async () => {
    const own = { ...env, ONEID_CONFIG_DIR: tempConfigDir() };
    const personal = await inProcess(['login', ...k('personal'), '--role', 'individual', ...S, '--json'], {
      env: own,
    });
    assert.equal(personal.code, 0, personal.stdout + personal.stderr);
    assert.equal(personal.json.result.method, 'key');
    assert.equal(personal.json.result.login, login);
    let who = await inProcess(['whoami', ...S, '--json'], { env: own });
    assert.equal(who.json.result.authMethod, 'PKCSMETHOD');

    const byAlias = await inProcess(
      ['login', '--key', 'company', '--key-password-file', keyPasswordFile, ...S, '--json'],
      { env: own },
    );
    assert.equal(byAlias.code, 0, byAlias.stdout + byAlias.stderr);
    assert.equal(byAlias.json.result.role.tin, company.tin);
    who = await inProcess(['whoami', ...S, '--json'], { env: own });
    assert.equal(who.json.result.authMethod, 'LEPKCSMETHOD');

    const stranger = await inProcess(['login', ...k('stranger'), ...S, '--json'], { env: own });
    assert.equal(stranger.code, 8, stranger.stdout);
    assert.equal(stranger.json.error.code, 'NO_ACCOUNT_FOR_KEY');
    const expired = await inProcess(['login', ...k('expired'), ...S], { env: own });
    assert.equal(expired.code, 5);
  });

  it('le bind without --key on a terminal: the key picker (the context’s prompter) offers the company key', async () => {
    const r = await inProcess(['le', 'bind', ...S, '--json'], {
      env: { ...env, ONEID_KEY_PASSWORD: KEY_PASSWORD },
      answers: ['company.pfx'],
    });
    assert.deepEqual(r.asked, ['Choose a key']);
    assert.equal(r.code, 8, r.stdout); // the company chosen is bound already
    assert.equal(r.json.error.code, 'ALREADY_BOUND');
  });

  it('not logged in: verify-account, le bind and le list exit 3', async () => {
    const fresh = { ...env, ONEID_CONFIG_DIR: tempConfigDir() };
    const runs = [
      ['verify-account', ...k('personal')],
      ['le', 'bind', ...k('company')],
      ['le', 'list'],
    ];
    const results = await Promise.all(runs.map((args) => inProcess([...args, ...S], { env: fresh })));
    results.forEach((r, i) => {
      assert.equal(r.code, 3, runs[i]!.join(' '));
      assert.match(r.stderr, /not logged in/);
    });
  });

  it('verify-account in a real terminal (tmux): the key picker lists the keys found, then the key password', async function () {
    if (!hasTmux()) {
      console.log('      [tmux] not run: the key picker test — tmux is not installed');
      return this.skip();
    }
    // The stranger registers now (the key-login test above needed them without an account).
    const own = { ...env, ONEID_CONFIG_DIR: tempConfigDir() };
    const name = freshLogin('pick');
    const phone = freshPhone();
    const reg = await cli(registerArgs(stranger, name, phone, passwordFile), {
      env: own,
      feed: await smsFeed(sb, phone),
    });
    assert.equal(reg.code, 0, reg.stderr);
    assert.equal(
      (await inProcess(['login', name, '--password-file', passwordFile, ...S], { env: own })).code,
      0,
    );
    const term = new Terminal(['verify-account', ...S], own);
    try {
      const picker = await term.waitFor(/Choose a key/);
      for (const file of ['director.pfx', 'company.pfx', 'stranger.pfx', 'expired.pfx'])
        assert.ok(picker.includes(file), picker);
      assert.match(picker, /\[expired\]/);
      // Personal keys come first, the expired one last; walk to the stranger's own key.
      const lines = picker.split('\n').filter((l) => /\.pfx/.test(l));
      const at = lines.findIndex((l) => l.includes('stranger.pfx'));
      term.key('Down', at);
      term.key('Enter');
      await term.waitFor(/Key password/);
      term.type(KEY_PASSWORD);
      const done = await term.waitFor(new RegExp(`Account ${name} is now verified\\.`));
      assert.equal(await term.exitCode(), 0, done);
      assert.ok(!done.includes(KEY_PASSWORD));
    } finally {
      term.close();
    }
  });
});
