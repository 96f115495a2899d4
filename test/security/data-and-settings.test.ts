/**
 * Issue 13, the data dir and the admin settings: `sandbox.db` (CA private key, password hashes)
 * and its companions are 0600 whatever the umask, and narrowed on start; SMS codes are stored as
 * a keyed hash, not as a SHA-256 that 10^6 guesses reverse; settings out of range are a 400
 * naming the setting and its range, and sign-in keeps working.
 */
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { freshPhone, login, PASSWORD, plainCitizens, register, registry } from '../sandbox/flows.js';

const mode = (file: string): string => (statSync(file).mode & 0o777).toString(8).padStart(4, '0');
const PRIVATE = ['sandbox.db', 'sandbox.db-wal', 'sandbox.db-shm', 'sms-codes.key'];

describe('security: data dir files and admin settings (issue 13)', function () {
  this.timeout(90_000);
  const posix = process.platform !== 'win32';
  let dir: string;
  let sb: SandboxHandle | undefined;
  let oldUmask: number;

  before(async () => {
    oldUmask = process.umask(0o022); // the usual umask: files would be created 0644
    dir = mkdtempSync(path.join(tmpdir(), 'oneid-sec-data-'));
    chmodSync(dir, 0o755); // a folder others may enter
    sb = await startSandbox({ dataDir: dir, relaxedLimits: true });
  });
  after(async () => {
    await sb?.stop();
    process.umask(oldUmask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates sandbox.db, its -wal/-shm and the SMS key 0600 under umask 022', function () {
    if (!posix) this.skip();
    for (const f of PRIVATE) {
      const file = path.join(dir, f);
      assert.ok(existsSync(file), `${f} exists`);
      assert.equal(mode(file), '0600', f);
    }
  });

  it('stores SMS codes as a keyed hash: not the SHA-256 of the code', async () => {
    const p = plainCitizens(await registry(sb!))[0]!;
    const id = (await sb!.request('POST', '/api/v1/registrations', { acceptOffer: true })).body.id as string;
    await sb!.request('POST', `/api/v1/registrations/${id}/identity`, {
      pinfl: p.pinfl,
      passport: p.passport,
    });
    await sb!.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: true });
    const phone = freshPhone();
    const c = await sb!.request('POST', `/api/v1/registrations/${id}/contacts`, {
      login: 'hash.user',
      password: PASSWORD,
      email: 'hash.user@example.uz',
      phone,
    });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    const code = await sb!.lastSmsCode(phone);
    const db = new Database(path.join(dir, 'sandbox.db'), { readonly: true });
    let stored: string;
    try {
      stored = (
        db.prepare('SELECT code_hash FROM sms_codes WHERE ref = ? ORDER BY id DESC LIMIT 1').get(id) as {
          code_hash: string;
        }
      ).code_hash;
    } finally {
      db.close();
    }
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
    assert.notEqual(stored, sha(`registration:${id}:${code}`));
    assert.notEqual(stored, sha(code));
    // A brute force over the 10^6 codes with the database alone finds nothing.
    let found = 0;
    for (let n = 0; n < 1_000_000; n++) {
      if (sha(`registration:${id}:${String(n).padStart(6, '0')}`) === stored) found++;
    }
    assert.equal(found, 0);
    // It is HMAC-SHA256 under the data dir's secret, which lives outside the database.
    const key = readFileSync(path.join(dir, 'sms-codes.key'));
    assert.equal(key.length, 32);
    assert.equal(stored, createHmac('sha256', key).update(`registration:${id}:${code}`).digest('hex'));
    // And the code still works.
    const done = await sb!.request('POST', `/api/v1/registrations/${id}/complete`, { code });
    assert.equal(done.status, 201, JSON.stringify(done.body));
  });

  it('narrows files an older version left 0644 on the next start', async function () {
    if (!posix) this.skip();
    await sb!.stop();
    sb = undefined;
    for (const f of ['sandbox.db', 'sms-codes.key']) {
      if (existsSync(path.join(dir, f))) chmodSync(path.join(dir, f), 0o644);
    }
    sb = await startSandbox({ dataDir: dir, relaxedLimits: true });
    for (const f of PRIVATE) assert.equal(mode(path.join(dir, f)), '0600', f);
  });

  describe('admin settings ranges', () => {
    before(async () => {
      await register(sb!, plainCitizens(await registry(sb!))[1]!, 'settings.user');
    });

    for (const [name, value, range] of [
      ['sessionTtlSeconds', 1e300, /sessionTtlSeconds must be an integer from 1 to 2592000/],
      ['sessionTtlSeconds', 0, /from 1 to/],
      ['sessionTtlSeconds', 1.5, /an integer/],
      ['loginMaxFailures', -3, /loginMaxFailures must be an integer from 1 to 1000/],
      ['lockoutSeconds', 1e12, /lockoutSeconds/],
      ['reviewDelayMs', -2, /reviewDelayMs must be an integer from -1/],
      ['feePercentIndividual', 101, /feePercentIndividual must be a number from 0 to 100/],
      ['bhm', 1e20, /bhm/],
      ['ipMaxFailures', 0, /ipMaxFailures/],
    ] as const) {
      it(`${name}: ${value} → 400 SETTING_OUT_OF_RANGE, nothing changed, login still works`, async () => {
        const before = (await sb!.request('GET', '/api/v1/sandbox/settings')).body;
        const r = await sb!.request('PATCH', '/api/v1/sandbox/settings', {
          smsMaxAttempts: 7,
          [name]: value,
        });
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.equal(r.body.code, 'SETTING_OUT_OF_RANGE');
        assert.equal(r.body.setting, name);
        assert.match(r.body.message, range);
        assert.equal(typeof r.body.min, 'number');
        assert.equal(typeof r.body.max, 'number');
        assert.deepEqual((await sb!.request('GET', '/api/v1/sandbox/settings')).body, before);
        const token = await login(sb!, 'settings.user');
        assert.ok(token);
      });
    }

    it('values in range are taken (the bounds included)', async () => {
      const r = await sb!.request('PATCH', '/api/v1/sandbox/settings', {
        sessionTtlSeconds: 2_592_000,
        reviewDelayMs: -1,
        feePercentIndividual: 7.5,
        ipMaxFailures: 1_000_000,
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.sessionTtlSeconds, 2_592_000);
      const s = await sb!.request('POST', '/api/v1/auth/login', {
        login: 'settings.user',
        password: PASSWORD,
      });
      assert.equal(s.status, 200, JSON.stringify(s.body));
      await sb!.request('PATCH', '/api/v1/sandbox/settings', {
        sessionTtlSeconds: 8 * 3600,
        feePercentIndividual: 7,
      });
    });
  });
});

describe('security: upgrading a data dir with unkeyed SMS codes (issue 13)', () => {
  it('closes the codes still live (SMS_CODE_MISSING: ask for a new one) and narrows the file', async () => {
    const { MIGRATIONS } = await import('../../src/sandbox/db/migrations.js');
    const { openDatabase } = await import('../../src/sandbox/db/database.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'oneid-sec-upgrade-'));
    try {
      // The data dir as the two first migrations left it, with a live code hashed the old way.
      const old = new Database(path.join(dir, 'sandbox.db'));
      const upTo = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE sso_tokens')) + 1;
      for (let i = 0; i < upTo; i++) old.exec(MIGRATIONS[i]!);
      old.pragma(`user_version = ${upTo}`);
      const now = Date.now();
      old
        .prepare(
          'INSERT INTO sms_codes (purpose, ref, phone, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          'registration',
          'reg_x',
          '+998901234567',
          createHash('sha256').update('registration:reg_x:123456').digest('hex'),
          now,
          now + 300_000,
        );
      old.close();
      chmodSync(path.join(dir, 'sandbox.db'), 0o644);
      const db = openDatabase(dir);
      try {
        const row = db.prepare("SELECT used_at FROM sms_codes WHERE ref = 'reg_x'").get() as {
          used_at: number | null;
        };
        assert.ok(row.used_at !== null && row.used_at >= now - 1000);
        if (process.platform !== 'win32') assert.equal(mode(path.join(dir, 'sandbox.db')), '0600');
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
