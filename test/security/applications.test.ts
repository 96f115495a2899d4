/**
 * Issue 13: key applications could be taken over. Each attack is replayed against a real sandbox
 * portal (and the CLI as a process where the applicant's side matters). The attacker talks from
 * another loopback address (127.0.0.2…), the victim from 127.0.0.1, so per-address limits are
 * seen as they would be between two machines.
 *
 * Every test here fails on the code before the fix: the 409 carried the open application's id,
 * the id alone opened the application, an unconfirmed application held the holder's slot
 * forever, the SMS limit per phone was shared by every address, and wrong phones were not limited.
 */
import { strict as assert } from 'node:assert';
import http from 'node:http';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import {
  applyArgs as applyFor,
  cli,
  newUser,
  readState,
  spawnCli,
  until,
  type User,
} from '../apply/helpers.js';
import {
  bearer,
  JPEG,
  libraryCsr,
  login,
  plainCitizens,
  register,
  registry,
  type Person,
} from '../sandbox/flows.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

const BASE = '/api/v1/key-applications';

describe('security: key applications cannot be taken over (issue 13)', function () {
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

  /** A request from another machine: the connection's source address is `from`. */
  const from = (
    addr: string,
    method: string,
    urlPath: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const u = new URL(sb.url + urlPath);
      const data =
        body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      const h: Record<string, string | number> = { ...headers };
      if (data) {
        h['content-length'] = data.length;
        h['content-type'] ??= Buffer.isBuffer(body) ? 'image/jpeg' : 'application/json';
      }
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname + u.search,
          method,
          headers: h,
          localAddress: addr,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // keep the text
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
          });
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  const attacker = (method: string, urlPath: string, body?: unknown, headers?: Record<string, string>) =>
    from('127.0.0.2', method, urlPath, body, headers);

  const smsCode = (phone: string) =>
    until(() => sb.lastSmsCode(phone).catch(() => undefined), 10_000, 'SMS code');
  const settings = async (s: Record<string, number>) =>
    assert.equal((await sb.request('PATCH', '/api/v1/sandbox/settings', s)).status, 200);
  const startBody = (p: Person, phone = p.phone) => ({ type: 'individual', pinfl: p.pinfl, phone });
  const applyArgs = (p: Person, u: User, ...extra: string[]) => applyFor(p, u, '--alg', 'ec', ...extra);
  /** The victim's own application, opened (SMS confirmed) over the API: its id and secret. */
  const opened = async (p: Person): Promise<{ id: string; secret: string }> => {
    const s = await sb.request('POST', BASE, startBody(p));
    assert.equal(s.status, 201, JSON.stringify(s.body));
    const c = await sb.request('POST', `${BASE}/${s.body.id}/confirm`, { code: await smsCode(p.phone) });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    return { id: s.body.id, secret: c.body.secret };
  };

  it('a second start for an open application does not reveal its id (the old 409 did)', async () => {
    const p = person();
    const victim = await opened(p);
    const probe = await attacker('POST', BASE, startBody(p));
    assert.ok(!JSON.stringify(probe.body).includes(victim.id), JSON.stringify(probe.body));
    assert.notEqual(probe.status, 409);
    // What the attacker got is an application of his own that only the phone can confirm.
    assert.equal(probe.status, 201, JSON.stringify(probe.body));
    assert.notEqual(probe.body.id, victim.id);
    const guess = await attacker('POST', `${BASE}/${probe.body.id}/confirm`, { code: '000000' });
    assert.equal(guess.status, 422);
    // The victim's application is untouched and still his.
    const v = await sb.request('GET', `${BASE}/${victim.id}`, undefined, {
      'x-application-secret': victim.secret,
    });
    assert.equal(v.status, 200);
    assert.equal(v.body.status, 'draft');
  });

  it('with a known id but no secret: read, replace the request, upload, submit, download are refused (404)', async () => {
    const p = person();
    const victim = await opened(p);
    const mine = { 'x-application-secret': victim.secret };
    const wrong = { 'x-application-secret': `kas_${'A'.repeat(43)}` };
    const bogusSession = { authorization: `Bearer ${'b'.repeat(43)}` };
    for (const headers of [{}, wrong, bogusSession] as Array<Record<string, string>>) {
      const calls: Array<[string, string, unknown, Record<string, string>]> = [
        ['GET', `${BASE}/${victim.id}`, undefined, headers],
        ['PUT', `${BASE}/${victim.id}/request`, { pkcs10: libraryCsr() }, headers],
        ['PUT', `${BASE}/${victim.id}/documents/photo`, JPEG, { ...headers, 'content-type': 'image/jpeg' }],
        ['POST', `${BASE}/${victim.id}/submit`, {}, headers],
        ['GET', `${BASE}/${victim.id}/certificate`, undefined, headers],
        ['POST', `${BASE}/${victim.id}/confirm`, { code: '123456' }, headers],
        ['POST', `${BASE}/${victim.id}/sms/resend`, {}, headers],
      ];
      for (const [m, url, body, h] of calls) {
        const r = await attacker(m, url, body, h);
        assert.equal(r.status, 404, `${m} ${url} ${JSON.stringify(h)}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.code, 'APPLICATION_NOT_FOUND');
        assert.ok(!JSON.stringify(r.body).includes(p.pinfl));
      }
    }
    // Nothing changed; the holder goes on with the secret, to the issued certificate.
    const view = await sb.request('GET', `${BASE}/${victim.id}`, undefined, mine);
    assert.deepEqual([view.body.request, view.body.photo], [false, false]);
    assert.equal(
      (await sb.request('PUT', `${BASE}/${victim.id}/request`, { pkcs10: libraryCsr() }, mine)).status,
      200,
    );
    for (const kind of ['photo', 'selfie'])
      assert.equal(
        (
          await sb.request('PUT', `${BASE}/${victim.id}/documents/${kind}`, JPEG, {
            ...mine,
            'content-type': 'image/jpeg',
          })
        ).status,
        200,
      );
    const sub = await sb.request('POST', `${BASE}/${victim.id}/submit`, undefined, mine);
    assert.equal(sub.status, 200);
    await sb.request('POST', `/api/v1/sandbox/invoices/${sub.body.invoice.id}/pay`);
    assert.equal(
      (await sb.request('POST', `/api/v1/sandbox/key-applications/${victim.id}/approve`)).status,
      200,
    );
    const stolen = await attacker('GET', `${BASE}/${victim.id}/certificate`);
    assert.equal(stolen.status, 404);
    assert.equal((await sb.request('GET', `${BASE}/${victim.id}/certificate`, undefined, mine)).status, 200);
  });

  it("the key holder's own session opens his application; another account's session does not", async () => {
    const [p, other] = [person(), person()];
    const victim = await opened(p);
    await register(sb, p, `holder${p.pinfl.slice(-6)}`);
    await register(sb, other, `other${other.pinfl.slice(-6)}`);
    const own = await login(sb, `holder${p.pinfl.slice(-6)}`);
    const foreign = await login(sb, `other${other.pinfl.slice(-6)}`);
    assert.equal((await attacker('GET', `${BASE}/${victim.id}`, undefined, bearer(foreign))).status, 404);
    const r = await sb.request('GET', `${BASE}/${victim.id}`, undefined, bearer(own));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.pinfl, p.pinfl);
  });

  it("an attacker's unconfirmed application blocks nobody, and is forgotten after its TTL", async () => {
    const p = person();
    const u = newUser(sb.url);
    // The attacker knows the PINFL and the phone, and starts first.
    const squat = await attacker('POST', BASE, startBody(p));
    assert.equal(squat.status, 201, JSON.stringify(squat.body));
    // The victim applies from his computer: no APPLICATION_OPEN, no id of somebody else's.
    const before = await sb.lastSms(p.phone);
    const run = spawnCli(u, applyArgs(p, u, '--sms-code-stdin', '--yes', '--json'));
    run.write(
      (await until(async () => ((await sb.lastSms(p.phone)) !== before ? smsCode(p.phone) : undefined))) +
        '\n',
    );
    const r = await run.done;
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.equal(r.json.result.status, 'awaiting_payment');
    assert.notEqual(r.json.result.id, squat.body.id);

    // Expiry: with a short TTL an unconfirmed application is gone.
    await settings({ applicationUnconfirmedTtlSeconds: 1 });
    try {
      const q = person();
      const again = await attacker('POST', BASE, startBody(q));
      assert.equal(again.status, 201);
      assert.equal((await attacker('GET', `${BASE}/${again.body.id}`)).status, 200);
      await new Promise((res) => setTimeout(res, 1300));
      const gone = await attacker('GET', `${BASE}/${again.body.id}`);
      assert.equal(gone.status, 404);
      assert.equal(gone.body.code, 'APPLICATION_NOT_FOUND');
      const late = await sb.request('POST', `${BASE}/${again.body.id}/confirm`, {
        code: await smsCode(q.phone),
      });
      assert.equal(late.status, 404);
      // …and the holder starts and resumes with the CLI as usual.
      const v = newUser(sb.url);
      const first = await cli(v, applyArgs(q, v, '--json'));
      assert.equal(first.json?.error?.code, 'SMS_CODE_NEEDED', first.stdout + first.stderr);
      const id = first.json.error.data.applicationId as string;
      const resumed = await cli(v, ['key', 'apply', '--resume', id, '--yes', '--json'], {
        env: { ONEID_SMS_CODE: await smsCode(q.phone) },
      });
      assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
      assert.equal(resumed.json.result.status, 'awaiting_payment');
    } finally {
      await settings({ applicationUnconfirmedTtlSeconds: 24 * 3600 });
    }
  });

  it("probes from one address cannot use up the victim's SMS allowance", async () => {
    const p = person();
    let limited = 0;
    let own: string | undefined;
    for (let i = 0; i < 12; i++) {
      const r = await attacker('POST', BASE, startBody(p));
      if (r.status === 201) own ??= r.body.id;
      else {
        assert.equal(r.status, 429, JSON.stringify(r.body));
        assert.equal(r.body.code, 'SMS_RATE_LIMITED');
        assert.ok(r.body.retryAfter > 0);
        limited++;
      }
    }
    assert.ok(limited >= 5, `only ${limited} refusals`);
    const resend = await attacker('POST', `${BASE}/${own}/sms/resend`, {});
    assert.equal(resend.status, 429);
    // The victim, from his own address, still gets his code and applies.
    const u = newUser(sb.url);
    const before = await sb.lastSms(p.phone);
    const run = spawnCli(u, applyArgs(p, u, '--sms-code-stdin', '--yes', '--json'));
    run.write(
      (await until(async () => ((await sb.lastSms(p.phone)) !== before ? smsCode(p.phone) : undefined))) +
        '\n',
    );
    const r = await run.done;
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.equal(r.json.result.status, 'awaiting_payment');
  });

  it('guessing the phone for a PINFL: 429 after the limit, even for the right phone, from any address', async () => {
    const p = person();
    const wrong = (i: number) => `+9989900000${String(i).padStart(2, '0')}`;
    let i = 0;
    for (; i < 10; i++) {
      const r = await attacker('POST', BASE, startBody(p, wrong(i)));
      assert.equal(r.status, 422, JSON.stringify(r.body));
      assert.equal(r.body.code, 'PHONE_MISMATCH');
    }
    const right = await attacker('POST', BASE, startBody(p));
    assert.equal(right.status, 429, JSON.stringify(right.body));
    assert.equal(right.body.code, 'TOO_MANY_MISMATCHES');
    assert.ok(right.body.retryAfter > 0);
    assert.equal(right.headers['retry-after'], String(right.body.retryAfter));
    // Per PINFL, not only per address: another address meets the same limit…
    assert.equal((await from('127.0.0.3', 'POST', BASE, startBody(p))).status, 429);
    // …and the CLI says so in the applicant's words (exit 8).
    const u = newUser(sb.url);
    const c = await cli(u, applyArgs(p, u, '--json'));
    assert.equal(c.code, 8, c.stdout + c.stderr);
    assert.equal(c.json.error.code, 'TOO_MANY_MISMATCHES');
    assert.match(c.json.error.hint, /^Try again in (\d+ min|1 h) \(after \d\d:\d\d\)\.$/);
  });

  it('guessing across many PINFLs from one address: 429 after the per-address limit', async () => {
    const victims = Array.from({ length: 21 }, () => person());
    for (const [n, v] of victims.slice(0, 20).entries()) {
      const r = await from('127.0.0.4', 'POST', BASE, startBody(v, '+998990000000'));
      assert.equal(r.status, 422, `${n}: ${JSON.stringify(r.body)}`);
    }
    const r = await from('127.0.0.4', 'POST', BASE, startBody(victims[20]!));
    assert.equal(r.status, 429, JSON.stringify(r.body));
    assert.equal(r.body.code, 'TOO_MANY_MISMATCHES');
    // Another address is not affected.
    assert.equal((await from('127.0.0.5', 'POST', BASE, startBody(victims[20]!))).status, 201);
  });

  it('the CLI keeps the secret in the 0600 state file only: never on stdout, stderr or in --json', async () => {
    const p = person();
    const u = newUser(sb.url);
    const run = spawnCli(u, applyArgs(p, u, '--sms-code-stdin', '--yes', '--json'), { ONEID_DEBUG: '1' });
    run.write((await smsCode(p.phone)) + '\n');
    const r = await run.done;
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const id = r.json.result.id as string;
    const state = readState(u, id);
    assert.match(state.secret, /^kas_[A-Za-z0-9_-]{43}$/);
    assert.equal(statSync(path.join(u.config, 'applications', `${id}.json`)).mode & 0o777, 0o600);
    assert.ok(!r.stdout.includes(state.secret) && !r.stderr.includes(state.secret));
    const s = await cli(u, ['key', 'status', id, '--json'], { env: { ONEID_DEBUG: '1' } });
    assert.equal(s.code, 0, s.stderr);
    assert.ok(!s.stdout.includes(state.secret) && !s.stderr.includes(state.secret));
  });

  it('an old pending state without a secret: a clear error (exit 3) and hint; starting again hands it back', async () => {
    const p = person();
    const u = newUser(sb.url);
    const first = await cli(u, applyArgs(p, u, '--json'));
    const id = first.json.error.data.applicationId as string;
    // Confirmed (and so needing the secret), but the run stopped before sending.
    const half = await cli(u, ['key', 'apply', '--resume', id, '--json'], {
      env: { ONEID_SMS_CODE: await smsCode(p.phone) },
    });
    assert.equal(half.json.error.code, 'SUBMIT_CONFIRMATION_NEEDED', half.stdout + half.stderr);
    // What an older version saved: the same state without the secret.
    const file = path.join(u.config, 'applications', `${id}.json`);
    const { secret: _dropped, ...old } = readState(u, id);
    writeFileSync(file, JSON.stringify(old, null, 2));
    for (const args of [
      ['key', 'apply', '--resume', id, '--yes', '--json'],
      ['key', 'status', id, '--json'],
    ]) {
      const r = await cli(u, args);
      assert.equal(r.code, 3, r.stdout + r.stderr);
      assert.equal(r.json.error.code, 'APPLICATION_SECRET_MISSING');
      assert.match(r.json.error.hint, /oneid login/);
      assert.match(r.json.error.hint, new RegExp(`--pinfl ${p.pinfl}`));
    }
    // Starting again on this computer: after the SMS code the portal hands the open one back.
    const before = await sb.lastSms(p.phone);
    const again = spawnCli(u, applyArgs(p, u, '--sms-code-stdin', '--json'));
    again.write(
      (await until(async () => ((await sb.lastSms(p.phone)) !== before ? smsCode(p.phone) : undefined))) +
        '\n',
    );
    const a = await again.done;
    assert.equal(a.code, 0, a.stderr + a.stdout);
    assert.equal(a.json.result.id, id);
    assert.equal(a.json.result.submitted, false, a.stdout);
    assert.match(readState(u, id).secret, /^kas_/);
    const sent = await cli(u, ['key', 'apply', '--resume', id, '--yes', '--json']);
    assert.equal(sent.code, 0, sent.stdout + sent.stderr);
    assert.equal(sent.json.result.status, 'awaiting_payment');
  });

  it('a holder who lost his computer takes the open application over with the SMS code; the old secret stops working', async () => {
    const p = person();
    const lost = newUser(sb.url);
    const first = await cli(lost, applyArgs(p, lost, '--json'));
    const id = first.json.error.data.applicationId as string;
    const half = await cli(lost, ['key', 'apply', '--resume', id, '--json'], {
      env: { ONEID_SMS_CODE: await smsCode(p.phone) },
    });
    assert.equal(half.json.error.code, 'SUBMIT_CONFIRMATION_NEEDED', half.stdout + half.stderr);
    const oldSecret = readState(lost, id).secret as string;
    rmSync(lost.root, { recursive: true, force: true });

    const u = newUser(sb.url);
    const before = await sb.lastSms(p.phone);
    const run = spawnCli(u, applyArgs(p, u, '--sms-code-stdin', '--yes', '--json'));
    run.write(
      (await until(async () => ((await sb.lastSms(p.phone)) !== before ? smsCode(p.phone) : undefined))) +
        '\n',
    );
    const r = await run.done;
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.equal(r.json.result.id, id);
    assert.equal(r.json.result.status, 'awaiting_payment');
    assert.equal(
      (await sb.request('GET', `${BASE}/${id}`, undefined, { 'x-application-secret': oldSecret })).status,
      404,
    );
    // The request was replaced with this computer's key: after approval it installs here.
    await sb.request('POST', `/api/v1/sandbox/invoices/${r.json.result.invoice.id}/pay`);
    assert.equal((await sb.request('POST', `/api/v1/sandbox/key-applications/${id}/approve`)).status, 200);
    const s = await cli(u, ['key', 'status', id, '--json']);
    assert.equal(s.code, 0, s.stderr + s.stdout);
    assert.ok(s.json.result.applications[0].installed);
  });
});
