// attachTimestampToken: the one byte-level implementation of adding an RFC 3161 token to a signer
// of an existing SignedData (the sandbox's /frontend/timestamp/pkcs7, `oneid key timestamp`, the
// agent's attach_timestamp_token_pkcs7). Tokens from the sandbox portal's TSA.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  attachTimestampToken,
  cosign,
  encodeSignature,
  parseSignedData,
  requestTimestamp,
  signFile,
  timestampTargets,
  tsaUrl,
  verifyFile,
} from '../../src/lib/sign/index.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { fixtures, openssl } from './openssl-fixtures.js';

const fx = fixtures();
const dir = mkdtempSync(path.join(tmpdir(), 'oneid-attach-tsa-'));
const doc = path.join(dir, 'a.txt');
writeFileSync(doc, 'two signers\n');
const rsaKey = { privateKey: fx.rsa.privateKey, certificate: fx.rsa.certificate, chain: [fx.ca] };
const ecKey = { privateKey: fx.ec.privateKey, certificate: fx.ec.certificate, chain: [fx.ca] };
const code = (c: string) => (e: { code?: string }) => e.code === c;

describe('sign/attach-timestamp: attachTimestampToken', function () {
  this.timeout(60_000);
  let sb: SandboxHandle;
  before(async () => {
    sb = await startSandbox();
  });
  after(async () => sb?.stop());

  it('adds a token to the signer chosen by serial; the other signer and every other byte stay', async () => {
    const sig = path.join(dir, 'a.txt.p7s');
    assert.equal((await signFile(doc, { key: rsaKey, output: sig, detached: true })).status, 'signed');
    const two = await cosign(readFileSync(sig), { key: ecKey, content: doc });
    const targets = timestampTargets(two);
    assert.deepEqual(
      targets.map((t) => [t.serialHex, t.timestamped]),
      [
        [Buffer.from('rsa').toString('hex'), false],
        [Buffer.from('ec').toString('hex'), false],
      ],
    );
    const token = await requestTimestamp(targets[1]!.signature, { url: tsaUrl(sb.url) });
    // E-IMZO's signer_serial_number is hex; any case, leading zeros or 0x are accepted.
    const out = await attachTimestampToken(two, token, {
      signerSerial: '0X00' + Buffer.from('ec').toString('hex'),
    });
    const before = parseSignedData(two);
    const after = parseSignedData(out);
    assert.deepEqual(after.signers[0]!.raw, before.signers[0]!.raw);
    assert.deepEqual(after.signers[1]!.timestampToken, token);
    assert.deepEqual(after.signers[1]!.signedAttrs, before.signers[1]!.signedAttrs);
    assert.deepEqual(after.certificatesRaw, before.certificatesRaw);
    assert.deepEqual(after.encapContentInfo, before.encapContentInfo);
    // The original SignerInfo is a prefix of the new one's content: only unsignedAttrs were added.
    const oldBody = before.signers[1]!.raw.subarray(2 + (before.signers[1]!.raw[1]! & 0x7f));
    assert.ok(after.signers[1]!.raw.includes(oldBody));
    const report = await verifyFile(writeOut('two.p7s', out), { content: doc, trusted: [fx.ca] });
    assert.equal(report.valid, true, JSON.stringify(report));
    assert.equal(report.signers[1]!.timestamp?.imprintMatches, true);
    openssl(
      ['cms', '-verify', '-inform', 'DER', '-in', path.join(dir, 'two.p7s'), '-content', doc].concat([
        '-CAfile',
        fx.caFile,
        '-binary',
        '-out',
        '/dev/null',
      ]),
    );
  });

  it('refuses a token over another signature, a stamped signer (unless replace) and an unknown signer', async () => {
    const sig = path.join(dir, 'b.p7s');
    assert.equal((await signFile(doc, { key: rsaKey, output: sig })).status, 'signed');
    const der = readFileSync(sig);
    const [target] = timestampTargets(der);
    const url = tsaUrl(sb.url);
    const token = await requestTimestamp(target!.signature, { url });
    const other = await requestTimestamp(Buffer.from('another signature'), { url });
    await assert.rejects(
      () => attachTimestampToken(der, other, { signerIndex: 0 }),
      code('SIGN_TIMESTAMP_NOT_FOR_SIGNER'),
    );
    await assert.rejects(
      () => attachTimestampToken(der, Buffer.from('3000', 'hex'), { signerIndex: 0 }),
      code('SIGN_TIMESTAMP_NOT_FOR_SIGNER'),
    );
    await assert.rejects(
      () => attachTimestampToken(der, token, { signerIndex: 1 }),
      code('SIGN_SIGNER_NOT_FOUND'),
    );
    await assert.rejects(
      () => attachTimestampToken(der, token, { signerSerial: 'abcdef' }),
      code('SIGN_SIGNER_NOT_FOUND'),
    );
    const once = await attachTimestampToken(der, token, { signerIndex: 0 });
    await assert.rejects(
      () => attachTimestampToken(once, token, { signerIndex: 0 }),
      code('SIGN_ALREADY_TIMESTAMPED'),
    );
    // Any input form (here base64, E-IMZO's pkcs7_64), DER out; replace swaps the token, not adds one.
    const second = await requestTimestamp(target!.signature, { url });
    const again = await attachTimestampToken(
      encodeSignature(once, 'base64'),
      second,
      { signerIndex: 0 },
      { replace: true },
    );
    assert.deepEqual(parseSignedData(again).signers[0]!.timestampToken, second);
    assert.equal(again.length, once.length - token.length + second.length);
  });
});

function writeOut(name: string, bytes: Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}
