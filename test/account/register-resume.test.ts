// `oneid register`, in-process through the command context: every input checked before the first
// request (a script without a source for the SMS code gets no SMS), and a registration that
// stopped goes on with --resume (after a wrong code, with a new code, after a refused login).
// Runs that need the SMS code on stdin after the SMS is sent are processes.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  createCa,
  generatePrivateKey,
  issueCertificate,
  publicKeyOf,
  writePfx,
} from '../../src/lib/pki/index.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import {
  cli,
  freshLogin,
  freshPhone,
  inProcess,
  KEY_PASSWORD,
  PASSWORD,
  People,
  registerArgs,
  registry,
  secretFile,
  smsFeed,
  type Person,
} from './helpers.js';

/** Nothing listens there: a run that reaches the portal exits 7, one stopped before exits 2. */
const NOWHERE = { ONEID_PORTAL: 'http://127.0.0.1:9' };

const without = (args: string[], ...flags: string[]) => {
  const out = [...args];
  for (const f of flags) {
    const i = out.indexOf(f);
    const takesValue = i + 1 < out.length && !out[i + 1]!.startsWith('--');
    out.splice(i, takesValue ? 2 : 1);
  }
  return out;
};

describe('account: oneid register checks first and resumes (in-process)', function () {
  this.timeout(60_000);
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

  const wrong = (c: string) => String((Number(c) + 1) % 1_000_000).padStart(6, '0');
  const args = (p: Person, login = freshLogin('res'), phone = freshPhone()) =>
    registerArgs(p, login, phone, passwordFile);

  describe('every input is checked before anything is sent (exit 2, no request)', () => {
    it('no source for the SMS code and no terminal: exit 2 naming the code flags, no SMS sent', async () => {
      const p = people.citizen();
      const phone = freshPhone();
      const r = await inProcess([...without(args(p, freshLogin(), phone), '--sms-code-stdin'), '--json'], {
        env: NOWHERE,
      });
      assert.equal(r.code, 2, r.stdout);
      assert.equal(r.json.error.code, 'SECRET_MISSING');
      assert.match(r.json.error.message, /--sms-code-file/);
      // Against the real portal too: refused before the SMS.
      const real = await inProcess(without(args(p, freshLogin(), phone), '--sms-code-stdin'), { env });
      assert.equal(real.code, 2, real.stderr);
      assert.equal(await sb.lastSms(phone), undefined);
    });

    it('a missing answer is named before the portal is asked: --yes, --login, --passport, --key', async () => {
      const p = people.citizen();
      const runs = [
        without(args(p), '--yes'),
        without(args(p), '--login'),
        without(args(p), '--passport'),
        [...without(args(p), '--pinfl', '--passport'), '--with-key'],
      ];
      for (const [i, flag] of ['--yes', '--login', '--passport', '--key'].entries()) {
        const r = await inProcess([...runs[i]!, '--json'], { env: NOWHERE });
        assert.equal(r.code, 2, `${flag}: ${r.stdout}`);
        assert.equal(r.json.error.code, 'MISSING_INPUT');
        assert.match(r.json.error.message, new RegExp(flag));
      }
    });

    it('--with-key: the key is opened and checked first (wrong password: exit 4, nothing sent)', async () => {
      const ca = createCa({ validityDays: 30 });
      const priv = generatePrivateKey({ alg: 'ec' });
      const cert = issueCertificate(ca, {
        subject: { CN: 'Test Person', PINFL: '41604714357530' },
        publicKey: publicKeyOf(priv),
      });
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'oneid-regkey-')), 'k.pfx');
      writeFileSync(
        file,
        writePfx({ privateKey: priv, certificate: cert, chain: ca.chain, password: KEY_PASSWORD }),
      );
      const p = people.citizen();
      const keyArgs = [...without(args(p), '--pinfl', '--passport'), '--with-key', '--key', file, '--json'];
      const r = await inProcess([...keyArgs, '--key-password-file', secretFile('not-the-password')], {
        env: NOWHERE,
      });
      assert.equal(r.code, 4, r.stdout);
      const none = await inProcess(keyArgs, { env: NOWHERE });
      assert.equal(none.code, 2, none.stdout);
      assert.match(none.json.error.message, /--key-password-file/);
    });

    it('two secrets on stdin, or --resend-sms without --resume: exit 2', async () => {
      const p = people.citizen();
      const twice = await inProcess(
        [...without(args(p), '--password-file'), '--password-stdin', '--json', '--lang', 'ru'],
        { env: NOWHERE },
      );
      assert.equal(twice.code, 2);
      assert.equal(twice.json.error.code, 'STDIN_TWICE');
      assert.match(twice.json.error.message, /--password-stdin и --sms-code-stdin/);
      const keyTwice = await inProcess(
        [
          ...without(args(p), '--pinfl', '--passport'),
          '--with-key',
          '--key',
          'k.pfx',
          '--key-password-stdin',
        ],
        { env: NOWHERE },
      );
      assert.equal(keyTwice.code, 2);
      assert.match(keyTwice.stderr, /--sms-code-stdin and --key-password-stdin/);
      const resend = await inProcess([...args(p), '--resend-sms', '--json'], { env: NOWHERE });
      assert.equal(resend.code, 2);
      assert.equal(resend.json.error.code, 'RESEND_WITHOUT_RESUME');
    });
  });

  describe('--resume', () => {
    it('after a wrong code (script): the error names the registration; --resume with the right code completes it', async () => {
      const p = people.citizen();
      const login = freshLogin('res');
      const phone = freshPhone();
      const badCode = secretFile('000000');
      const first = await inProcess(
        [...without(args(p, login, phone), '--sms-code-stdin'), '--sms-code-file', badCode, '--json'],
        { env },
      );
      assert.equal(first.code, 8, first.stdout);
      assert.equal(first.json.error.code, 'SMS_CODE_INVALID');
      const id = first.json.error.data.registrationId as string;
      assert.ok(id, first.stdout);
      assert.match(first.json.error.hint, new RegExp(`oneid register --resume ${id}`));

      const code = (await sb.lastSms(phone))!.match(/\b(\d{6})\b/)![1]!;
      const good = secretFile(code);
      const r = await inProcess(['register', '--resume', id, '--sms-code-file', good, '--json'], { env });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.json.result.account.login, login);
      assert.equal(r.json.result.account.status, 'unverified');
      assert.equal(r.json.result.method, 'passport');
      assert.equal(
        (await sb.request('POST', '/api/v1/auth/login', { login, password: PASSWORD })).status,
        200,
      );

      // Done is done: resuming again is refused (exit 8) with the way to log in.
      const again = await inProcess(['register', '--resume', id, '--sms-code-file', good, '--json'], { env });
      assert.equal(again.code, 8);
      assert.equal(again.json.error.code, 'REGISTRATION_COMPLETED');
      assert.match(again.json.error.hint, /oneid login/);
      const unknown = await inProcess(
        ['register', '--resume', 'reg_nope', '--sms-code-file', good, '--json'],
        {
          env,
        },
      );
      assert.equal(unknown.code, 8);
      assert.equal(unknown.json.error.code, 'REGISTRATION_NOT_FOUND');
    });

    it('on a terminal: --resume asks only for the code of the last SMS', async () => {
      const p = people.citizen();
      const login = freshLogin('tty');
      const phone = freshPhone();
      const first = await inProcess(
        [
          ...without(args(p, login, phone), '--sms-code-stdin'),
          '--sms-code-file',
          secretFile('000000'),
          '--json',
        ],
        { env },
      );
      const id = first.json.error.data.registrationId as string;
      const code = (await sb.lastSms(phone))!.match(/\b(\d{6})\b/)![1]!;
      const r = await inProcess(['register', '--resume', id], { env, answers: [code] });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.asked, ['Code from the SMS']);
      assert.match(r.stderr, /Enter the code of the last SMS of this registration/);
      assert.match(r.stdout, new RegExp(`Account ${login} is registered`));
    });

    it('--resend-sms: a new code is sent (the old one stops working) and completes the registration', async () => {
      const p = people.citizen();
      const login = freshLogin('new');
      const phone = freshPhone();
      const first = await cli([...registerArgs(p, login, phone, passwordFile), '--json'], {
        env,
        feed: await smsFeed(sb, phone, wrong),
      });
      assert.equal(first.code, 8, first.stdout);
      const id = first.json.error.data.registrationId as string;
      const old = (await sb.lastSms(phone))!.match(/\b(\d{6})\b/)![1]!;
      const r = await cli(['register', '--resume', id, '--resend-sms', '--sms-code-stdin', '--json'], {
        env,
        feed: await smsFeed(sb, phone),
      });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.json.result.account.login, login);
      assert.notEqual((await sb.lastSms(phone))!.match(/\b(\d{6})\b/)![1], old);
    });

    it('after a refused login (script): --resume goes on at the contacts step with another login', async () => {
      const taken = freshLogin('tkn');
      const owner = people.citizen();
      const ownerPhone = freshPhone();
      const made = await cli(registerArgs(owner, taken, ownerPhone, passwordFile), {
        env,
        feed: await smsFeed(sb, ownerPhone),
      });
      assert.equal(made.code, 0, made.stderr);

      const p = people.citizen();
      const phone = freshPhone();
      const first = await inProcess([...args(p, taken, phone), '--json'], { env });
      assert.equal(first.code, 8, first.stdout);
      assert.equal(first.json.error.code, 'LOGIN_TAKEN');
      const id = first.json.error.data.registrationId as string;
      const login = freshLogin('oth');
      const contacts = ['--login', login, '--email', `${login}@example.uz`, '--phone', phone];
      const r = await cli(
        [
          'register',
          '--resume',
          id,
          ...contacts,
          '--password-file',
          passwordFile,
          '--sms-code-stdin',
          '--json',
        ],
        { env, feed: await smsFeed(sb, phone) },
      );
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.json.result.account.login, login);
      assert.ok(r.json.result.fullName.startsWith(p.surname));
    });
  });
});
