// `oneid ca get`: the portal's CA certificates as the PEM file that --ca and OpenSSL take, from a
// real sandbox; OpenSSL reads the file back and agrees on the fingerprint.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { runCli } from '../helpers/cli.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { tempDir } from '../pki/helpers.js';

describe('oneid ca get (CLI against a sandbox)', function () {
  this.timeout(60_000);
  let sb: SandboxHandle;
  const dir = tempDir('oneid-ca-');
  before(async () => {
    sb = await startSandbox();
  });
  after(async () => sb?.stop());

  it('writes the root CA as PEM that OpenSSL reads, with the same SHA-256; stdout without FILE', async () => {
    const file = path.join(dir, 'root-ca.pem');
    const r = await runCli(['ca', 'get', file, '--json'], { env: { ONEID_PORTAL: sb.url } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.result.file, file);
    assert.equal(r.json.result.certificates.length, 1);
    assert.equal(statSync(file).mode & 0o777, 0o644);
    const fp = execFileSync('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha256'], {
      encoding: 'utf8',
    });
    assert.equal(
      fp.split('=')[1]!.trim().replace(/:/g, '').toLowerCase(),
      r.json.result.certificates[0].sha256,
    );

    const out = await runCli(['ca', 'get', '--tsa'], { env: { ONEID_PORTAL: sb.url } });
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stdout.match(/-----BEGIN CERTIFICATE-----/g)?.length, 2);
    assert.ok(out.stdout.startsWith(readFileSync(file, 'utf8')), 'the CA comes first');
    assert.match(out.stderr, /SHA-256 [0-9a-f]{64}/);
  });

  it('never replaces a file without --force (exit 2, file untouched)', async () => {
    const file = path.join(dir, 'mine.pem');
    writeFileSync(file, 'my own notes\n');
    const r = await runCli(['ca', 'get', file, '--lang', 'ru'], { env: { ONEID_PORTAL: sb.url } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /уже существует; добавьте --force/);
    assert.equal(readFileSync(file, 'utf8'), 'my own notes\n');
    const forced = await runCli(['ca', 'get', file, '--force'], { env: { ONEID_PORTAL: sb.url } });
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(file, 'utf8'), /^-----BEGIN CERTIFICATE-----/);
  });

  it('an unreachable portal is exit 7', async () => {
    const r = await runCli(['ca', 'get', '--json'], { env: { ONEID_PORTAL: 'http://127.0.0.1:9' } });
    assert.equal(r.code, 7, r.stdout);
  });
});
