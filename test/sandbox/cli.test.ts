// The `oneid sandbox` commands as a user runs them: bin/run.js (built dist/) in child processes,
// the portal detached in a temporary data dir.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { JPEG, libraryCsr } from './flows.js';

describe('oneid sandbox … (CLI)', function () {
  this.timeout(120_000);
  const data = mkdtempSync(path.join(tmpdir(), 'oneid-sandbox-cli-'));
  const env = { ONEID_SANDBOX_DATA: data };
  let url = '';
  const call = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const isBuf = Buffer.isBuffer(body);
    const res = await fetch(url + p, {
      method,
      headers:
        body === undefined
          ? headers
          : { 'content-type': isBuf ? 'image/jpeg' : 'application/json', ...headers },
      body: body === undefined ? undefined : isBuf ? (body as Buffer) : JSON.stringify(body),
    });
    return (await res.json()) as any;
  };

  after(async () => {
    await runCli(['sandbox', 'stop'], { env });
    rmSync(data, { recursive: true, force: true });
  });

  it('start --detach returns once the portal answers; a second start is refused (exit 2)', async () => {
    const r = await runCli(['sandbox', 'start', '--detach', '--port', '0', '--json'], { env });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    url = r.json.result.url;
    assert.equal(r.json.result.dataDir, data);
    assert.equal(r.json.result.detached, true);
    assert.ok(existsSync(path.join(data, 'sandbox.pid')));
    const again = await runCli(['sandbox', 'start', '--detach', '--port', '0', '--json'], { env });
    assert.equal(again.code, 2);
    assert.equal(again.json.error.code, 'SANDBOX_RUNNING');
  });

  it('status reports the URL, integrity and counts', async () => {
    const r = await runCli(['sandbox', 'status', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.result.running, true);
    assert.equal(r.json.result.url, url);
    assert.equal(r.json.result.integrity, 'ok');
    assert.ok(r.json.result.counts.persons >= 50);
    const human = await runCli(['sandbox', 'status', '--lang', 'ru'], { env });
    assert.match(human.stdout, /Работает по адресу/);
  });

  it('registry lists people and companies; --kind filters', async () => {
    const r = await runCli(['sandbox', 'registry', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.json.result.persons.length >= 50);
    assert.ok(r.json.result.companies.length >= 20);
    assert.ok(r.json.result.companies.every((c: { tin: string }) => /^2\d{8}$/.test(c.tin)));
    const f = await runCli(['sandbox', 'registry', '--kind', 'stateless', '--json'], { env });
    assert.ok(f.json.result.persons.length > 0);
    assert.ok(f.json.result.persons.every((p: { kind: string }) => p.kind === 'stateless'));
    const human = await runCli(['sandbox', 'registry', '--limit', '2'], { env });
    assert.match(human.stdout, /^People \(2\)/m);
    // Each company's roles, as the help promises ("Common For Head" and others).
    const first = r.json.result.companies[0];
    assert.match(human.stdout, new RegExp(`^\\s+${first.roles[0].pinfl}\\s+${first.roles[0].role}$`, 'm'));
    assert.match(human.stdout, /Common For Head/);
  });

  it('outbox shows the SMS code; pay, approve and reject drive an application', async () => {
    const reg = (await runCli(['sandbox', 'registry', '--json'], { env })).json.result;
    const staff = new Set(
      reg.companies.flatMap((c: { roles: Array<{ pinfl: string }> }) => c.roles.map((x) => x.pinfl)),
    );
    const [p1, p2] = reg.persons.filter(
      (p: { kind: string; pinfl: string; passport_expiry_date: string }) =>
        p.kind === 'citizen' &&
        !staff.has(p.pinfl) &&
        p.passport_expiry_date > new Date().toISOString().slice(0, 10),
    );
    await runCli(['sandbox', 'reset'], { env }); // also clears the SMS limits
    const prepare = async (p: { pinfl: string; phone: string }) => {
      const s = await call('POST', '/api/v1/key-applications', {
        type: 'individual',
        pinfl: p.pinfl,
        phone: p.phone,
      });
      const out = await runCli(['sandbox', 'outbox', '--phone', p.phone, '--last', '1', '--json'], { env });
      assert.equal(out.code, 0, out.stderr);
      const code = /\b(\d{6})\b/.exec(out.json.result.messages[0].body)![1];
      const { secret } = await call('POST', `/api/v1/key-applications/${s.id}/confirm`, { code });
      const auth = { 'x-application-secret': secret as string };
      await call('PUT', `/api/v1/key-applications/${s.id}/request`, { pkcs10: libraryCsr() }, auth);
      await call('PUT', `/api/v1/key-applications/${s.id}/documents/photo`, JPEG, auth);
      await call('PUT', `/api/v1/key-applications/${s.id}/documents/selfie`, JPEG, auth);
      const sub = await call('POST', `/api/v1/key-applications/${s.id}/submit`, undefined, auth);
      return { id: s.id as string, invoice: sub.invoice.id as string };
    };
    await call('PATCH', '/api/v1/sandbox/settings', { reviewDelayMs: -1 });
    const a = await prepare(p1);
    const pay = await runCli(['sandbox', 'pay', a.invoice, '--json'], { env });
    assert.equal(pay.code, 0, pay.stderr);
    assert.equal(pay.json.result.status, 'in_review');
    const paidTwice = await runCli(['sandbox', 'pay', a.invoice, '--json'], { env });
    assert.equal(paidTwice.code, 8);
    assert.equal(paidTwice.json.error.code, 'INVOICE_PAID');
    const ok = await runCli(['sandbox', 'approve', a.id, '--json'], { env });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.json.result.status, 'issued');
    assert.match(ok.json.result.certificateSerial, /^[0-9a-f]+$/);

    const b = await prepare(p2);
    const rej = await runCli(['sandbox', 'reject', b.id, '--reason', 'Photo unreadable', '--json'], { env });
    assert.equal(rej.code, 0, rej.stderr);
    assert.equal(rej.json.result.rejectReason, 'Photo unreadable');
    const missing = await runCli(['sandbox', 'approve', 'ka_nothing', '--json'], { env });
    assert.equal(missing.code, 8);
    assert.equal(missing.json.error.code, 'APPLICATION_NOT_FOUND');
    const human = await runCli(['sandbox', 'outbox', '--phone', p2.phone, '--last', '1'], { env });
    assert.match(human.stdout, /Photo unreadable/);
  });

  it('reset on a running sandbox empties the user data and keeps the registries', async () => {
    const r = await runCli(['sandbox', 'reset', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.result.mode, 'running');
    const s = await runCli(['sandbox', 'status', '--json'], { env });
    assert.equal(s.json.result.counts.key_applications, 0);
    assert.ok(s.json.result.counts.persons >= 50);
  });

  it('stop ends it; then status says not running, admin commands exit 7, reset clears the files', async () => {
    const r = await runCli(['sandbox', 'stop', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.result.stopped, true);
    assert.equal(existsSync(path.join(data, 'sandbox.pid')), false);
    const s = await runCli(['sandbox', 'status', '--json'], { env });
    assert.equal(s.json.result.running, false);
    const o = await runCli(['sandbox', 'outbox', '--json'], { env });
    assert.equal(o.code, 7);
    assert.equal(o.json.error.code, 'SANDBOX_NOT_RUNNING');
    const again = await runCli(['sandbox', 'stop', '--json'], { env });
    assert.equal(again.json.result.stopped, false);
    const reset = await runCli(['sandbox', 'reset', '--json'], { env });
    assert.equal(reset.json.result.mode, 'stopped');
    assert.equal(existsSync(path.join(data, 'sandbox.db')), false);
  });

  it('refuses a bad port before starting anything (exit 2)', async () => {
    const r = await runCli(['sandbox', 'start', '--port', '70000', '--json'], { env });
    assert.equal(r.code, 2);
  });
});

describe('oneid sandbox start (foreground)', function () {
  this.timeout(60_000);
  it('runs until SIGINT, logs requests on stderr without secrets, and exits 0', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/cli.js');
    const data = mkdtempSync(path.join(tmpdir(), 'oneid-sandbox-fg-'));
    const child = spawn(process.execPath, [BIN, 'sandbox', 'start', '--port', '0', '--data', data], {
      env: { ...process.env, NO_COLOR: '1', ONEID_NO_PROMPT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no start: ${stderr}`)), 40_000);
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (m) {
          clearTimeout(t);
          resolve(m[1]!);
        }
      });
    });
    const res = await fetch(`${url}/api/v1/account?access_token=SECRET123`, {
      headers: { authorization: 'Bearer ' + 'S'.repeat(43) },
    });
    assert.equal(res.status, 400); // unknown query parameter; the URL is still logged, redacted
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    assert.equal(code, 0, stderr);
    assert.match(stderr, /\/api\/v1\/account/);
    assert.doesNotMatch(stderr, /SECRET123|SSSSSSSS/);
    assert.equal(stdout, '', 'the foreground portal writes its log to stderr only');
    rmSync(data, { recursive: true, force: true });
  });
});
