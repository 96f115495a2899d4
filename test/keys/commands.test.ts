// The key commands in-process (test/helpers/run-command.ts): doctor's portal probe and exit-code
// policy, damaged files counted, missing inputs as usage errors, messages without English
// fragments in Russian and Uzbek.
import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { doctorFailure, type DoctorCheck } from '../../src/lib/keys/index.js';
import { runCommand } from '../helpers/run-command.js';
import { tempDir } from '../pki/helpers.js';
import { makeStick } from './fixtures.js';

describe('key commands (in-process)', function () {
  this.timeout(60_000);
  const fx = makeStick();
  const env = { ONEID_KEYS_PATH: fx.root, ONEID_KEYS_SYSTEM_ROOTS: '0', HOME: tempDir('oneid-home-') };
  let portal: Server;
  let base: string;
  const seen: string[] = [];
  before(async () => {
    // A portal published under a path: only /oneid/api/v1/health answers.
    portal = createServer((req, res) => {
      seen.push(req.url ?? '');
      const ok = req.url === '/oneid/api/v1/health';
      res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { status: 'ok', version: 't' } : { code: 'NOT_FOUND' }));
    });
    await new Promise<void>((r) => portal.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  });
  after(() => portal.close());

  it('key doctor probes a portal under a path prefix at <portal>/api/v1/health', async () => {
    const r = await runCommand(['key', 'doctor', fx.files.person!, '--portal', `${base}/oneid`, '--json'], {
      env,
    });
    // Success or not (no --ca: the chain may warn), the report is under `result`.
    const checks = r.json.result.checks as Array<{ id: string; status: string }>;
    assert.equal(checks.find((c) => c.id === 'portal')!.status, 'pass', r.stdout);
    assert.ok(seen.includes('/oneid/api/v1/health'), seen.join(' '));
    assert.ok(!seen.includes('/api/v1/health'), seen.join(' '));
  });

  it('key doctor counts damaged files instead of saying "all readable"', async () => {
    const dir = tempDir('oneid-two-bad-');
    copyFileSync(fx.files.person!, path.join(dir, 'good1.pfx'));
    copyFileSync(fx.files.company!, path.join(dir, 'good2.pfx'));
    writeFileSync(path.join(dir, 'bad1.pfx'), 'not a key at all, not even DER');
    writeFileSync(path.join(dir, 'bad2.pfx'), readFileSync(fx.files.person!).subarray(0, 100));
    const r = await runCommand(['key', 'doctor', '--portal', `${base}/oneid`], {
      env: { ...env, ONEID_KEYS_PATH: dir },
    });
    assert.equal(r.code, 5, r.stderr);
    assert.doesNotMatch(r.stdout, /all readable/);
    assert.match(r.stdout, /\[WARN\] 2 of 4 key file\(s\) are damaged or unreadable/);
  });

  it("the doctor's exit-code policy lives in the keys library: password 4, portal only 7, else 5", () => {
    const check = (id: DoctorCheck['id'], status: DoctorCheck['status'], key = `keys.doctor.${id}.fail`) =>
      ({ id, status, key, params: {} }) as DoctorCheck;
    assert.equal(doctorFailure([check('portal', 'pass')], {}), undefined);
    assert.equal(doctorFailure([check('password', 'fail')], {})!.category, 'key-password');
    assert.equal(doctorFailure([check('portal', 'fail')], {})!.category, 'network');
    const both = doctorFailure([check('expiry', 'fail'), check('portal', 'fail')], { ok: false })!;
    assert.equal(both.category, 'key-unusable');
    assert.deepEqual(both.data, { result: { ok: false } });
  });

  it('missing files are usage errors (exit 2) with a clear message, never "a bug in oneid"', async () => {
    const nosuch = path.join(tempDir(), 'nosuch.pfx');
    for (const argv of [
      ['key', 'info', nosuch],
      ['key', 'passwd', nosuch],
      ['key', 'doctor', nosuch],
      ['key', 'doctor', fx.files.person!, '--ca', path.join(tempDir(), 'nosuch-ca.pem')],
    ]) {
      const r = await runCommand(argv, { env });
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /bug in oneid|Unexpected error/);
    }
    const ca = await runCommand(['key', 'doctor', '--ca', '/nonexistent/ca.pem'], { env });
    assert.match(ca.stderr, /Cannot read the CA certificate file \/nonexistent\/ca\.pem/);
  });

  it('damaged key files are reported without English fragments in Russian and Uzbek', async () => {
    const dir = tempDir('oneid-frag-');
    const notPfx = path.join(dir, 'text.pfx');
    const cut = path.join(dir, 'cut.pfx');
    writeFileSync(notPfx, 'this is not a key file at all');
    writeFileSync(cut, readFileSync(fx.files.person!).subarray(0, 64));
    for (const lang of ['ru', 'uz'])
      for (const file of [notPfx, cut]) {
        const r = await runCommand(['key', 'info', file, '--lang', lang], { env });
        assert.equal(r.code, 5, r.stderr);
        assert.doesNotMatch(r.stderr, /not a PKCS#12 file|runs past its container/);
        if (lang === 'ru') assert.doesNotMatch(r.stderr, /[a-z]{3,} [a-z]{3,}/);
      }
    const en = await runCommand(['key', 'info', cut], { env });
    assert.match(en.stderr, /runs past its container/);
  });
});
