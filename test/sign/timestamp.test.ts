// RFC 3161 timestamps from the sandbox portal's TSA (a real HTTP server in a child process):
// the token is embedded as an unsigned attribute, its imprint covers the signature value, and
// verification uses the timestamp's time for "valid at signing time".
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isOneIdError } from '../../src/lib/errors/index.js';
import { parseSignedData, requestTimestamp, signFile, tsaUrl, verifyFile } from '../../src/lib/sign/index.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { fixtures } from './openssl-fixtures.js';

describe('sign/timestamp: RFC 3161 client against the sandbox TSA', function () {
  this.timeout(60_000);
  let sb: SandboxHandle;
  const fx = fixtures();
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-sign-tsa-'));
  const doc = path.join(dir, 'a.txt');
  writeFileSync(doc, 'timestamp me\n');
  let sandboxCa: Buffer;
  before(async () => {
    sb = await startSandbox();
    sandboxCa = Buffer.from((await sb.request('GET', '/api/v1/ca/certificates')).body.ca as string, 'base64');
  });
  after(async () => sb?.stop());

  it('embeds a token whose imprint is the signature value; verify reports the TSA time', async () => {
    const out = path.join(dir, 'a.txt.p7s');
    const r = await signFile(doc, {
      key: { privateKey: fx.rsa.privateKey, certificate: fx.rsa.certificate, chain: [fx.ca] },
      output: out,
      timestampUrl: tsaUrl(sb.url),
    });
    assert.equal(r.status, 'signed', r.message);
    const sd = parseSignedData(readFileSync(out));
    assert.ok(sd.signers[0]!.timestampToken, 'token embedded');
    // The signer's CA and the TSA's (the sandbox CA) are both trusted.
    const report = await verifyFile(out, { trusted: [fx.ca, sandboxCa] });
    assert.equal(report.valid, true, JSON.stringify(report));
    const ts = report.signers[0]!.timestamp!;
    assert.equal(ts.imprintMatches, true);
    assert.equal(ts.signatureValid, true);
    assert.equal(ts.trusted, true);
    assert.ok(Math.abs(Date.parse(ts.time) - Date.now()) < 120_000);
    assert.deepEqual(report.signers[0]!.warnings, []);

    // Only the signer's CA: the token verifies, but its TSA does not chain to an anchor, so its
    // time proves nothing (a warning; the signing time is used).
    const untrusted = await verifyFile(out, { trusted: [fx.ca] });
    assert.equal(untrusted.valid, true);
    assert.equal(untrusted.signers[0]!.timestamp!.signatureValid, true);
    assert.equal(untrusted.signers[0]!.timestamp!.trusted, false);
    assert.deepEqual(untrusted.signers[0]!.warnings, ['TIMESTAMP_UNTRUSTED']);
  });

  it('an unreachable TSA is a NetworkError (exit 7), not a crash', async () => {
    try {
      await requestTimestamp(Buffer.from('sig'), { url: 'http://127.0.0.1:9/api/v1/tsa', timeoutMs: 3000 });
      assert.fail('should throw');
    } catch (e) {
      assert.ok(isOneIdError(e));
      assert.equal(e.code, 'SIGN_TSA_UNREACHABLE');
      assert.equal(e.category, 'network');
    }
  });
});
