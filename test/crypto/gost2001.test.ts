import assert from 'node:assert/strict';
import {
  CURVE_PARAMS,
  decodeSpki,
  encodeSpki,
  generateKeyPair,
  gostKeyFromScalar,
  isOnCurve,
  sign,
  signDigest,
  verify,
  verifyDigest,
  type GostPublicKey,
} from '../../src/lib/crypto/index.js';
import { curve } from '../../src/lib/crypto/curves.js';
import { bigToBytesLE, bytesToBigBE, publicPoint, signE, verifyE } from '../../src/lib/crypto/gost2001.js';

const VENDOR_SPKI =
  'MGAwGQYJKoZcAw8BAQIBMAwGCiqGXAMPAQECAQEDQwAEQGH1kMo1AelwZDhM/vQLX1CIsnLlyBIWBd/UNZhcfWeGZhSa9BdIDak6Ro2e4lWm77lssBbqQfeVO+ieuYp6qv4=';

describe("crypto: O'z DSt 1092 / GOST R 34.10-2001", () => {
  it('RFC 5832 §7 example on the test curve: public key, r, s with the injected k, and verification', () => {
    const d = 0x7a929ade789bb9be10ed359dd39a72c11b60961f49397eee1d19ce9891ec3b28n;
    const e = 0x2dfbc1b372d89a1188c09c52e0eec61fce52032ab1022e8e67ece6672b043ee5n;
    const k = 0x77105c9b20bcd3122823c8cf6fcc7b956de33814e95b7fe64fed924594dceab3n;
    const Q = publicPoint('test', d);
    assert.equal(Q.x, 0x7f2b49e270db6d90d8595bec458b50c58585ba1d4e9b788f6689dbd8e56fd80bn);
    assert.equal(Q.y, 0x26f1b489d6701dd185c8413a977b3cbbaf64d1c593d26627dffb101a87ff77dan);
    const sig = signE('test', d, e, k);
    assert.equal(sig.r, 0x41aa28d2f1ab148280cd9ed56feda41974053554a42767b83ad043fd39dc0493n);
    assert.equal(sig.s, 0x01456c64ba4642a1653c235a98a60249bcd6d3f746b631df928014f6c5bf9c40n);
    assert.equal(verifyE('test', Q, e, sig), true);
    assert.equal(verifyE('test', Q, e + 1n, sig), false);
    assert.equal(verifyE('test', Q, e, { r: sig.r, s: sig.s + 1n }), false);
  });

  it('the same example through signDigest: e is the digest read little-endian, the value is s‖r', () => {
    // signDigest works on curves A/B/C keys; reuse the example's d, e and k on curve A and check
    // the layout against signE directly.
    const key = gostKeyFromScalar('A', 0x7a929ade789bb9be10ed359dd39a72c11b60961f49397eee1d19ce9891ec3b28n);
    const e = 0x2dfbc1b372d89a1188c09c52e0eec61fce52032ab1022e8e67ece6672b043ee5n;
    const k = 0x77105c9b20bcd3122823c8cf6fcc7b956de33814e95b7fe64fed924594dceab3n;
    const digest = bigToBytesLE(e, 32);
    const value = signDigest(key, digest, { k });
    const { r, s } = signE('A', key.d, e, k);
    assert.equal(value.length, 64);
    assert.equal(bytesToBigBE(value.subarray(0, 32)), s);
    assert.equal(bytesToBigBE(value.subarray(32)), r);
    assert.equal(verifyDigest(key.publicKey, digest, value), true);
  });

  for (const id of ['A', 'B', 'C'] as const) {
    it(`curve ${id}: the base point is on the curve and has order q`, () => {
      const { Gx, Gy, n } = CURVE_PARAMS[id];
      assert.equal(isOnCurve(id, Gx, Gy), true);
      const G = curve(id).Point.BASE;
      assert.equal(
        G.multiplyUnsafe(n - 1n)
          .add(G)
          .is0(),
        true,
      );
    });

    it(`curve ${id}: sign and verify, and reject what was changed`, () => {
      const { privateKey, publicKey } = generateKeyPair({ alg: 'ozdst', curve: id });
      assert.equal(isOnCurve(id, publicKey.x, publicKey.y), true);
      const data = Buffer.from(`document for curve ${id}`);
      const sig = sign(privateKey, data);
      assert.equal(sig.length, 64);
      assert.equal(verify(publicKey, data, sig), true);
      assert.equal(verify(privateKey, data, sig), true, 'a private key verifies through its public half');
      assert.equal(verify(publicKey, Buffer.from('other document'), sig), false);
      const flipped = Buffer.from(sig);
      flipped[10]! ^= 1;
      assert.equal(verify(publicKey, data, flipped), false);
      assert.equal(verify(publicKey, data, sig.subarray(0, 63)), false);
      assert.equal(verify(publicKey, data, Buffer.alloc(64)), false, 'r = s = 0 is rejected');
      assert.equal(verify(publicKey, data, Buffer.alloc(64, 0xff)), false, 'r, s >= q are rejected');
      const other = generateKeyPair({ alg: 'ozdst', curve: id }).publicKey;
      assert.equal(verify(other, data, sig), false);
      // Two signatures of the same data differ (random k) and both verify.
      const sig2 = sign(privateKey, data);
      assert.notDeepEqual(sig2, sig);
      assert.equal(verify(publicKey, data, sig2), true);
    });
  }

  it('a public key that is not a point of its curve verifies nothing (and does not throw)', () => {
    const { privateKey, publicKey } = generateKeyPair({ alg: 'ozdst' });
    const sig = sign(privateKey, Buffer.from('x'));
    const forged: GostPublicKey = { ...publicKey, y: publicKey.y ^ 1n };
    assert.equal(verify(forged, Buffer.from('x'), sig), false);
  });

  it('signs with the test S-box hash when asked (RFC vectors), and rejects non-GOST hashes', () => {
    const { privateKey, publicKey } = generateKeyPair({ alg: 'ozdst' });
    const sig = sign(privateKey, Buffer.from('x'), { hash: 'gost94-test' });
    assert.equal(verify(publicKey, Buffer.from('x'), sig, { hash: 'gost94-test' }), true);
    assert.equal(verify(publicKey, Buffer.from('x'), sig), false);
    assert.throws(() => sign(privateKey, Buffer.from('x'), { hash: 'sha256' }), {
      code: 'CRYPTO_KEY_MISMATCH',
    });
    assert.throws(() => sign(privateKey, Buffer.from('x'), { hash: 'md5' as 'sha1' }), {
      code: 'CRYPTO_UNSUPPORTED_HASH',
    });
    assert.throws(() => sign(publicKey as never, Buffer.from('x')), { code: 'CRYPTO_KEY_MALFORMED' });
    const ec = generateKeyPair({ alg: 'ec' });
    assert.throws(() => sign(ec.publicKey, Buffer.from('x')), { code: 'CRYPTO_KEY_MALFORMED' });
    assert.throws(() => sign(ec.privateKey, Buffer.from('x'), { hash: 'ozdst-1106' }), {
      code: 'CRYPTO_KEY_MISMATCH',
    });
    assert.throws(() => signDigest(privateKey, new Uint8Array(31)), { code: 'CRYPTO_DIGEST_LENGTH' });
  });

  it("the vendor's sample public key (REFERENCES.md §1) decodes to a point of curve A, read little-endian", () => {
    const der = Buffer.from(VENDOR_SPKI, 'base64');
    const pub = decodeSpki(der) as GostPublicKey;
    assert.equal(pub.kind, 'gost2001');
    assert.equal(pub.curve, 'A');
    assert.equal(pub.family, 'ozdst2009');
    assert.equal(isOnCurve('A', pub.x, pub.y), true);
    // Read big-endian, the same 64 octets are not a point of curve A: the convention is confirmed.
    const point = der.subarray(der.length - 64);
    const xBE = bytesToBigBE(point.subarray(0, 32));
    const yBE = bytesToBigBE(point.subarray(32));
    assert.equal(isOnCurve('A', xBE, yBE), false);
    // Writing it back gives the vendor's exact bytes.
    assert.deepEqual(encodeSpki(pub), der);
  });
});
