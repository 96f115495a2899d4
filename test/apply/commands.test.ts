/**
 * `key apply` and `key status` run in-process (test/helpers/run-command.ts) against a fresh
 * sandbox portal: inputs checked before anything is created or sent, the key password had at the
 * start of a resume, what is said about the SMS code, status changes noted once, refusals with
 * their own messages, and the help texts in every language. What only a process shows (stdin fed
 * later, SIGKILL and SIGINT, the JSON contract end to end) stays in cli.test.ts.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { helpKey } from '../../src/cli/help.js';
import { hasKey } from '../../src/lib/i18n/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { runCommand } from '../helpers/run-command.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { plainCitizens, registry, type Person } from '../sandbox/flows.js';
import { applyArgs, KEY_PASSWORD, newUser, readState, onlyState, until, type User } from './helpers.js';

const run = (u: User, argv: string[], env: Record<string, string | undefined> = {}) =>
  runCommand(argv, { env: { ...u.env, ...env } });

describe('key apply / key status (in-process, sandbox)', function () {
  this.timeout(60_000);
  let sb: SandboxHandle;
  let people: Person[];
  let next = 0;
  const person = () => people[next++]!;

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true, settings: { reviewDelayMs: -1 } });
    people = plainCitizens(await registry(sb));
  });
  after(async () => sb?.stop());

  const smsCode = (phone: string) =>
    until(() => sb.lastSmsCode(phone).catch(() => undefined), 10_000, 'SMS code');
  const pay = async (invoice: string) =>
    assert.equal((await sb.request('POST', `/api/v1/sandbox/invoices/${invoice}/pay`)).status, 200);
  const approve = async (id: string) =>
    assert.equal((await sb.request('POST', `/api/v1/sandbox/key-applications/${id}/approve`)).status, 200);

  /** An application that waits for its SMS code (no code source): its id. */
  const waitingForSms = async (p: Person, u: User): Promise<string> => {
    const r = await run(u, applyArgs(p, u, '--alg', 'ec', '--json'));
    assert.equal(r.code, 2, r.stdout);
    assert.equal(r.json.error.code, 'SMS_CODE_NEEDED');
    return r.json.error.data.applicationId as string;
  };

  /** An application sent and waiting for payment. */
  const sent = async (p: Person, u: User) => {
    const id = await waitingForSms(p, u);
    const r = await run(u, ['key', 'apply', '--resume', id, '--yes', '--json'], {
      ONEID_SMS_CODE: await smsCode(p.phone),
    });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    return r.json.result as { id: string; invoice: { id: string } };
  };

  describe('nothing is created or sent before every input is checked (item 2)', () => {
    it('a photo over 5 MB or not an image: no key folder, no application state, no SMS', async () => {
      const p = person();
      const u = newUser(sb.url);
      const big = path.join(u.root, 'big.jpg');
      writeFileSync(big, Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.alloc(5 * 1024 * 1024)]));
      const args = (photo: string) => [
        ...['key', 'apply', '--pinfl', p.pinfl, '--phone', p.phone],
        ...['--photo', photo, '--selfie', u.selfie, '--json'],
      ];
      const tooBig = await run(u, args(big));
      assert.equal(tooBig.code, 2);
      assert.equal(tooBig.json.error.code, 'DOCUMENT_TOO_LARGE');
      assert.match(tooBig.json.error.message, /The photo .*big\.jpg is 5\.0 MB; at most 5 MB is accepted\./);
      const text = path.join(u.root, 'photo.jpg');
      writeFileSync(text, 'this is not a picture');
      const notImage = await run(u, args(text), { ONEID_LANG: 'uz' });
      assert.equal(notImage.code, 2);
      assert.equal(notImage.json.error.code, 'DOCUMENT_NOT_IMAGE');
      assert.match(notImage.json.error.message, /JPEG yoki PNG rasm emas/);
      const noSelfie = await run(u, [
        ...applyArgs(p, u).slice(0, -1),
        path.join(u.root, 'none.png'),
        '--json',
      ]);
      assert.equal(noSelfie.json.error.code, 'DOCUMENT_UNREADABLE');
      assert.equal(existsSync(u.keys), false, 'the DSKEYS folder was created');
      assert.equal(existsSync(path.join(u.config, 'applications')), false, 'application state created');
      assert.equal(await sb.lastSms(p.phone), undefined, 'no SMS was sent');
    });

    it('on a terminal, a bad photo is refused as soon as it is named, before any folder or SMS', async () => {
      const p = person();
      const u = newUser(sb.url);
      const text = path.join(u.root, 'photo.png');
      writeFileSync(text, 'not a picture');
      const r = await runCommand(['key', 'apply'], {
        env: { ...u.env, ONEID_KEY_PASSWORD: undefined },
        answers: ['individual', p.pinfl, p.phone, 'Toshkent shahri', 'Chilonzor', text],
      });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /The photo .*photo\.png is not a JPEG or PNG image\./);
      assert.deepEqual(r.asked, [
        'Who is the key for?',
        'PINFL (14 digits):',
        'Mobile phone registered to the key holder (+998…):',
        'Region (viloyat)',
        'District or city (tuman / shahar)',
        'Your photo (JPEG or PNG, at most 5 MB):',
      ]);
      assert.equal(existsSync(u.keys), false, 'the DSKEYS folder was created');
      assert.equal(await sb.lastSms(p.phone), undefined, 'no SMS was sent');
    });

    it('a key folder that cannot be created: refused before the SMS, nothing created', async () => {
      const p = person();
      const u = newUser(sb.url);
      const file = path.join(u.root, 'not-a-folder');
      writeFileSync(file, 'x');
      const r = await run(u, applyArgs(p, u, '--dir', path.join(file, 'DSKEYS'), '--json'));
      assert.equal(r.code, 2, r.stdout);
      assert.equal(r.json.error.code, 'KEY_FOLDER_UNUSABLE');
      assert.match(r.json.error.message, /Cannot use the key folder .*not-a-folder.DSKEYS \(ENOTDIR\)/);
      assert.equal(existsSync(u.keys), false);
      assert.equal(existsSync(path.join(u.config, 'applications')), false);
      assert.equal(await sb.lastSms(p.phone), undefined, 'no SMS was sent');
    });

    it('a phone the portal refuses: exit 8 with the applicant’s message, and no key folder left behind', async () => {
      const p = person();
      const other = person();
      const u = newUser(sb.url);
      const r = await run(u, [
        ...applyArgs(p, u).slice(0, 4),
        '--phone',
        other.phone,
        ...applyArgs(p, u).slice(6),
        '--json',
      ]);
      assert.equal(r.code, 8, r.stdout);
      assert.equal(r.json.error.code, 'PHONE_MISMATCH');
      assert.match(r.json.error.message, /is not registered to the key holder/);
      assert.match(r.json.error.hint, /Public Services Centre/);
      assert.equal(existsSync(u.keys), false, 'the DSKEYS folder was created');
      const bad = await run(u, ['key', 'apply', '--pinfl', '12345678901234', '--phone', p.phone, '--json']);
      assert.equal(bad.code, 2, 'PINFL checked locally');
    });

    it('the key folder is created once the application has started', async () => {
      const p = person();
      const u = newUser(sb.url);
      await waitingForSms(p, u);
      assert.equal(existsSync(u.keys), true);
    });
  });

  describe('--resume (item 3)', () => {
    it('has the key password at the start: without a source, exit 2 before the SMS code is used', async () => {
      const p = person();
      const u = newUser(sb.url);
      const id = await waitingForSms(p, u);
      const code = await smsCode(p.phone);
      const argv = ['key', 'apply', '--resume', id, '--yes'];
      const none = await run(u, [...argv, '--json'], { ONEID_SMS_CODE: code, ONEID_KEY_PASSWORD: undefined });
      assert.equal(none.code, 2, none.stdout);
      assert.equal(none.json.error.code, 'SECRET_MISSING');
      assert.match(none.json.error.message, /--key-password-file/);
      assert.equal(none.json.error.data.applicationId, id);
      assert.equal(readState(u, id).step, 'key', 'nothing was done');
      // A wrong password is found at the start too (exit 4), still before the SMS code.
      const wrong = await run(u, [...argv, '--json'], {
        ONEID_SMS_CODE: code,
        ONEID_KEY_PASSWORD: 'Wrong-pass-12',
      });
      assert.equal(wrong.code, 4, wrong.stdout);
      assert.equal(readState(u, id).step, 'key');
      // The same code still works: it was never sent to the portal.
      const ok = await run(u, argv, { ONEID_SMS_CODE: code });
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(readState(u, id).step, 'submitted');
    });

    it('on a terminal, asks for the key password first, then the SMS code, then to send', async () => {
      const p = person();
      const u = newUser(sb.url);
      const id = await waitingForSms(p, u);
      const r = await runCommand(['key', 'apply', '--resume', id], {
        env: { ...u.env, ONEID_KEY_PASSWORD: undefined },
        answers: [KEY_PASSWORD, await smsCode(p.phone), true],
      });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.asked, [
        'Key password:',
        'Confirmation code from the SMS:',
        'Send the application?',
      ]);
      assert.equal(readState(u, id).step, 'submitted');
    });

    it('says that no new SMS was sent (and that one was, with --resend-sms)', async () => {
      const p = person();
      const u = newUser(sb.url);
      const id = await waitingForSms(p, u);
      const again = await run(u, ['key', 'apply', '--resume', id]);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /No new SMS was sent: enter the code from the SMS sent earlier to \+998/);
      assert.doesNotMatch(again.stderr, /was sent by SMS/);
      const ru = await run(u, ['key', 'apply', '--resume', id, '--lang', 'ru']);
      assert.match(ru.stderr, /Новое SMS не отправлялось/);
      const fresh = await run(u, ['key', 'apply', '--resume', id, '--resend-sms']);
      assert.equal(fresh.code, 2);
      assert.match(fresh.stderr, /A confirmation code was sent by SMS to \+998/);
      assert.doesNotMatch(fresh.stderr, /No new SMS was sent/);
    });
  });

  it('key status --watch notes each status change once (item 4)', async () => {
    const p = person();
    const u = newUser(sb.url);
    const a = await sent(p, u);
    await pay(a.invoice.id);
    await approve(a.id);
    const w = await run(u, ['key', 'status', a.id, '--watch']);
    assert.equal(w.code, 0, w.stderr);
    assert.equal(w.stderr.match(/Status: approved, certificate issued/g)?.length, 1, w.stderr);
    assert.match(w.stdout, /Key file: .*\.pfx/);
  });

  describe('refusals', () => {
    it('wrong SMS code, in English and Russian; a new code (--resend-sms) finishes the application', async () => {
      const p = person();
      const u = newUser(sb.url);
      const r = await run(u, applyArgs(p, u, '--alg', 'ec', '--yes', '--json'), { ONEID_SMS_CODE: '000000' });
      assert.equal(r.code, 8, r.stdout);
      assert.equal(r.json.error.code, 'SMS_CODE_INVALID');
      assert.match(r.json.error.message, /The SMS code is wrong; attempts left: \d+\./);
      const id = r.json.error.data.applicationId as string;
      assert.equal(id, onlyState(u).id);
      const ru = await run(u, ['key', 'apply', '--resume', id, '--lang', 'ru'], { ONEID_SMS_CODE: '000000' });
      assert.equal(ru.code, 8, ru.stderr);
      assert.match(ru.stderr, /Неверный SMS-код; осталось попыток: \d+\./);
      const oldCode = await smsCode(p.phone);
      const resent = await run(u, ['key', 'apply', '--resume', id, '--resend-sms', '--json']);
      assert.equal(resent.json.error.code, 'SMS_CODE_NEEDED');
      const fresh = await smsCode(p.phone);
      assert.notEqual(fresh, oldCode);
      const done = await run(u, ['key', 'apply', '--resume', id, '--yes', '--json'], {
        ONEID_SMS_CODE: fresh,
      });
      assert.equal(done.code, 0, done.stderr + done.stdout);
      assert.equal(done.json.result.status, 'awaiting_payment');
    });

    it('SMS limit reached: the hint says when to try again, in words and clock time', async () => {
      const p = person();
      const u = newUser(sb.url);
      for (let i = 0; i < 5; i++) {
        const r = await sb.request('POST', '/api/v1/key-applications', {
          type: 'individual',
          pinfl: p.pinfl,
          phone: p.phone,
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
      const en = await run(u, [...applyArgs(p, u), '--json']);
      assert.equal(en.code, 8, en.stdout);
      assert.equal(en.json.error.code, 'SMS_RATE_LIMITED');
      assert.doesNotMatch(en.json.error.message, /later/);
      assert.match(en.json.error.hint, /^Try again in \d+ min \(after \d\d:\d\d\)\.$/);
      const ru = await run(u, [...applyArgs(p, u), '--lang', 'ru']);
      assert.match(ru.stderr, /Повторите через \d+ мин \(после \d\d:\d\d\)/);
    });

    it('unknown applications: nothing to resume here; one made elsewhere needs the holder’s session', async () => {
      const u = newUser(sb.url);
      const resume = await run(u, ['key', 'apply', '--resume', 'ka_nothing', '--json']);
      assert.equal(resume.code, 2);
      assert.equal(resume.json.error.code, 'APPLICATION_UNKNOWN');
      const status = await run(u, ['key', 'status', 'ka_nothing', '--json']);
      assert.equal(status.code, 3, status.stdout);
      assert.equal(status.json.error.code, 'APPLICATION_NOT_LOCAL');
      assert.match(status.json.error.hint, /oneid login/);
      const withSession = await run(u, ['key', 'status', 'ka_nothing', '--json'], {
        ONEID_TOKEN: 'a'.repeat(43),
      });
      assert.equal(withSession.code, 8, withSession.stdout);
      assert.equal(withSession.json.error.code, 'APPLICATION_NOT_FOUND');
      assert.match(withSession.json.error.message, /The portal has no application ka_nothing,/);
      const none = await run(u, ['key', 'status', '--json']);
      assert.deepEqual(none.json.result, { applications: [] });
      const human = await run(u, ['key', 'status', '--lang', 'uz']);
      assert.match(human.stderr, /Bu kompyuterdan kalit olish uchun ariza berilmagan/);
    });

    it('application rejected by the reviewer: exit 8 with the reason, the result still in the envelope', async () => {
      const p = person();
      const u = newUser(sb.url);
      const a = await sent(p, u);
      await pay(a.invoice.id);
      const rej = await sb.request('POST', `/api/v1/sandbox/key-applications/${a.id}/reject`, {
        reason: 'The selfie is blurred',
      });
      assert.equal(rej.status, 200);
      const s = await run(u, ['key', 'status', a.id, '--json']);
      assert.equal(s.code, 8, s.stdout);
      assert.equal(s.json.error.code, 'APPLICATION_REJECTED');
      assert.match(s.json.error.message, /rejected by the reviewer: The selfie is blurred/);
      assert.equal(s.json.result.applications[0].status, 'rejected');
      const human = await run(u, ['key', 'status', a.id, '--lang', 'ru']);
      assert.match(human.stderr, /отклонена при рассмотрении: The selfie is blurred/);
      assert.match(human.stdout, /Reason: The selfie is blurred|Причина: The selfie is blurred/);
      const list = await run(u, ['key', 'status', '--json']);
      assert.deepEqual(
        list.json.result.applications.map((x: any) => [x.id, x.status, x.local]),
        [[a.id, 'rejected', true]],
      );
    });
  });
});

describe('key apply / key status: the commands (items 1 and 5)', () => {
  const files = ['apply', 'status'].map((n) => path.join(ROOT, 'src', 'cli', 'commands', 'key', `${n}.ts`));

  it('are thin: at most ~120 lines, output and Ctrl-C only through the context and the base command', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      assert.ok(text.split('\n').length <= 130, `${f}: ${text.split('\n').length} lines`);
      assert.doesNotMatch(text, /process\.(exit|stdout|stderr|once|on)\b|@inquirer\/prompts/, f);
    }
  });

  it('have every help text in the catalogs (so in en, ru and uz)', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8'));
    const global = new Set(['json', 'lang', 'no-color', 'no-prompt', 'profile']);
    const missing: string[] = [];
    for (const id of ['key:apply', 'key:status']) {
      const c = manifest.commands[id];
      const k = helpKey(id);
      for (const key of [`${k}.summary`, `${k}.description`]) if (!hasKey(key)) missing.push(key);
      for (const flag of Object.keys(c.flags))
        if (!global.has(flag) && !hasKey(`${k}.flag.${flag}`) && !hasKey(`cmd.flag.${flag}`))
          missing.push(`${k}.flag.${flag}`);
      for (const arg of Object.keys(c.args)) if (!hasKey(`${k}.arg.${arg}`)) missing.push(`${k}.arg.${arg}`);
    }
    assert.deepEqual(missing, []);
  });

  it('show their help in Russian and Uzbek', async function () {
    this.timeout(30_000);
    const [ru, uz] = await Promise.all([
      runCli(['key', 'apply', '--help', '--lang', 'ru']),
      runCli(['key', 'status', '--help'], { env: { ONEID_LANG: 'uz' } }),
    ]);
    assert.match(ru.stdout, /Онлайн-заявка e-imzo\.uz из командной строки/);
    assert.match(ru.stdout, /--resend-sms\s+С --resume: сначала попросить портал/);
    assert.match(ru.stdout, /--sms-code-file=<value>\s+Прочитать SMS-код из этого/);
    assert.match(uz.stdout, /--watch\s+Ariza bo‘yicha qaror chiqquncha so‘rash/);
    assert.match(uz.stdout, /\[ID\]\s+Ariza raqami/);
    assert.doesNotMatch(ru.stdout + uz.stdout, /Continue an interrupted application|Application id \(as/);
  });
});
