// PKCS#12 read/write against OpenSSL as the peer: we read what `openssl pkcs12 -export` writes
// (OpenSSL 3 defaults and -legacy, RSA and EC, several MACs), OpenSSL reads what we write
// (modern and legacy), and both sides agree on the key and certificates.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';

import { KeyPasswordError, MalformedError } from '../../src/lib/errors/index.js';
import {
  aliasFor,
  changePfxPassword,
  encodePublicKey,
  publicKeyOf,
  readPfx,
  readPfxPublic,
  writePfx,
} from '../../src/lib/pki/index.js';
import { issueKey, openssl, opensslTry, tempDir, writePems, type TestKey } from './helpers.js';

const PW = 'Paro1!ь'; // non-ASCII on purpose: BMPString (PKCS#12 KDF) vs UTF-8 (PBKDF2)

function sameKey(a: KeyObject | unknown, key: TestKey): void {
  assert.ok(encodePublicKey(publicKeyOf(a as KeyObject)).equals(Buffer.from(key.certificate.spki)));
}

for (const alg of ['rsa', 'ec'] as const) {
  describe(`PKCS#12 interop with OpenSSL (${alg.toUpperCase()})`, function () {
    const dir = tempDir();
    const key = issueKey(alg === 'rsa' ? { alg: 'rsa', bits: 2048 } : { alg: 'ec' });
    const pems = writePems(dir, key);
    const exportArgs = (out: string, extra: string[]) => [
      'pkcs12',
      '-export',
      '-inkey',
      pems.key,
      '-in',
      pems.cert,
      '-certfile',
      pems.chain,
      '-name',
      'openssl alias',
      '-passout',
      `pass:${PW}`,
      '-out',
      out,
      ...extra,
    ];

    const variants: Array<[string, string[]]> = [
      ['OpenSSL 3 defaults (PBES2/AES-256, SHA-256 MAC)', []],
      ['-legacy (RC2-40 certificates, 3DES key, SHA-1 MAC)', ['-legacy']],
      ['SHA-512 MAC', ['-macalg', 'sha512']],
      ['SHA-1 MAC, 3DES everywhere', ['-descert', '-macalg', 'sha1']],
      ['unencrypted certificates', ['-certpbe', 'NONE']],
    ];
    for (const [name, extra] of variants) {
      it(`reads ${name}`, () => {
        const file = path.join(dir, `${name.replace(/\W+/g, '_')}.pfx`);
        openssl(exportArgs(file, extra));
        const bytes = readFileSync(file);
        const opened = readPfx(bytes, PW);
        sameKey(opened.privateKey, key);
        assert.ok(Buffer.from(opened.certificate.raw).equals(Buffer.from(key.certificate.raw)));
        assert.equal(opened.alias, 'openssl alias');
        assert.equal(opened.chain.length, 3, 'leaf, intermediate, root');
        assert.throws(() => readPfx(bytes, 'wrong'), KeyPasswordError);
        // Without the password: the alias always, certificates when their bag is not encrypted.
        const pub = readPfxPublic(bytes);
        assert.equal(pub.alias, 'openssl alias');
        assert.equal(pub.keyCount, 1);
        if (extra.includes('NONE')) assert.equal(pub.certificate?.serialHex, key.certificate.serialHex);
        else assert.deepEqual(pub.unreadable, ['certificates']);
      });
    }

    for (const legacy of [false, true]) {
      it(`writes ${legacy ? 'legacy (3DES, SHA-1 MAC)' : 'modern (PBES2/AES-256, SHA-256 MAC)'} that OpenSSL accepts`, () => {
        const file = path.join(dir, `ours-${legacy}.pfx`);
        writeFileSync(file, writePfx({ ...key, password: PW, legacy }));
        const info = opensslTry(['pkcs12', '-info', '-noout', '-in', file, '-passin', `pass:${PW}`]);
        assert.equal(info.code, 0, info.out);
        if (legacy) {
          assert.match(info.out, /MAC: sha1, Iteration 10000/);
          assert.match(info.out, /pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 10000/);
        } else {
          assert.match(info.out, /MAC: sha256, Iteration 10000/);
          assert.match(info.out, /PBES2, PBKDF2, AES-256-CBC, Iteration 10000, PRF hmacWithSHA256/);
        }
        // OpenSSL extracts exactly our key and certificates.
        const keyPem = openssl([
          'pkcs12',
          '-in',
          file,
          '-nocerts',
          '-nodes',
          '-passin',
          `pass:${PW}`,
        ]).toString();
        const theirs = openssl(['pkey', '-pubout', '-outform', 'DER'], keyPem);
        assert.ok(theirs.equals(Buffer.from(key.certificate.spki)));
        const certs = openssl(['pkcs12', '-in', file, '-nokeys', '-passin', `pass:${PW}`]).toString();
        assert.equal(certs.match(/BEGIN CERTIFICATE/g)?.length, 3);
        assert.match(
          certs,
          /friendlyName: cn=test user,name=test,surname=user,1\.2\.860\.3\.16\.1\.2=31234567890123/,
        );
        // OpenSSL refuses a wrong password (its peer check of our MAC).
        assert.notEqual(
          opensslTry(['pkcs12', '-info', '-noout', '-in', file, '-passin', 'pass:wrong']).code,
          0,
        );
      });
    }

    it('writes E-IMZO style: certificates and alias readable without the password', () => {
      const bytes = writePfx({ ...key, password: PW });
      const pub = readPfxPublic(bytes);
      assert.deepEqual(pub.unreadable, []);
      assert.equal(pub.alias, aliasFor(key.certificate));
      assert.equal(pub.certificate?.identity.pinfl, '31234567890123');
      assert.equal(pub.certificates.length, 3);
      assert.equal(pub.protection.keys[0]?.iterations, 10_000);
    });

    it('round-trips ours → ours, and changes the password keeping bags and attributes', () => {
      const bytes = writePfx({ ...key, password: PW, alias: 'x,o=a, b=c' });
      const changed = changePfxPassword(bytes, PW, 'new-pass');
      assert.throws(() => readPfx(changed, PW), KeyPasswordError);
      const again = readPfx(changed, 'new-pass');
      sameKey(again.privateKey, key);
      assert.equal(again.alias, 'x,o=a, b=c');
      assert.equal(again.certificates.length, 3);
      assert.deepEqual(
        again.structure.safes.map((s) => s.bags.map((b) => b.attributes.length)),
        readPfx(bytes, PW).structure.safes.map((s) => s.bags.map((b) => b.attributes.length)),
      );
      assert.throws(() => changePfxPassword(bytes, 'wrong', 'x'), KeyPasswordError);
    });

    it('changes the password of an OpenSSL -legacy file (RC2 bag re-encrypted) and OpenSSL reads it', () => {
      const src = path.join(dir, 'legacy-src.pfx');
      openssl(exportArgs(src, ['-legacy']));
      const out = path.join(dir, 'legacy-changed.pfx');
      writeFileSync(out, changePfxPassword(readFileSync(src), PW, 'n3w'));
      const info = opensslTry(['pkcs12', '-info', '-noout', '-in', out, '-passin', 'pass:n3w']);
      assert.equal(info.code, 0, info.out);
      assert.match(info.out, /MAC: sha1/);
    });
  });
}

describe('PKCS#12 edge cases from OpenSSL', () => {
  const dir = tempDir();
  const key = issueKey({ alg: 'ec' });
  const pems = writePems(dir, key);
  const make = (name: string, extra: string[]) => {
    const out = path.join(dir, `${name}.pfx`);
    openssl(['pkcs12', '-export', '-inkey', pems.key, '-in', pems.cert, '-out', out, ...extra]);
    return readFileSync(out);
  };
  it('an empty password (modern and legacy)', () => {
    for (const extra of [[], ['-legacy']])
      sameKey(readPfx(make('empty', ['-passout', 'pass:', ...extra]), '').privateKey, key);
  });
  it('no MAC: the password is still checked through decryption', () => {
    const bytes = make('nomac', ['-passout', 'pass:abc', '-nomac']);
    sameKey(readPfx(bytes, 'abc').privateKey, key);
    assert.throws(() => readPfx(bytes, 'abd'), KeyPasswordError);
  });
});

describe('PKCS#12 damaged input', () => {
  const key = issueKey();
  const good = writePfx({ ...key, password: 'pw', iterations: 1 });
  it('truncated / random / empty → MalformedError', () => {
    for (const bad of [
      good.subarray(0, good.length - 7),
      Buffer.alloc(0),
      Buffer.from('not a pfx at all, really'),
    ])
      assert.throws(() => readPfxPublic(bad), MalformedError);
    assert.throws(() => readPfx(good.subarray(0, 100), 'pw'), MalformedError);
  });
  it('deeply nested indefinite-length BER (stack exhaustion) → MalformedError', () => {
    const deep = Buffer.alloc(40_004);
    for (let i = 0; i < 20_000; i++) deep.set([0x30, 0x80], 2 * i);
    assert.throws(() => readPfxPublic(deep), MalformedError);
    assert.throws(() => readPfx(deep, 'pw'), MalformedError);
  });
  it('a flipped byte in the encrypted key with the right password → MalformedError (MAC), not a password error', () => {
    const bad = Buffer.from(good);
    bad[bad.length - 120]! ^= 0x55;
    assert.throws(
      () => readPfx(bad, 'pw'),
      (e: unknown) => e instanceof MalformedError || e instanceof KeyPasswordError,
    );
  });
});
