// The four key commands in-process through the command context (test/helpers/run-command.ts), key
// folders in temp dirs (ONEID_KEYS_PATH, system roots off), passwords through the documented secret
// sources; the password on standard input needs a real process (runCli).
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { readPfx, writePfx } from '../../src/lib/pki/index.js';
import { runCli } from '../helpers/cli.js';
import { runCommand } from '../helpers/run-command.js';
import { issueKey, openssl, pem, tempDir, testCa, writePems } from '../pki/helpers.js';
import { makeStick, PW } from './fixtures.js';

describe('oneid key list / info / passwd / doctor (CLI)', function () {
  this.timeout(120_000);
  const fx = makeStick();
  const env = { ONEID_KEYS_PATH: fx.root, ONEID_KEYS_SYSTEM_ROOTS: '0', HOME: tempDir('oneid-home-') };
  let portal: Server;
  let portalUrl: string;
  before(async () => {
    portal = createServer((req, res) => {
      res.writeHead(req.url === '/api/v1/health' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok' }));
    });
    await new Promise<void>((r) => portal.listen(0, '127.0.0.1', r));
    portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  });
  after(() => portal.close());

  it('key list --json lists keys without a password; --all adds the damaged file', async () => {
    const r = await runCommand(['key', 'list', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.status, 0);
    assert.equal(r.json.result.keys.length, 5);
    assert.equal(r.json.result.problems, undefined);
    const all = await runCommand(['key', 'list', '--all', '--json'], { env });
    assert.equal(all.json.result.problems.length, 1);
    assert.equal(all.json.result.problems[0].code, 'PFX_MALFORMED');
    const human = await runCommand(['key', 'list'], { env });
    assert.equal(human.code, 0);
    assert.match(human.stdout, /OWNER/);
    assert.match(human.stdout, /Ishonch, MChJ/);
    assert.match(human.stdout, /EXPIRED/);
    assert.match(human.stdout, /OZDST-1092 A/);
    assert.match(human.stderr, /--all/);
  });

  it('a key that expired yesterday is "1 d ago", not -2; a UID that repeats the PINFL is shown once', async () => {
    const dir = tempDir('oneid-yesterday-');
    const key = issueKey(
      { alg: 'ec' },
      { CN: 'Kecha Tugagan', PINFL: '35555555555555', UID: '35555555555555' },
      {
        notBefore: new Date(Date.now() - 30 * 86_400_000),
        notAfter: new Date(Date.now() - 1.5 * 86_400_000),
      },
    );
    writeFileSync(path.join(dir, 'yesterday.pfx'), writePfx({ ...key, password: PW, iterations: 2000 }));
    const here = { ...env, ONEID_KEYS_PATH: dir };
    const list = await runCommand(['key', 'list', '--json'], { env: here });
    assert.equal(list.json.result.keys[0].daysLeft, -1);
    const table = await runCommand(['key', 'list'], { env: here });
    assert.match(table.stdout, /Kecha Tugagan\s+35555555555555\s+-\s/);
    const info = await runCommand(['key', 'info', 'yesterday.pfx'], { env: here });
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, /EXPIRED: 1 d ago/);
  });

  it('key info on an OpenSSL file without alias says that nothing describes the encrypted certificate', async () => {
    const dir = tempDir('oneid-noalias-');
    const pems = writePems(dir, issueKey({ alg: 'ec' }));
    const file = path.join(dir, 'plain.pfx');
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      pems.key,
      '-in',
      pems.cert,
      '-out',
      file,
      '-passout',
      `pass:${PW}`,
    ]);
    const r = await runCommand(['key', 'info', file], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /details come from the alias/);
    assert.match(r.stderr, /no alias that describes it\. Add --check-password/);
  });

  it('key list speaks Russian and Uzbek', async () => {
    const ru = await runCommand(['key', 'list', '--lang', 'ru'], { env });
    assert.match(ru.stdout, /ВЛАДЕЛЕЦ/);
    const uz = await runCommand(['key', 'list'], { env: { ...env, ONEID_LANG: 'uz' } });
    assert.match(uz.stdout, /EGASI/);
  });

  it('key info shows the certificate; --check-password confirms password and key match', async () => {
    const r = await runCommand(['key', 'info', '31234567890123', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.result.certificate.identity.pinfl, '31234567890123');
    assert.equal(r.json.result.chain.length, 2);
    assert.equal(r.json.result.protection.mac.hash, 'sha256');
    assert.equal(r.json.result.passwordChecked, false);
    const checked = await runCommand(['key', 'info', fx.files.person!, '--check-password', '--json'], {
      env: { ...env, ONEID_KEY_PASSWORD: PW },
    });
    assert.equal(checked.code, 0, checked.stderr);
    assert.equal(checked.json.result.keyMatchesCertificate, true);
    const human = await runCommand(['key', 'info', fx.files.person!], { env });
    assert.match(human.stdout, /SHA-256 [0-9a-f]{64}/);
  });

  it('exit codes: wrong password 4, damaged file 5, unknown key 2', async () => {
    const wrong = await runCli(
      ['key', 'info', fx.files.person!, '--check-password', '--key-password-stdin', '--json'],
      {
        env,
        input: 'wrong\n',
      },
    );
    assert.equal(wrong.code, 4);
    assert.equal(wrong.json.error.code, 'KEY_PASSWORD');
    const damaged = await runCommand(['key', 'info', fx.files.damaged!, '--json'], { env });
    assert.equal(damaged.code, 5);
    assert.equal(damaged.json.error.code, 'PFX_MALFORMED');
    const missing = await runCommand(['key', 'info', 'nobody-at-all'], { env });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /key list/);
    const noPrompt = await runCommand(['key', 'info', fx.files.person!, '--check-password'], { env });
    assert.equal(noPrompt.code, 2, 'no password source and no TTY: usage error naming the sources');
  });

  it('key passwd: wrong old password exits 4 and writes nothing; success keeps a .bak', async () => {
    const file = fx.files.soon!;
    const before = readFileSync(file);
    const pwFile = path.join(tempDir(), 'new.txt');
    writeFileSync(pwFile, 'brand-new\n');
    const bad = await runCommand(['key', 'passwd', file, '--new-key-password-file', pwFile, '--json'], {
      env: { ...env, ONEID_KEY_PASSWORD: 'wrong' },
    });
    assert.equal(bad.code, 4);
    assert.ok(readFileSync(file).equals(before));
    assert.ok(!existsSync(`${file}.bak`));
    const ok = await runCommand(['key', 'passwd', file, '--new-key-password-file', pwFile, '--json'], {
      env: { ...env, ONEID_KEY_PASSWORD: PW },
    });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.json.result.backup, `${file}.bak`);
    assert.ok(readPfx(readFileSync(file), 'brand-new'));
    assert.ok(readFileSync(`${file}.bak`).equals(before));
    const stdout = JSON.stringify(ok.json) + ok.stderr;
    assert.ok(!stdout.includes('brand-new') && !stdout.includes(PW), 'no secret in the output');
  });

  it('key doctor: JSON report; exit 0 only when nothing fails', async () => {
    const ca = path.join(tempDir(), 'ca.pem');
    writeFileSync(ca, pem(testCa().root.certificate.raw));
    const good = await runCommand(
      ['key', 'doctor', fx.files.person!, '--ca', ca, '--portal', portalUrl, '--json'],
      {
        env: { ...env, ONEID_KEY_PASSWORD: PW },
      },
    );
    assert.equal(good.code, 0, good.stdout + good.stderr);
    const ids = good.json.result.checks.map((c: { id: string; status: string }) => `${c.id}:${c.status}`);
    assert.ok(
      ids.includes('password:pass') && ids.includes('chain:pass') && ids.includes('portal:pass'),
      ids.join(' '),
    );
    const bad = await runCommand(['key', 'doctor', '--portal', portalUrl, '--json'], { env });
    assert.equal(bad.code, 5);
    assert.equal(bad.json.error.code, 'KEY_DOCTOR_FAILED');
    assert.ok(bad.json.result.checks.some((c: { status: string }) => c.status === 'fail'));
    const human = await runCommand(['key', 'doctor', fx.files.person!, '--portal', portalUrl], {
      env: { ...env, ONEID_KEY_PASSWORD: 'nope' },
    });
    assert.equal(human.code, 4);
    assert.match(human.stdout, /\[FAIL\] The password is wrong/);
  });
});
