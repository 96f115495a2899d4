/**
 * `key apply` and `key status` as a user runs them (bin/run.js, built dist/) against a fresh
 * sandbox portal: what only a process shows — the SMS code fed on stdin later, SIGKILL and resume,
 * Ctrl-C (exit 130), the JSON contract end to end. Everything else runs in-process
 * (commands.test.ts).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { readPfx, encodePublicKey, publicKeyOf } from '../../src/lib/pki/index.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { plainCitizens, registry, type Company, type Person } from '../sandbox/flows.js';
import {
  applyArgs,
  cli,
  KEY_PASSWORD,
  newUser,
  onlyState,
  readState,
  spawnCli,
  until,
  type User,
} from './helpers.js';

describe('key apply / key status (CLI, sandbox)', function () {
  this.timeout(60_000);
  let sb: SandboxHandle;
  let people: Person[];
  let companies: Company[];
  let next = 0;
  const person = () => people[next++]!;

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true, settings: { reviewDelayMs: -1 } });
    const reg = await registry(sb);
    people = plainCitizens(reg);
    companies = reg.companies;
  });
  after(async () => sb?.stop());

  const smsCode = (phone: string) =>
    until(() => sb.lastSmsCode(phone).catch(() => undefined), 10_000, 'SMS code');
  const pay = async (invoice: string) =>
    assert.equal((await sb.request('POST', `/api/v1/sandbox/invoices/${invoice}/pay`)).status, 200);
  const approve = async (id: string) =>
    assert.equal((await sb.request('POST', `/api/v1/sandbox/key-applications/${id}/approve`)).status, 200);

  it("individual, default O'z DSt 1092 key: SMS code on stdin, pay, approve, key status installs it", async () => {
    const p = person();
    const u = newUser(sb.url);
    const run = spawnCli(u, applyArgs(p, u, '--sms-code-stdin', '--yes', '--json'));
    run.write((await smsCode(p.phone)) + '\n');
    const r = await run.done;
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const a = r.json.result;
    assert.equal(a.status, 'awaiting_payment');
    assert.equal(a.step, 'submitted');
    assert.ok(a.invoice.amount > 0);
    await pay(a.invoice.id);
    await approve(a.id);
    const s = await cli(u, ['key', 'status', a.id, '--json']);
    assert.equal(s.code, 0, s.stderr + s.stdout);
    const app = s.json.result.applications[0];
    assert.equal(app.status, 'issued');
    assert.deepEqual(
      app.history.map((h: any) => h.status),
      ['awaiting_sms', 'draft', 'awaiting_payment', 'issued'],
    );
    const file = app.installed as string;
    assert.equal(path.dirname(file), u.keys);
    assert.match(path.basename(file), new RegExp(`^DS${p.pinfl}0001\\.pfx$`));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const opened = readPfx(readFileSync(file), KEY_PASSWORD);
    assert.equal(encodePublicKey(publicKeyOf(opened.privateKey)).toString('base64'), a.publicKey);
    assert.equal(opened.certificate.identity.pinfl, p.pinfl);
    assert.ok(opened.chain.length >= 2, 'chain in the PFX');
    assert.equal(
      readState(u, a.id).pendingKey && existsSync(readState(u, a.id).pendingKey),
      false,
      'pending copy dropped',
    );
    await signAndVerify(u, file, p.pinfl);
  });

  it('legal entity: resumed from files, --yes, key status --watch installs; key list, key info, sign and verify', async () => {
    const c = companies.find((x) => x.roles.some((r) => r.role === 'Common For Head'))!;
    const director = c.roles.find((r) => r.role === 'Common For Head')!.pinfl;
    const phone = (await registry(sb)).persons.find((x) => x.pinfl === director)!.phone;
    const u = newUser(sb.url);
    const base = [
      'key',
      'apply',
      '--legal',
      '--tin',
      c.tin,
      '--phone',
      phone,
      '--photo',
      u.photo,
      '--selfie',
      u.selfie,
    ];
    // No SMS code source and no terminal: the application waits, the error names how to continue.
    const first = await cli(u, [...base, '--alg', 'rsa', '--json']);
    assert.equal(first.code, 2, first.stdout);
    assert.equal(first.json.error.code, 'SMS_CODE_NEEDED');
    const id = first.json.error.data.applicationId as string;
    assert.match(first.json.error.hint, new RegExp(`--resume ${id}`));
    assert.equal(readState(u, id).step, 'key');
    const codeFile = path.join(u.root, 'code.txt');
    writeFileSync(codeFile, (await smsCode(phone)) + '\n');
    // Everything attached, but sending needs --yes without a terminal.
    const second = await cli(u, ['key', 'apply', '--resume', id, '--sms-code-file', codeFile, '--json']);
    assert.equal(second.code, 2, second.stdout);
    assert.equal(second.json.error.code, 'SUBMIT_CONFIRMATION_NEEDED');
    const third = await cli(u, ['key', 'apply', '--resume', id, '--yes', '--json']);
    assert.equal(third.code, 0, third.stderr + third.stdout);
    assert.equal(third.json.result.status, 'awaiting_payment');
    assert.equal(third.json.result.tin, c.tin);
    assert.equal(third.json.result.pinfl, director);
    const human = await cli(u, ['key', 'status', id]);
    assert.match(
      human.stdout,
      new RegExp(
        `Invoice ${third.json.result.invoice.id}: [\\d ]+ UZS \\(${third.json.result.invoice.percent}% of the BHM, \\d{3} \\d{3} UZS\\)\\.`,
      ),
    );
    const watch = spawnCli(u, ['key', 'status', id, '--watch', '--json']);
    await until(() => readState(u, id)?.history.length >= 3 || undefined, 10_000, 'first poll');
    await pay(third.json.result.invoice.id);
    await until(
      async () =>
        (
          await sb.request('GET', `/api/v1/key-applications/${id}`, undefined, {
            'x-application-secret': readState(u, id).secret,
          })
        ).body.status === 'in_review' || undefined,
    );
    await approve(id);
    const w = await watch.done;
    assert.equal(w.code, 0, w.stderr + w.stdout);
    const installed = w.json.result.applications[0].installed as string;
    assert.equal(path.basename(installed), `DS${c.tin}0001.pfx`);

    const list = await cli(u, ['key', 'list', '--json']);
    assert.equal(list.code, 0, list.stderr);
    const listed = list.json.result.keys.find((k: any) => k.path === installed);
    assert.ok(listed, JSON.stringify(list.json.result));
    assert.equal(listed.tin, c.tin);
    assert.equal(listed.pinfl, director);
    const info = await cli(u, ['key', 'info', installed, '--json']);
    assert.equal(info.code, 0, info.stderr + info.stdout);
    const infoText = JSON.stringify(info.json.result);
    assert.ok(infoText.includes(director) && infoText.includes(c.tin), infoText);

    await signAndVerify(u, installed, c.tin);
  });

  const spkiOf = (file: string) =>
    encodePublicKey(publicKeyOf(readPfx(readFileSync(file), KEY_PASSWORD).privateKey)).toString('base64');

  it('crash after key generation (SIGKILL): --resume keeps the same private key', async () => {
    const p = person();
    const u = newUser(sb.url);
    const run = spawnCli(u, applyArgs(p, u, '--alg', 'ec', '--sms-code-stdin', '--yes', '--json'));
    // The key is generated while the SMS travels; the process then waits for the code on stdin.
    const id = await until(
      () => (onlyState(u)?.step === 'key' ? (onlyState(u).id as string) : undefined),
      15_000,
      'key',
    );
    const before = readState(u, id);
    assert.equal(statSync(before.pendingKey).mode & 0o777, 0o600);
    const pendingSpki = spkiOf(before.pendingKey);
    assert.equal(pendingSpki, before.publicKey);
    run.child.kill('SIGKILL');
    assert.equal((await run.done).signal, 'SIGKILL');

    const codeFile = path.join(u.root, 'code.txt');
    writeFileSync(codeFile, await smsCode(p.phone));
    const resumed = await cli(u, [
      'key',
      'apply',
      '--resume',
      id,
      '--sms-code-file',
      codeFile,
      '--yes',
      '--json',
    ]);
    assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
    assert.equal(resumed.json.result.publicKey, pendingSpki);
    await pay(resumed.json.result.invoice.id);
    await approve(id);
    // The USB stick is not plugged in any more: nothing is written to its mount point.
    rmSync(path.dirname(u.keys), { recursive: true });
    const away = await cli(u, ['key', 'status', id, '--json']);
    assert.equal(away.code, 2, away.stdout);
    assert.equal(away.json.error.code, 'KEY_FOLDER_MISSING');
    assert.equal(existsSync(path.dirname(u.keys)), false);
    const elsewhere = path.join(u.home, 'DSKEYS');
    const s = await cli(u, ['key', 'status', id, '--dir', elsewhere, '--json']);
    assert.equal(s.code, 0, s.stderr + s.stdout);
    assert.equal(path.dirname(s.json.result.applications[0].installed), elsewhere);
    assert.equal(spkiOf(s.json.result.applications[0].installed), pendingSpki);
    const all = await cli(u, ['key', 'status', '--json']);
    assert.deepEqual(
      all.json.result.applications.map((a: any) => [a.id, a.status, a.installed]),
      [[id, 'issued', s.json.result.applications[0].installed]],
    );
  });

  it('crash after submission (SIGKILL while waiting): --resume installs the same key', async () => {
    const p = person();
    const u = newUser(sb.url);
    const run = spawnCli(u, applyArgs(p, u, '--alg', 'ec', '--yes', '--wait', '--sms-code-stdin'));
    run.write((await smsCode(p.phone)) + '\n');
    const id = await until(
      () => (onlyState(u)?.step === 'submitted' ? (onlyState(u).id as string) : undefined),
      15_000,
      'submitted',
    );
    const state = readState(u, id);
    run.child.kill('SIGKILL');
    await run.done;
    await pay(state.invoice.id);
    await approve(id);
    const resumed = await cli(u, ['key', 'apply', '--resume', id, '--json']);
    assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
    assert.equal(resumed.json.result.status, 'issued');
    assert.equal(spkiOf(resumed.json.result.installed), state.publicKey);
    // Installing again finds the key file already there and writes nothing new.
    const again = await cli(u, ['key', 'status', id, '--json']);
    assert.equal(again.json.result.applications[0].installed, resumed.json.result.installed);
  });

  it('Ctrl-C while waiting for the SMS code: exit 130, the key stays, the answer says how to resume', async () => {
    const p = person();
    const u = newUser(sb.url);
    const run = spawnCli(u, applyArgs(p, u, '--alg', 'ec', '--sms-code-stdin', '--json'));
    const id = await until(
      () => (onlyState(u)?.step === 'key' ? (onlyState(u).id as string) : undefined),
      15_000,
      'key',
    );
    run.child.kill('SIGINT');
    const r = await run.done;
    assert.equal(r.code, 130, r.stderr + r.stdout);
    assert.equal(r.json.status, 130);
    assert.equal(r.json.error.data.applicationId, id);
    assert.match(r.json.error.hint, new RegExp(`oneid key apply --resume ${id}`));
    assert.equal(spkiOf(readState(u, id).pendingKey), readState(u, id).publicKey);
  });

  it('Ctrl-C without --json: the base command’s error lines (stderr only) and exit 130', async () => {
    const p = person();
    const u = newUser(sb.url);
    const run = spawnCli(u, applyArgs(p, u, '--alg', 'ec', '--sms-code-stdin', '--lang', 'ru'));
    const id = await until(
      () => (onlyState(u)?.step === 'key' ? (onlyState(u).id as string) : undefined),
      15_000,
      'key',
    );
    run.child.kill('SIGINT');
    const r = await run.done;
    assert.equal(r.code, 130, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Ошибка: Прервано\. Все завершённые шаги сохранены\.$/m);
    assert.match(r.stderr, new RegExp(`oneid key apply --resume ${id}\n$`));
  });
});

/** The installed key signs a file (attached CMS) that `key verify` accepts, trusting the chain's root. */
async function signAndVerify(u: User, key: string, id: string): Promise<void> {
  const doc = path.join(u.root, `contract-${id}.txt`);
  writeFileSync(doc, 'Shartnoma / Договор / Contract\n');
  const signed = await cli(u, ['key', 'sign', doc, '--key', key, '--json']);
  assert.equal(signed.code, 0, signed.stderr + signed.stdout);
  const root = path.join(u.root, `root-${id}.der`);
  writeFileSync(root, readPfx(readFileSync(key), KEY_PASSWORD).chain.at(-1)!.raw);
  const verified = await cli(u, ['key', 'verify', `${doc}.p7s`, '--ca', root, '--json']);
  assert.equal(verified.code, 0, verified.stderr + verified.stdout);
  assert.ok(JSON.stringify(verified.json.result).includes(id), 'the signer is the key holder');
}
