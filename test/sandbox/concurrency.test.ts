/**
 * 200 concurrent registrations and 200 concurrent key applications against one portal: each one
 * either completes or is refused with a reason, and the database holds exactly the completed ones
 * (none lost, none duplicated).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { JPEG, libraryCsr, PASSWORD, registry, today, type Company, type Person } from './flows.js';

type Outcome = { ok: true; ref: string } | { ok: false; code: string };

describe('sandbox: concurrency', function () {
  let sb: SandboxHandle;
  let citizens: Person[];
  let companies: Company[];

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true, autoApproveMs: 0 });
    const reg = await registry(sb);
    citizens = reg.persons.filter((p) => p.kind === 'citizen' && p.passport_expiry_date > today());
    companies = reg.companies;
  });
  after(async () => sb?.stop());

  const openDb = () => new Database(path.join(sb.dataDir, 'sandbox.db'), { readonly: true });

  it('200 concurrent registrations: complete or refused (ACCOUNT_EXISTS / LOGIN_TAKEN), none lost or duplicated', async () => {
    // 160 distinct people, 30 of them attempted twice with another login, 10 logins attempted twice.
    const attempts = Array.from({ length: 200 }, (_, i) => {
      const person = i < 160 ? citizens[i]! : i < 190 ? citizens[i - 160]! : citizens[i - 190 + 100]!;
      const login = i >= 190 ? `conc.user${i - 190}` : `conc.user${i}`;
      return { person, login, phone: `+99893${String(1_000_000 + i).padStart(7, '0')}` };
    });
    const run = async ({ person, login, phone }: (typeof attempts)[number]): Promise<Outcome> => {
      const s = await sb.request('POST', '/api/v1/registrations', { acceptOffer: true });
      const id = s.body.id;
      const steps: Array<[string, unknown]> = [
        [`/api/v1/registrations/${id}/identity`, { pinfl: person.pinfl, passport: person.passport }],
        [`/api/v1/registrations/${id}/confirm`, { confirmed: true }],
        [
          `/api/v1/registrations/${id}/contacts`,
          { login, password: PASSWORD, email: `${login}@example.uz`, phone },
        ],
      ];
      for (const [url, body] of steps) {
        const r = await sb.request('POST', url, body);
        if (r.status !== 200) return { ok: false, code: r.body.code };
      }
      const done = await sb.request('POST', `/api/v1/registrations/${id}/complete`, {
        code: await sb.lastSmsCode(phone),
      });
      if (done.status !== 201) return { ok: false, code: done.body.code };
      return { ok: true, ref: `${done.body.account.id}:${login}:${person.pinfl}` };
    };
    const outcomes = await Promise.all(attempts.map(run));
    const completed = outcomes.filter((o): o is { ok: true; ref: string } => o.ok);
    const refused = outcomes.filter((o): o is { ok: false; code: string } => !o.ok);
    assert.equal(completed.length + refused.length, 200);
    for (const r of refused) assert.ok(['ACCOUNT_EXISTS', 'LOGIN_TAKEN'].includes(r.code), r.code);
    assert.ok(completed.length >= 150, `completed ${completed.length}`);
    const db = openDb();
    try {
      const rows = db
        .prepare("SELECT id, login, pinfl FROM accounts WHERE login LIKE 'conc.user%'")
        .all() as Array<{ id: number; login: string; pinfl: string }>;
      assert.deepEqual(
        rows.map((r) => `${r.id}:${r.login}:${r.pinfl}`).sort(),
        completed.map((c) => c.ref).sort(),
      );
      assert.equal(new Set(rows.map((r) => r.pinfl)).size, rows.length);
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      db.close();
    }
  });

  it('200 concurrent key applications: a holder’s second confirmation takes his open one over; none lost or duplicated', async () => {
    const who = [
      ...citizens.slice(0, 150).map((p) => ({ type: 'individual' as const, pinfl: p.pinfl, phone: p.phone })),
      ...companies.map((c) => ({ type: 'legal' as const, tin: c.tin, phone: c.phone })),
    ];
    const attempts = Array.from({ length: 200 }, (_, i) => who[i < who.length ? i : i - who.length]!);
    // Starts hold nothing: every one is accepted.
    const started = await Promise.all(attempts.map((w) => sb.request('POST', '/api/v1/key-applications', w)));
    for (const s of started) assert.equal(s.status, 201, JSON.stringify(s.body));
    // Confirm them all at once; a holder with two applications has two codes in his SMS.
    const confirm = async (w: (typeof attempts)[number], i: number) => {
      const id = started[i]!.body.id as string;
      const sms = await sb.request(
        'GET',
        `/api/v1/sandbox/outbox?phone=${encodeURIComponent(w.phone)}&channel=sms&last=5`,
      );
      for (const m of sms.body.messages as Array<{ body: string }>) {
        const code = /\b(\d{6})\b/.exec(m.body)?.[1];
        const r = await sb.request('POST', `/api/v1/key-applications/${id}/confirm`, { code });
        if (r.status === 200) return r.body as { id: string; secret: string; recovered: boolean };
        assert.equal(r.body.code, 'SMS_CODE_INVALID', JSON.stringify(r.body));
      }
      throw new Error(`no code confirmed ${id}`);
    };
    const confirmed = await Promise.all(attempts.map(confirm));
    // Confirmations are serialised: a hand-over (recovered) comes after the opening, its secret is the live one.
    const open = new Map<string, string>();
    for (const c of confirmed) if (!c.recovered) open.set(c.id, c.secret);
    for (const c of confirmed) if (c.recovered) open.set(c.id, c.secret);
    assert.equal(confirmed.filter((c) => c.recovered).length, 200 - who.length);
    assert.equal(open.size, who.length);
    const run = async ([id, secret]: [string, string]): Promise<Outcome> => {
      const auth = { 'x-application-secret': secret };
      const steps: Array<[string, string, unknown, Record<string, string>]> = [
        ['PUT', `/api/v1/key-applications/${id}/request`, { pkcs10: libraryCsr() }, auth],
        [
          'PUT',
          `/api/v1/key-applications/${id}/documents/photo`,
          JPEG,
          { ...auth, 'content-type': 'image/jpeg' },
        ],
        [
          'PUT',
          `/api/v1/key-applications/${id}/documents/selfie`,
          JPEG,
          { ...auth, 'content-type': 'image/jpeg' },
        ],
        ['POST', `/api/v1/key-applications/${id}/submit`, undefined, auth],
      ];
      let invoice = '';
      for (const [m, url, body, h] of steps) {
        const r = await sb.request(m, url, body, h);
        assert.equal(r.status, 200, `${url}: ${JSON.stringify(r.body)}`);
        if (r.body.invoice) invoice = r.body.invoice.id;
      }
      assert.equal((await sb.request('POST', `/api/v1/sandbox/invoices/${invoice}/pay`)).status, 200);
      for (let t = 0; t < 200; t++) {
        const v = await sb.request('GET', `/api/v1/key-applications/${id}`, undefined, auth);
        if (v.body.status === 'issued') return { ok: true, ref: `${id}:${v.body.certificateSerial}` };
        await new Promise((r) => setTimeout(r, 50));
      }
      return { ok: false, code: 'TIMEOUT' };
    };
    const outcomes = await Promise.all([...open.entries()].map(run));
    const issued = outcomes.filter((o): o is { ok: true; ref: string } => o.ok);
    assert.equal(issued.length, who.length);
    const db = openDb();
    try {
      const apps = db
        .prepare("SELECT id, certificate_serial FROM key_applications WHERE status = 'issued'")
        .all() as Array<{ id: string; certificate_serial: string }>;
      assert.deepEqual(
        apps.map((a) => `${a.id}:${a.certificate_serial}`).sort(),
        issued.map((i) => i.ref).sort(),
      );
      assert.equal(
        (db.prepare('SELECT count(*) AS n FROM key_applications').get() as { n: number }).n,
        issued.length,
      );
      const certs = db.prepare('SELECT application_id FROM certificates').all() as Array<{
        application_id: string;
      }>;
      assert.equal(certs.length, issued.length);
      assert.equal(new Set(certs.map((c) => c.application_id)).size, issued.length);
      assert.equal(
        (
          db.prepare('SELECT count(*) AS n FROM key_applications WHERE open_subject IS NOT NULL').get() as {
            n: number;
          }
        ).n,
        0,
      );
    } finally {
      db.close();
    }
  });
});
