import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import nodeCrypto from 'node:crypto';
import { createHash, hash, hashSync, HASH_ALGS, type HashAlg } from '../../src/lib/crypto/index.js';
import { encrypt, SBOX_CRYPTOPRO } from '../../src/lib/crypto/gost28147.js';
import { generatePsiMix } from './psi-codegen.js';

const ascii = (s: string) => Buffer.from(s, 'latin1');
const rev = (hex: string) => Buffer.from(hex, 'hex').reverse().toString('hex');

// RFC 5831 §7.3 (test S-box, zero H0). The RFC prints messages and hash values as 256-bit numbers,
// most significant octet first: the octets in memory order are the reverse.
const M1 = 'This is message, length=32 bytes';
const M2 = 'Suppose the original message has length = 50 bytes';
const RFC_M1_PRINTED = '73657479622032333D6874676E656C202C6567617373656D2073692073696854';
const RFC_H1_PRINTED = 'FAFF37A615A816691CFF3EF8B68CA247E09525F39F8119832EB81975D366C4B1';
const RFC_H2_PRINTED = '0852F5623B89DD57AEB4781FE54DF14EEAFBC1350613763A0D770AA657BA1A47';

describe("crypto: O'z DSt 1106 / GOST R 34.11-94", () => {
  it('RFC 5831 examples with the test S-box (values as the RFC prints them, reversed)', () => {
    assert.equal(rev(RFC_M1_PRINTED), ascii(M1).toString('hex'), 'the RFC prints the message reversed');
    assert.equal(hashSync('gost94-test', ascii(M1)).toString('hex'), rev(RFC_H1_PRINTED).toLowerCase());
    assert.equal(hashSync('gost94-test', ascii(M2)).toString('hex'), rev(RFC_H2_PRINTED).toLowerCase());
  });

  it("RFC 5831 messages with the CryptoPro S-box (O'z DSt 1106), in md_gost94 octet order", () => {
    // Same two messages; values as OpenSSL's md_gost94 and other implementations print them.
    assert.equal(
      hashSync('ozdst-1106', ascii(M1)).toString('hex'),
      '2cefc2f7b7bdc514e18ea57fa74ff357e7fa17d652c75f69cb1be7893ede48eb',
    );
    assert.equal(
      hashSync('ozdst-1106', ascii(M2)).toString('hex'),
      'c3730c5cbccacf915ac292676f21e8bd4ef75331d9405e5f1a61dc3130a65011',
    );
    assert.equal(
      hashSync('ozdst-1106', ascii('abc')).toString('hex'),
      'b285056dbf18d7392d7677369524dd14747459ed8143997e163b2986f92fd42c',
    );
  });

  it('hashes one zero block for the empty message, as the standard and OpenSSL do', () => {
    // `openssl dgst -engine gost -md_gost94 /dev/null`; libraries that skip the block print 981e5f3c….
    assert.equal(
      hashSync('ozdst-1106', new Uint8Array(0)).toString('hex'),
      '3f25bc1fbbce27ca10fb1958f319473ae7e17482c3b53ecf47a7e2de8aabe4c8',
    );
    // A message of zero octets differs from one of 32 zero octets only through L.
    assert.notEqual(
      hashSync('ozdst-1106', new Uint8Array(0)).toString('hex'),
      hashSync('ozdst-1106', new Uint8Array(32)).toString('hex'),
    );
  });

  it('gives the same value however the input is split', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 40; round++) {
      const data = nodeCrypto.randomBytes(Math.floor(rnd() * 300));
      const whole = hashSync('ozdst-1106', data);
      const h = createHash('ozdst-1106');
      for (let off = 0; off < data.length;) {
        const n = Math.floor(rnd() * 70);
        h.update(data.subarray(off, off + n));
        off += n;
      }
      assert.deepEqual(h.digest(), whole, `length ${data.length}`);
    }
  });

  it('hashes Node streams, async iterables and string chunks', async () => {
    const data = nodeCrypto.randomBytes(100_000);
    const expected = hashSync('ozdst-1106', data);
    const chunks = (function* () {
      for (let i = 0; i < data.length; i += 4099) yield data.subarray(i, i + 4099);
    })();
    assert.deepEqual(await hash('ozdst-1106', Readable.from(chunks)), expected);
    async function* gen() {
      for (let i = 0; i < data.length; i += 1000) yield data.subarray(i, i + 1000);
    }
    assert.deepEqual(await hash('ozdst-1106', gen()), expected);
    assert.deepEqual(await hash('ozdst-1106', data), expected);
    const text = 'O‘zbekiston — ГОСТ';
    assert.deepEqual(
      await hash('ozdst-1106', Readable.from([text], { objectMode: true })),
      hashSync('ozdst-1106', Buffer.from(text)),
    );
  });

  it('hashes an old-style stream that only emits events', async () => {
    const emitter = new EventEmitter();
    const pending = hash('ozdst-1106', emitter as unknown as NodeJS.ReadableStream);
    emitter.emit('data', Buffer.from('ab'));
    emitter.emit('data', 'c');
    emitter.emit('end');
    assert.deepEqual(await pending, hashSync('ozdst-1106', Buffer.from('abc')));
    const failing = new EventEmitter();
    const rejected = hash('ozdst-1106', failing as unknown as NodeJS.ReadableStream);
    failing.emit('error', new Error('disk gone'));
    await assert.rejects(rejected, /disk gone/);
  });

  it('passes SHA-1/2 through to node:crypto, with the same interface', async () => {
    const data = Buffer.from('oneid');
    for (const alg of ['sha1', 'sha256', 'sha384', 'sha512'] as const) {
      const want = nodeCrypto.createHash(alg).update(data).digest();
      assert.deepEqual(hashSync(alg, data), want);
      assert.deepEqual(createHash(alg).update(data.subarray(0, 2)).update(data.subarray(2)).digest(), want);
      assert.deepEqual(await hash(alg, Readable.from([data])), want);
    }
    assert.deepEqual(HASH_ALGS.length, 6);
  });

  it('rejects an unknown hash name with a typed error', () => {
    assert.throws(() => createHash('md5' as HashAlg), { code: 'CRYPTO_UNSUPPORTED_HASH' });
  });

  it('refuses update() after digest() instead of returning a wrong value', () => {
    const h = createHash('ozdst-1106');
    h.digest();
    assert.throws(() => h.update(new Uint8Array(1)));
  });

  it('GOST 28147-89 core: an all-zero block and key give a fixed, non-trivial output', () => {
    const out = encrypt(SBOX_CRYPTOPRO, new Uint8Array(32), new Uint8Array(8));
    assert.equal(out.length, 8);
    assert.notDeepEqual([...out], [0, 0, 0, 0, 0, 0, 0, 0]);
    assert.throws(() => encrypt(SBOX_CRYPTOPRO, new Uint8Array(31), new Uint8Array(8)), RangeError);
  });

  it('the committed ψ mixing code is what the generator produces', () => {
    const committed = readFileSync(new URL('../../src/lib/crypto/gost94-mix.ts', import.meta.url), 'utf8');
    assert.equal(committed, generatePsiMix());
  });
});
