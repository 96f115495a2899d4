// Issue 13, damaged public keys: a certificate whose RSA or EC key cannot be decoded is a typed
// failure, never "a bug in oneid" (exit 1). In a signature: exit 6 with a per-file report, and a
// batch goes on. In a key file: exit 5 (key unusable) for key info, key doctor and key sign.
import { strict as assert } from 'node:assert';
import { createPrivateKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writePfx } from '../../src/lib/pki/index.js';
import { readCertificate } from '../../src/lib/sign/certificate.js';
import { runCli } from '../helpers/cli.js';
import { fixtures, openssl, type Party } from '../sign/openssl-fixtures.js';

/** Where in `cert` to break the key: EC, the point's last byte (off the curve); RSA, the exponent's tag. */
function damageAt(cert: Buffer, kind: 'ec' | 'rsa'): { at: number; value: number } {
  const spki = readCertificate(cert).spki;
  const end = cert.indexOf(spki) + spki.length;
  if (kind === 'ec') return { at: end - 1, value: cert[end - 1]! ^ 0x5a };
  assert.equal(cert[end - 5], 0x02, 'RSA exponent INTEGER 65537 at the end of the key');
  return { at: end - 5, value: 0x04 };
}

function damagedCert(p: Party, kind: 'ec' | 'rsa'): Buffer {
  const c = Buffer.from(p.certificate);
  const { at, value } = damageAt(c, kind);
  c[at] = value;
  return c;
}

describe('security: damaged public keys (issue 13)', function () {
  this.timeout(120_000);
  const fx = fixtures();
  const doc = path.join(fx.dir, 'dmg-doc.txt');
  const sig = (name: string) => path.join(fx.dir, `dmg-${name}.p7s`);

  before(() => {
    writeFileSync(doc, 'Akt sverki\n');
    for (const kind of ['ec', 'rsa'] as const) {
      const p = fx[kind];
      const args = ['cms', '-sign', '-binary', '-nodetach', '-in', doc, '-signer', p.certFile, '-inkey'];
      openssl([...args, p.keyFile, '-outform', 'DER', '-out', sig(`ok-${kind}`)]);
      // The same signature with the embedded certificate's key broken.
      const bytes = readFileSync(sig(`ok-${kind}`));
      const at = bytes.indexOf(p.certificate);
      assert.ok(at > 0);
      const d = damageAt(p.certificate, kind);
      bytes[at + d.at] = d.value;
      writeFileSync(sig(`bad-${kind}`), bytes);
    }
  });

  for (const kind of ['ec', 'rsa'] as const)
    it(`key verify: a damaged ${kind.toUpperCase()} signer key is exit 6 with its own code`, async () => {
      const r = await runCli(['key', 'verify', sig(`bad-${kind}`), '--ca', fx.caFile, '--json']);
      assert.equal(r.code, 6, r.stdout + r.stderr);
      assert.equal(r.json.error.code, 'SIGNATURE_SIGNER_KEY_DAMAGED');
      assert.match(r.json.error.message, /public key in the certificate of signer .* is damaged/);
      assert.equal(r.json.result.files[0].signers[0].status, -11);
      const text = await runCli(['key', 'verify', sig(`bad-${kind}`), '--ca', fx.caFile, '--lang', 'uz']);
      assert.equal(text.code, 6);
      assert.match(text.stderr, /ochiq kalit shikastlangan/);
      assert.doesNotMatch(text.stderr, /at .*\.js:\d+/);
    });

  it('key verify batch: damaged files are reported beside the good ones (exit 6, nothing lost)', async () => {
    const files = ['ok-rsa', 'bad-ec', 'bad-rsa', 'ok-ec'].map(sig);
    const r = await runCli(['key', 'verify', ...files, '--ca', fx.caFile, '--json']);
    assert.equal(r.code, 6, r.stdout + r.stderr);
    assert.equal(r.json.error.code, 'SIGNATURE_BATCH_FAILED');
    const res = r.json.result;
    assert.equal(res.total, 4);
    assert.equal(res.failed, 2);
    assert.deepEqual(
      res.files.map((f: { valid: boolean }) => f.valid),
      [true, false, false, true],
    );
    assert.equal(res.files[1].error.code, 'SIGNATURE_SIGNER_KEY_DAMAGED');
    assert.equal(res.files[2].error.code, 'SIGNATURE_SIGNER_KEY_DAMAGED');
  });

  describe('a key file whose certificate key is damaged: exit 5', () => {
    const pfx = path.join(fx.dir, 'dmg-key.pfx');
    const pw = path.join(fx.dir, 'dmg-key.pass');

    before(() => {
      writeFileSync(
        pfx,
        writePfx({
          privateKey: createPrivateKey(fx.ec.keyPem),
          certificate: damagedCert(fx.ec, 'ec'),
          chain: [fx.ca],
          password: 'Secret-123',
        }),
      );
      writeFileSync(pw, 'Secret-123\n');
    });

    it('key info (with and without the password)', async () => {
      for (const extra of [[], ['--check-password', '--key-password-file', pw]]) {
        const r = await runCli(['key', 'info', pfx, ...extra, '--json']);
        assert.equal(r.code, 5, r.stdout + r.stderr);
        assert.equal(r.json.error.code, 'CERT_PUBLIC_KEY_DAMAGED');
        assert.match(r.json.error.message, /public key in certificate .* is damaged/);
      }
    });

    it('key doctor', async () => {
      const r = await runCli(['key', 'doctor', pfx, '--key-password-file', pw, '--ca', fx.caFile, '--json'], {
        env: { ONEID_PORTAL: 'http://127.0.0.1:9' },
      });
      assert.equal(r.code, 5, r.stdout + r.stderr);
      const failed = r.json.result.checks.filter((c: { status: string }) => c.status === 'fail');
      assert.ok(
        failed.some((c: { message?: string; params?: { reason?: string } }) =>
          /public key in certificate .* is damaged/.test(JSON.stringify(c)),
        ),
        JSON.stringify(failed),
      );
    });

    it('key sign', async () => {
      const r = await runCli([
        'key',
        'sign',
        doc,
        '--key',
        pfx,
        '--key-password-file',
        pw,
        '--force',
        '--json',
      ]);
      assert.equal(r.code, 5, r.stdout + r.stderr);
      assert.equal(r.json.error.code, 'SIGN_PUBLIC_KEY_DAMAGED');
    });
  });
});
