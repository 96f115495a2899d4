// The batch cache of `key verify` (src/lib/sign/verify-cache.ts): a message verified with a cache
// warmed by other messages gets exactly the report, the verified signer, the chain and the limit
// errors it gets alone.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { isOneIdError } from '../../src/lib/errors/index.js';
import { signFile, verifiedSigner, VerifyCache, verifySignature } from '../../src/lib/sign/index.js';
import { fixtures } from './openssl-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(path.join(tmpdir(), 'oneid-verify-cache-'));
const now = new Date();

async function detached(name: string): Promise<{ sig: Buffer; content: string }> {
  const content = path.join(work, name);
  writeFileSync(content, `${name}\n`);
  await signFile(content, {
    key: { privateKey: fx.rsa.privateKey, certificate: fx.rsa.certificate },
    detached: true,
  });
  return { sig: readFileSync(`${content}.p7s`), content };
}

const plain = (r: unknown) => JSON.parse(JSON.stringify(r)) as unknown;

describe('sign: the batch verify cache', function () {
  this.timeout(30_000);

  it('gives each message the report it gets without the cache (trusted and untrusted anchors)', async () => {
    const cache = new VerifyCache();
    const trusted = [readFileSync(fx.caFile)];
    const other = [readFileSync(fx.otherCaFile)];
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      const { sig, content } = await detached(name);
      for (const anchors of [trusted, other, undefined]) {
        const alone = await verifySignature(sig, { content, trusted: anchors, now });
        const cached = await verifySignature(sig, { content, trusted: anchors, now, cache });
        assert.deepEqual(plain(cached), plain(alone));
        assert.equal(verifiedSigner(cached.signers[0]!) !== undefined, anchors === trusted);
        assert.equal(
          cached.signers[0]!.chain,
          anchors === trusted ? 'trusted' : anchors ? 'untrusted' : 'unchecked',
        );
      }
      // A wrong content still fails with the cache warm.
      const bad = await verifySignature(sig, { content: Buffer.from('other'), trusted, now, cache });
      assert.equal(bad.signers[0]!.code, 'SIGNATURE_CONTENT_MISMATCH');
      assert.equal(verifiedSigner(bad.signers[0]!), undefined);
    }
  });

  it('a check known from an earlier message still counts against the message’s budget', async () => {
    const cache = new VerifyCache();
    const trusted = [readFileSync(fx.caFile)];
    const { sig, content } = await detached('limits.txt');
    await verifySignature(sig, { content, trusted, cache }); // warms the chain check
    for (const c of [undefined, cache]) {
      await assert.rejects(
        verifySignature(sig, { content, trusted, limits: { checks: 1 }, cache: c }),
        (e) => isOneIdError(e) && e.code === 'SIGNATURE_TOO_COMPLEX',
      );
      const ok = await verifySignature(sig, { content, trusted, limits: { checks: 2 }, cache: c });
      assert.equal(ok.valid, true);
    }
  });
});
