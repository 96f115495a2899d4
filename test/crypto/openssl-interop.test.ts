/**
 * Interop with the reference implementation: OpenSSL's GOST engine (`libengine-gost-openssl`).
 * The engine speaks the Russian OIDs (1.2.643.2.2.*); keys are moved across with `toOpenSslGost`.
 * Skipped, with the reason printed, when the engine is not installed (CI installs it).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  decodePkcs8,
  decodeSpki,
  encodePkcs8,
  encodeSpki,
  generateKeyPair,
  hashSync,
  sign,
  signDigest,
  toOpenSslGost,
  toPem,
  verify,
  type GostPrivateKey,
  type GostPublicKey,
} from '../../src/lib/crypto/index.js';
import { maskedPkcs8 } from './helpers.js';

function engineMissingReason(): string | undefined {
  const r = spawnSync('openssl', ['engine', 'gost', '-c'], { encoding: 'utf8' });
  if (r.error) return `openssl not found (${r.error.message})`;
  if (r.status !== 0 || !/md_gost94/.test(r.stdout))
    return 'OpenSSL GOST engine not installed (apt-get install libengine-gost-openssl)';
  return undefined;
}

function openssl(args: string[]): string {
  return execFileSync('openssl', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 24,
  });
}

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
}

describe('crypto: interop with the OpenSSL GOST engine', function () {
  let dir = '';
  const file = (name: string) => path.join(dir, name);

  before(function () {
    const reason = engineMissingReason();
    if (reason) {
      console.log(`      skipped: ${reason}`);
      this.skip();
    }
    dir = mkdtempSync(path.join(tmpdir(), 'oneid-gost-interop-'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("our O'z DSt 1106 hash equals md_gost94 on 200 random inputs of 0 B to 1 MB", () => {
    // Edge sizes around the 32-octet block, then sizes spread log-uniformly up to 1 MiB.
    const sizes = [0, 1, 31, 32, 33, 63, 64, 65, 1 << 20];
    while (sizes.length < 200) sizes.push(Math.floor(Math.exp(Math.random() * Math.log((1 << 20) + 1))) - 1);
    const names = sizes.map((size, i) => {
      const name = file(`in-${i}.bin`);
      writeFileSync(name, randomBytes(size));
      return name;
    });
    // One OpenSSL process for all the files: `-r` prints "<hex> *<file>".
    const lines = openssl(['dgst', '-engine', 'gost', '-md_gost94', '-r', ...names])
      .trim()
      .split('\n');
    assert.equal(lines.length, names.length);
    lines.forEach((line, i) => {
      const theirs = line.split(' ')[0];
      const ours = hashSync('ozdst-1106', readFileSync(names[i]!)).toString('hex');
      assert.equal(ours, theirs, `size ${sizes[i]}`);
    });
  });

  it('reads a masked private key (CryptoPro export form) as OpenSSL does', () => {
    const { privateKey } = generateKeyPair({ alg: 'ozdst', curve: 'A' });
    const der = maskedPkcs8(privateKey.d, 0x5eed5eed5eed5eed5eed5eed5eed5eedn, 'A');
    writeFileSync(file('masked.key'), toPem(der, 'PRIVATE KEY'));
    const text = openssl(['pkey', '-engine', 'gost', '-in', file('masked.key'), '-text', '-noout']);
    const theirs = BigInt('0x' + /Private key:\s*([0-9A-F]+)/i.exec(text)![1]);
    assert.equal(theirs, privateKey.d);
    assert.equal((decodePkcs8(der) as GostPrivateKey).d, privateKey.d);
  });

  for (const curve of ['A', 'B', 'C'] as const) {
    it(`curve ${curve}: OpenSSL verifies our signatures, on data and on a digest`, () => {
      const { privateKey, publicKey } = generateKeyPair({ alg: 'ozdst', curve });
      writeFileSync(file(`our-${curve}.key`), toPem(toOpenSslGost(encodePkcs8(privateKey)), 'PRIVATE KEY'));
      writeFileSync(file(`our-${curve}.pub`), toPem(toOpenSslGost(encodeSpki(publicKey)), 'PUBLIC KEY'));
      // OpenSSL derives the same public key from our private key.
      const derived = decodeSpki(
        pemToDer(openssl(['pkey', '-engine', 'gost', '-in', file(`our-${curve}.key`), '-pubout'])),
      ) as GostPublicKey;
      assert.equal(derived.x, publicKey.x);
      assert.equal(derived.y, publicKey.y);
      for (let i = 0; i < 3; i++) {
        const msg = randomBytes(1 + Math.floor(Math.random() * 5000));
        writeFileSync(file('msg.bin'), msg);
        writeFileSync(file('sig.bin'), sign(privateKey, msg));
        const out = openssl([
          'dgst',
          '-engine',
          'gost',
          '-md_gost94',
          '-verify',
          file(`our-${curve}.pub`),
          '-signature',
          file('sig.bin'),
          file('msg.bin'),
        ]);
        assert.match(out, /Verified OK/);
      }
      // Digest level: the digest octets we sign are the ones OpenSSL's pkeyutl takes.
      const digest = hashSync('ozdst-1106', Buffer.from('digest-level check'));
      writeFileSync(file('digest.bin'), digest);
      writeFileSync(file('sig.bin'), signDigest(privateKey, digest));
      const out = openssl([
        'pkeyutl',
        '-engine',
        'gost',
        '-verify',
        '-pubin',
        '-inkey',
        file(`our-${curve}.pub`),
        '-in',
        file('digest.bin'),
        '-sigfile',
        file('sig.bin'),
      ]);
      assert.match(out, /Signature Verified Successfully/);
      // And a wrong signature is refused by OpenSSL too (the check above is not vacuous).
      const bad = signDigest(privateKey, digest);
      bad[5]! ^= 0x40;
      writeFileSync(file('sig.bin'), bad);
      const r = spawnSync(
        'openssl',
        [
          'pkeyutl',
          '-engine',
          'gost',
          '-verify',
          '-pubin',
          '-inkey',
          file(`our-${curve}.pub`),
          '-in',
          file('digest.bin'),
          '-sigfile',
          file('sig.bin'),
        ],
        { encoding: 'utf8' },
      );
      assert.doesNotMatch(r.stdout, /Verified Successfully/);
    });

    it(`curve ${curve}: we read OpenSSL's keys and verify OpenSSL's signatures`, () => {
      openssl([
        'genpkey',
        '-engine',
        'gost',
        '-algorithm',
        'gost2001',
        '-pkeyopt',
        `paramset:${curve}`,
        '-out',
        file(`ossl-${curve}.key`),
      ]);
      const priv = decodePkcs8(pemToDer(readFileSync(file(`ossl-${curve}.key`), 'utf8'))) as GostPrivateKey;
      assert.equal(priv.curve, curve);
      const pub = decodeSpki(
        pemToDer(openssl(['pkey', '-engine', 'gost', '-in', file(`ossl-${curve}.key`), '-pubout'])),
      ) as GostPublicKey;
      assert.equal(pub.x, priv.publicKey.x, "our derived public key equals OpenSSL's");
      assert.equal(pub.y, priv.publicKey.y);
      for (let i = 0; i < 3; i++) {
        const msg = randomBytes(Math.floor(Math.random() * 5000));
        writeFileSync(file('msg.bin'), msg);
        openssl([
          'dgst',
          '-engine',
          'gost',
          '-md_gost94',
          '-sign',
          file(`ossl-${curve}.key`),
          '-out',
          file('sig.bin'),
          file('msg.bin'),
        ]);
        const sig = readFileSync(file('sig.bin'));
        assert.equal(verify(pub, msg, sig), true);
        assert.equal(verify(pub, Buffer.concat([msg, Buffer.from([0])]), sig), false);
      }
      // Our signature with OpenSSL's key, checked by OpenSSL.
      const msg = Buffer.from('signed by us with an OpenSSL key');
      writeFileSync(file('msg.bin'), msg);
      writeFileSync(file('sig.bin'), sign(priv, msg));
      writeFileSync(
        file('ossl.pub'),
        openssl(['pkey', '-engine', 'gost', '-in', file(`ossl-${curve}.key`), '-pubout']),
      );
      assert.match(
        openssl([
          'dgst',
          '-engine',
          'gost',
          '-md_gost94',
          '-verify',
          file('ossl.pub'),
          '-signature',
          file('sig.bin'),
          file('msg.bin'),
        ]),
        /Verified OK/,
      );
    });
  }
});
