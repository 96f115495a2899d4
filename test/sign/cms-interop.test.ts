// CMS SignedData against the real OpenSSL: what we sign passes `openssl cms -verify`, what OpenSSL
// signs passes ours; each kind of failure has its own code.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignatureError, isOneIdError } from '../../src/lib/errors/index.js';
import { assertValid, cosign, signFile, verifyFile, verifySignature } from '../../src/lib/sign/index.js';
import { fixtures, openssl, type Party } from './openssl-fixtures.js';

const fx = fixtures();
const doc = path.join(fx.dir, 'invoice.xml');
writeFileSync(doc, '<invoice><sum>1250000.00</sum><tin>212345678</tin></invoice>\n');
const key = (p: Party) => ({ privateKey: p.privateKey, certificate: p.certificate, chain: [fx.ca] });

function opensslVerify(sig: string, content?: string): void {
  const args = [
    'cms',
    '-verify',
    '-inform',
    'DER',
    '-in',
    sig,
    '-CAfile',
    fx.caFile,
    '-binary',
    '-out',
    path.join(fx.dir, 'out.bin'),
  ];
  if (content) args.push('-content', content);
  openssl(args); // throws (non-zero exit) when OpenSSL rejects it
}

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof p === 'function' ? p() : p);
    return undefined;
  } catch (e) {
    return isOneIdError(e) ? e.code : `not a OneIdError: ${String(e)}`;
  }
}

describe('sign/cms: interop with OpenSSL', () => {
  for (const name of ['rsa', 'ec'] as const)
    for (const detached of [false, true]) {
      it(`${name} ${detached ? 'detached' : 'attached'}: openssl cms -verify accepts ours, we accept it too`, async () => {
        const out = path.join(fx.dir, `ours-${name}-${detached}.p7s`);
        const r = await signFile(doc, { key: key(fx[name]), detached, output: out, existing: 'force' });
        assert.equal(r.status, 'signed', r.message);
        opensslVerify(out, detached ? doc : undefined);
        if (!detached) assert.deepEqual(readFileSync(path.join(fx.dir, 'out.bin')), readFileSync(doc));
        const report = await verifyFile(out, { content: doc, trusted: [fx.ca] });
        assert.equal(report.valid, true);
        assert.equal(report.detached, detached);
        const s = report.signers[0]!;
        assert.equal(s.status, 1);
        assert.equal(s.chain, 'trusted');
        assert.equal(s.signer?.cn, name === 'rsa' ? 'Test User RSA' : 'Test User EC');
        if (name === 'rsa') assert.equal(s.signer?.tin, '512345678');
      });
    }

  for (const detached of [false, true])
    it(`co-signing (${detached ? 'detached' : 'attached'}): RSA then EC, both verify in OpenSSL and here`, async () => {
      const first = path.join(fx.dir, `co-${detached}.p7s`);
      await signFile(doc, { key: key(fx.rsa), detached, output: first, existing: 'force' });
      const both = path.join(fx.dir, `co2-${detached}.p7s`);
      await cosign(readFileSync(first), { key: key(fx.ec), content: doc, output: both });
      opensslVerify(both, detached ? doc : undefined);
      const report = await verifyFile(both, { content: doc, trusted: [fx.ca] });
      assert.equal(report.signers.length, 2);
      assert.deepEqual(
        report.signers.map((s) => s.signer?.cn),
        ['Test User RSA', 'Test User EC'],
      );
      assert.equal(report.valid, true);
    });

  it('co-signing refuses another file’s content and skips a second signature by the same key', async () => {
    const sig = path.join(fx.dir, 'co-guard.p7s');
    await signFile(doc, { key: key(fx.rsa), detached: true, output: sig, existing: 'force' });
    const other = path.join(fx.dir, 'other.txt');
    writeFileSync(other, 'not the invoice');
    assert.equal(
      await codeOf(cosign(readFileSync(sig), { key: key(fx.ec), content: other })),
      'SIGNATURE_CONTENT_MISMATCH',
    );
    const again = await signFile(doc, { key: key(fx.rsa), detached: true, output: sig, existing: 'append' });
    assert.equal(again.status, 'skipped');
  });

  const opensslSigned = (p: Party, extra: string[]) => {
    const out = path.join(fx.dir, `openssl-${extra.join('')}.p7s`);
    openssl([
      'cms',
      '-sign',
      '-binary',
      '-in',
      doc,
      '-signer',
      p.certFile,
      '-inkey',
      p.keyFile,
      '-outform',
      'DER',
      '-out',
      out,
      ...extra,
    ]);
    return out;
  };
  for (const [label, extra] of [
    ['attached', ['-nodetach']],
    ['detached', []],
    ['attached, streamed BER', ['-nodetach', '-stream']],
    ['without signed attributes', ['-nodetach', '-noattr']],
    ['EC, SHA-384, signer identified by subject key id', ['-nodetach', '-md', 'sha384', '-keyid']],
  ] as const)
    it(`verifies OpenSSL's signature: ${label}`, async () => {
      const p = label.startsWith('EC') ? fx.ec : fx.rsa;
      const sig = opensslSigned(p, [...extra]);
      const report = await verifyFile(sig, { content: doc, trusted: [fx.ca] });
      assert.equal(report.valid, true, JSON.stringify(report));
      assertValid(report);
    });
});

describe('sign/cms: failures have their own codes', () => {
  const signed = async (opts: { detached: boolean; signingTime?: Date }) => {
    const out = path.join(fx.dir, `f-${opts.detached}-${opts.signingTime?.getTime() ?? 'now'}.p7s`);
    await signFile(doc, { key: key(fx.rsa), output: out, existing: 'force', ...opts });
    return readFileSync(out);
  };
  const failCode = async (sig: Uint8Array, opts: Parameters<typeof verifySignature>[1]) =>
    codeOf(async () => assertValid(await verifySignature(sig, opts)));

  it('tampered attached content → SIGNATURE_CONTENT_TAMPERED (status -10)', async () => {
    const sig = await signed({ detached: false });
    const i = sig.indexOf(Buffer.from('1250000'));
    sig[i] = '9'.charCodeAt(0);
    const report = await verifySignature(sig, { trusted: [fx.ca] });
    assert.equal(report.signers[0]!.status, -10);
    assert.equal(await failCode(sig, { trusted: [fx.ca] }), 'SIGNATURE_CONTENT_TAMPERED');
  });
  it('wrong detached content → SIGNATURE_CONTENT_MISMATCH', async () => {
    const sig = await signed({ detached: true });
    assert.equal(
      await failCode(sig, { content: Buffer.from('another file'), trusted: [fx.ca] }),
      'SIGNATURE_CONTENT_MISMATCH',
    );
  });
  it('detached without content → usage error SIGNATURE_CONTENT_REQUIRED', async () => {
    assert.equal(
      await codeOf(verifySignature(await signed({ detached: true }))),
      'SIGNATURE_CONTENT_REQUIRED',
    );
  });
  it('broken signature value → SIGNATURE_INVALID', async () => {
    const sig = await signed({ detached: false });
    sig[sig.length - 10]! ^= 0xff; // inside the RSA signature value, the last field
    assert.equal(await failCode(sig, { trusted: [fx.ca] }), 'SIGNATURE_INVALID');
  });
  it('certificate expired at signing time → SIGNATURE_CERT_EXPIRED (status -12)', async () => {
    const sig = await signed({ detached: false, signingTime: new Date(Date.now() + 400 * 86400_000) });
    assert.equal((await verifySignature(sig, { trusted: [fx.ca] })).signers[0]!.status, -12);
    assert.equal(await failCode(sig, { trusted: [fx.ca] }), 'SIGNATURE_CERT_EXPIRED');
  });
  it('certificate not yet valid at signing time → SIGNATURE_CERT_NOT_YET_VALID', async () => {
    const sig = await signed({ detached: false, signingTime: new Date(Date.now() - 30 * 86400_000) });
    assert.equal(await failCode(sig, { trusted: [fx.ca] }), 'SIGNATURE_CERT_NOT_YET_VALID');
  });
  it('untrusted chain → SIGNATURE_CHAIN_UNTRUSTED (status -11); no anchors → unchecked + warning', async () => {
    const sig = await signed({ detached: false });
    const other = readFileSync(fx.otherCaFile);
    assert.equal((await verifySignature(sig, { trusted: [other] })).signers[0]!.status, -11);
    assert.equal(await failCode(sig, { trusted: [other] }), 'SIGNATURE_CHAIN_UNTRUSTED');
    const r = await verifySignature(sig);
    assert.equal(r.valid, true);
    assert.deepEqual(r.signers[0]!.warnings, ['CHAIN_UNCHECKED']);
  });
  it('garbage and truncated signatures → SignatureError SIGNATURE_MALFORMED, never a crash', async () => {
    const sig = await signed({ detached: false });
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 300; i++) {
      const cut = Buffer.from(sig.subarray(0, rnd() % sig.length));
      if (i % 2) cut[rnd() % Math.max(cut.length, 1)] = rnd() & 0xff;
      try {
        await verifySignature(cut, { content: doc, trusted: [fx.ca] });
      } catch (e) {
        assert.ok(isOneIdError(e), `case ${i}: ${String(e)}`);
      }
    }
    assert.ok((await codeOf(verifySignature(Buffer.from('hello')))) === 'SIGNATURE_MALFORMED');
    await assert.rejects(verifySignature(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01])), SignatureError);
  });
});
