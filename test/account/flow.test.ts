// The whole journey of DOMAIN.md flows 1-4 from an empty sandbox, every step a `oneid` process:
// register → apply for a personal key (O'z DSt 1092) → log in → verify the account with the issued
// key → apply for the company key → bind the company → log in as "Common For Head" → whoami.
// Only the payment and the operator's approval go to the sandbox's loopback admin API, standing in
// for the payment systems and the reviewing staff.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('register, verify with an issued key, bind a company, log in as "Common For Head", whoami', async () => {
    sb = await startSandbox({ relaxedLimits: true, autoApproveMs: 0 });
    const status = await sb.request('GET', '/api/v1/sandbox/status');
    assert.equal(status.body.counts.accounts, 0, 'the sandbox starts empty');
    const { person: director, company } = new People(await registry(sb)).director();

    const root = mkdtempSync(path.join(tmpdir(), 'oneid-flow-'));
    const keysDir = path.join(root, 'stick', 'DSKEYS');
    const photo = path.join(root, 'photo.jpg');
    const selfie = path.join(root, 'selfie.png');
    writeFileSync(photo, JPEG);
    writeFileSync(selfie, PNG);
    const env = {
      ONEID_PORTAL: sb.url,
      ONEID_CONFIG_DIR: tempConfigDir(),
      HOME: root,
      ONEID_KEYS_PATH: keysDir,
      ONEID_KEY_PASSWORD: KEY_PASSWORD,
    };
    const passwordFile = secretFile(PASSWORD);
    const S = ['--insecure-storage'];

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
    const applyFor = async (who: string[]): Promise<string> => {
      const apply = await cli(
        [
          'key',
          'apply',
          ...who,
          '--phone',
          director.phone,
          '--photo',
          photo,
          '--selfie',
          selfie,
          '--dir',
          keysDir,
          '--sms-code-stdin',
          '--yes',
          '--json',
        ],
        { env, feed: await smsFeed(sb, director.phone) },
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
    };
    const personalKey = await applyFor(['--pinfl', director.pinfl]);

    // 3. Log in (one role only: no question), verify the account with the issued key.
    const li = await cli(['login', login, '--password-file', passwordFile, ...S, '--json'], { env });
    assert.equal(li.code, 0, li.stdout + li.stderr);
    assert.equal(li.json.result.accountStatus, 'unverified');
    const verify = await cli(['verify-account', '--key', personalKey, ...S, '--json'], { env });
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.equal(verify.json.result.status, 'verified');

    // 4. The company key, then bind the company with it.
    const companyKey = await applyFor(['--legal', '--tin', company.tin, '--pinfl', director.pinfl]);
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
});
