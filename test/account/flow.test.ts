// The whole journey of DOMAIN.md flows 1-4 from an empty sandbox, every step a `oneid` process:
// register → apply for a personal key (O'z DSt 1092) → log in → verify the account with the issued
// key → apply for the company key → bind the company → log in as "Common For Head" → whoami.
// Then (issue 17) the director authorizes an accountant; the accountant registers, applies for a
// company key in their own name, binds it, logs in as "Common For Accountant", signs a batch and
// sees the application from another computer; the director revokes the authorization and the
// accountant's role is refused. Only the payment and the operator's approval go to the sandbox's
// loopback admin API, standing in for the payment systems and the reviewing staff.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';

import { tempConfigDir } from '../helpers/cli.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import {
  cli,
  freshLogin,
  freshPhone,
  JPEG,
  KEY_PASSWORD,
  PASSWORD,
  People,
  PNG,
  registerArgs,
  registry,
  secretFile,
  smsFeed,
} from './helpers.js';

describe('account: the full flow from an empty sandbox (CLI only)', function () {
  let sb: SandboxHandle;
  after(async () => sb?.stop());
  // Shared by the two chapters of the story.
  let people: People;
  let company: { tin: string; name: string };
  let directorEnv: Record<string, string>;
  let photo: string;
  let selfie: string;
  const S = ['--insecure-storage'];
  const passwordFile = secretFile(PASSWORD);

  /** A key application by `phone` from `env`, paid and approved by the sandbox, installed by `key status`. */
  async function applyFor(env: Record<string, string>, who: string[], phone: string): Promise<string> {
    const apply = await cli(
      [
        'key',
        'apply',
        ...who,
        '--phone',
        phone,
        '--photo',
        photo,
        '--selfie',
        selfie,
        '--dir',
        env.ONEID_KEYS_PATH!,
        '--sms-code-stdin',
        '--yes',
        '--json',
      ],
      { env, feed: await smsFeed(sb, phone) },
    );
    assert.equal(apply.code, 0, apply.stdout + apply.stderr);
    const a = apply.json.result;
    assert.equal((await sb.request('POST', `/api/v1/sandbox/invoices/${a.invoice.id}/pay`)).status, 200);
    const approve = await sb.request('POST', `/api/v1/sandbox/key-applications/${a.id}/approve`);
    assert.ok([200, 409].includes(approve.status), JSON.stringify(approve.body)); // the automatic review may be first
    const st = await cli(['key', 'status', a.id, '--json'], { env });
    assert.equal(st.code, 0, st.stdout + st.stderr);
    const installed = st.json.result.applications[0].installed as string;
    assert.ok(installed, JSON.stringify(st.json.result));
    return installed;
  }

  /** A user's own computer: HOME, config folder, key folder. */
  function computer(name: string): Record<string, string> {
    const root = mkdtempSync(path.join(tmpdir(), `oneid-${name}-`));
    return {
      ONEID_PORTAL: sb.url,
      ONEID_CONFIG_DIR: tempConfigDir(),
      HOME: root,
      ONEID_KEYS_PATH: path.join(root, 'stick', 'DSKEYS'),
      ONEID_KEY_PASSWORD: KEY_PASSWORD,
    };
  }

  it('register, verify with an issued key, bind a company, log in as "Common For Head", whoami', async () => {
    sb = await startSandbox({ relaxedLimits: true, autoApproveMs: 0 });
    const status = await sb.request('GET', '/api/v1/sandbox/status');
    assert.equal(status.body.counts.accounts, 0, 'the sandbox starts empty');
    people = new People(await registry(sb));
    const { person: director, company: c } = people.director();
    company = c;
    const root = mkdtempSync(path.join(tmpdir(), 'oneid-flow-'));
    photo = path.join(root, 'photo.jpg');
    selfie = path.join(root, 'selfie.png');
    writeFileSync(photo, JPEG);
    writeFileSync(selfie, PNG);
    const env = computer('director');
    directorEnv = env;

    // 1. Register (passport), the SMS code piped once it is sent.
    const login = freshLogin('head');
    const phone = freshPhone();
    const reg = await cli([...registerArgs(director, login, phone, passwordFile), '--json'], {
      env,
      feed: await smsFeed(sb, phone),
    });
    assert.equal(reg.code, 0, reg.stdout + reg.stderr);
    assert.equal(reg.json.result.account.status, 'unverified');

    // 2. Apply for a key (personal, then the company's): SMS → key pair → documents → invoice,
    //    paid and approved by the sandbox, installed by `key status`.
    const personalKey = await applyFor(env, ['--pinfl', director.pinfl], director.phone);

    // 3. Log in (one role only: no question), verify the account with the issued key.
    const li = await cli(['login', login, '--password-file', passwordFile, ...S, '--json'], { env });
    assert.equal(li.code, 0, li.stdout + li.stderr);
    assert.equal(li.json.result.accountStatus, 'unverified');
    const verify = await cli(['verify-account', '--key', personalKey, ...S, '--json'], { env });
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.equal(verify.json.result.status, 'verified');

    // 4. The company key, then bind the company with it.
    const companyKey = await applyFor(
      env,
      ['--legal', '--tin', company.tin, '--pinfl', director.pinfl],
      director.phone,
    );
    const bind = await cli(['le', 'bind', '--key', companyKey, ...S, '--json'], { env });
    assert.equal(bind.code, 0, bind.stdout + bind.stderr);
    assert.equal(bind.json.result.role, 'Common For Head');

    // 5. Log out, log in again as the company's head, and ask who we are.
    assert.equal((await cli(['logout', ...S], { env })).code, 0);
    const head = await cli(
      [
        'login',
        login,
        '--password-file',
        passwordFile,
        '--role',
        `${company.tin}:Common For Head`,
        ...S,
        '--json',
      ],
      {
        env,
      },
    );
    assert.equal(head.code, 0, head.stdout + head.stderr);
    const who = await cli(['whoami', ...S, '--json'], { env });
    assert.equal(who.code, 0, who.stdout + who.stderr);
    const w = who.json.result;
    assert.equal(w.login, login);
    assert.equal(w.status, 'verified');
    assert.deepEqual(w.role, {
      type: 'legal',
      tin: company.tin,
      name: company.name,
      role: 'Common For Head',
    });
    assert.deepEqual(w.legalEntity, { tin: company.tin, name: company.name, role: 'Common For Head' });
    assert.equal(w.source, 'file');
    const text = await cli(['whoami', ...S, '--lang', 'ru'], { env });
    assert.match(text.stdout, /Статус учётной записи\s+подлинный/);
    assert.match(text.stdout, new RegExp(`Роль\\s+.*\\(ИНН ${company.tin}\\), Common For Head`));
  });
  it('the director authorizes an accountant, who applies for a company key, logs in as "Common For Accountant" and signs a batch; revoked, the role is refused', async () => {
    const D = directorEnv;
    const ACCOUNTANT = 'Common For Accountant';
    // The director (logged in as the company's head) sees the company and authorizes the accountant.
    const card = await cli(['le', 'show', ...S, '--json'], { env: D });
    assert.equal(card.code, 0, card.stdout + card.stderr);
    assert.equal(card.json.result.tin, company.tin);
    assert.equal(card.json.result.yourRole, 'Common For Head');
    const accountant = people.citizen();
    const add = await cli(
      ['le', 'employees', 'add', accountant.pinfl, '--role', 'accountant', ...S, '--json'],
      {
        env: D,
      },
    );
    assert.equal(add.code, 0, add.stdout + add.stderr);
    assert.equal(add.json.result.role, ACCOUNTANT);

    // The accountant, on their own computer: registers (region and district from the portal's
    // list), gets a personal key, verifies the account.
    const A = computer('accountant');
    const login = freshLogin('acc');
    const phone = freshPhone();
    const reg = await cli(
      [
        ...registerArgs(accountant, login, phone, passwordFile),
        '--region',
        'Toshkent shahri',
        '--district',
        '1726294',
        '--json',
      ],
      { env: A, feed: await smsFeed(sb, phone) },
    );
    assert.equal(reg.code, 0, reg.stdout + reg.stderr);
    const personalKey = await applyFor(A, ['--pinfl', accountant.pinfl], accountant.phone);
    assert.equal((await cli(['login', login, '--password-file', passwordFile, ...S], { env: A })).code, 0);
    const verify = await cli(['verify-account', '--key', personalKey, ...S, '--json'], { env: A });
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);

    // The company key in the accountant's own name (signed in, own phone), bound, then the role.
    const companyKey = await applyFor(A, ['--legal', '--tin', company.tin], accountant.phone);
    const bind = await cli(['le', 'bind', '--key', companyKey, ...S, '--json'], { env: A });
    assert.equal(bind.code, 0, bind.stdout + bind.stderr);
    assert.equal(bind.json.result.role, ACCOUNTANT);
    const role = `${company.tin}:${ACCOUNTANT}`;
    const li = await cli(['login', login, '--password-file', passwordFile, '--role', role, ...S, '--json'], {
      env: A,
    });
    assert.equal(li.code, 0, li.stdout + li.stderr);
    assert.deepEqual(li.json.result.role, {
      type: 'legal',
      tin: company.tin,
      name: company.name,
      role: ACCOUNTANT,
    });
    const shown = await cli(['le', 'show', ...S, '--json'], { env: A });
    assert.equal(shown.json.result.yourRole, ACCOUNTANT);
    assert.deepEqual(
      shown.json.result.employees.map((e: any) => [e.role, e.bound]),
      [[ACCOUNTANT, true]],
    );
    // Managing employees needs the head's role: exit 3, naming it.
    const manage = await cli(['le', 'employees', 'list', ...S, '--json'], { env: A });
    assert.equal(manage.code, 3, manage.stdout);
    assert.equal(manage.json.error.code, 'ROLE_REQUIRED');
    assert.match(manage.json.error.message, /Common For Head/);

    // A batch signed with the company key.
    const docs = mkdtempSync(path.join(tmpdir(), 'oneid-docs-'));
    for (const n of ['invoice-1.xml', 'invoice-2.xml'])
      writeFileSync(path.join(docs, n), `<faktura>${n}</faktura>`);
    const sign = await cli(
      [
        'key',
        'sign',
        path.join(docs, 'invoice-1.xml'),
        path.join(docs, 'invoice-2.xml'),
        '--key',
        companyKey,
        '--json',
      ],
      { env: A },
    );
    assert.equal(sign.code, 0, sign.stdout + sign.stderr);
    assert.equal(sign.json.result.signed, 2);
    assert.equal(sign.json.result.signer.tin, company.tin);

    // "Mening arizalarim" from another computer: listed, with the computer that holds the key.
    const elsewhere = { ...computer('elsewhere') };
    assert.equal(
      (await cli(['login', login, '--password-file', passwordFile, ...S], { env: elsewhere })).code,
      0,
    );
    const all = await cli(['key', 'status', '--all', '--json'], { env: elsewhere });
    assert.equal(all.code, 0, all.stdout + all.stderr);
    const remote = all.json.result.applications.filter((x: any) => x.tin === company.tin);
    assert.equal(remote.length, 1, JSON.stringify(all.json.result));
    assert.equal(remote[0].local, false);
    assert.equal(remote[0].machine, hostname());
    const allText = await cli(['key', 'status', '--all'], { env: elsewhere });
    assert.match(allText.stderr, new RegExp(`made on "${hostname()}"`.replace(/[.]/g, '\\.')));

    // The director revokes: the accountant's session in the role ends, the role is refused.
    const remove = await cli(['le', 'employees', 'remove', accountant.pinfl, ...S, '--json'], { env: D });
    assert.equal(remove.code, 0, remove.stdout + remove.stderr);
    assert.ok(remove.json.result.sessionsEnded >= 1);
    const who = await cli(['whoami', ...S, '--json'], { env: A });
    assert.equal(who.code, 3, who.stdout);
    const again = await cli(
      ['login', login, '--password-file', passwordFile, '--role', role, ...S, '--json'],
      {
        env: A,
      },
    );
    assert.equal(again.code, 3, again.stdout);
    assert.equal(again.json.error.code, 'ROLE_NOT_AVAILABLE');
    // The key itself is revoked with the authorization (below): the portal refuses it outright
    // (E-IMZO -11), before any role is looked at.
    const byKey = await cli(['login', '--key', companyKey, ...S, '--json'], { env: A });
    assert.equal(byKey.code, 8, byKey.stdout);
    assert.equal(byKey.json.error.code, 'CERTIFICATE_REVOKED');
    assert.equal(byKey.json.error.data.portal.eimzoStatus, -11);
    assert.match(byKey.json.error.hint, /key doctor/);

    // And the company key issued to the accountant is revoked (affiliation changed): it no longer
    // signs, and what it signed before verifies as revoked without a timestamp (E-IMZO -11).
    assert.equal(remove.json.result.certificatesRevoked, 1);
    const more = path.join(docs, 'invoice-3.xml');
    writeFileSync(more, '<faktura>3</faktura>');
    const refused = await cli(['key', 'sign', more, '--key', companyKey, '--json'], { env: A });
    assert.equal(refused.code, 5, refused.stdout + refused.stderr);
    assert.equal(refused.json.error.code, 'KEY_REVOKED', refused.stdout);
    assert.match(JSON.stringify(refused.json.error), /affiliationChanged/);
    assert.equal(existsSync(more + '.p7s'), false);
  });
});
