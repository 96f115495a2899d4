// X.509, PKCS#10, names and the test CA, with OpenSSL as the independent reader and verifier.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';

import { MalformedError } from '../../src/lib/errors/index.js';
import {
  buildChain,
  buildPkcs10,
  derToPem,
  fingerprint,
  generatePrivateKey,
  parseCertificate,
  parsePkcs10,
  validityState,
  verifyCertificateSignature,
} from '../../src/lib/pki/index.js';
import { issueKey, openssl, opensslTry, pem, PERSON, tempDir, testCa } from './helpers.js';

describe('X.509 certificates', () => {
  const dir = tempDir();

  it('reads the Uzbek identity attributes of a certificate issued by the test CA', () => {
    const { certificate: c } = issueKey({ alg: 'ec' }, { ...PERSON, TIN: '201234567' });
    assert.deepEqual(
      {
        pinfl: c.identity.pinfl,
        tin: c.identity.tin,
        uid: c.identity.uid,
        cn: c.identity.cn,
        o: c.identity.o,
        t: c.identity.t,
      },
      {
        pinfl: '31234567890123',
        tin: '201234567',
        uid: '412345678',
        cn: 'Test User',
        o: PERSON.O,
        t: 'director',
      },
    );
    assert.deepEqual(c.keyUsage, ['digitalSignature', 'nonRepudiation']);
    assert.equal(c.basicConstraints?.ca, false);
    assert.equal(validityState(c), 'valid');
    assert.equal(c.publicKeyAlgorithm.name, 'EC');
  });

  for (const alg of ['rsa', 'ec'] as const) {
    it(`OpenSSL parses and verifies the chain our CA issues (${alg})`, () => {
      const key = issueKey(alg === 'rsa' ? { alg: 'rsa', bits: 2048 } : { alg: 'ec' });
      const leaf = path.join(dir, `${alg}-leaf.pem`);
      const root = path.join(dir, 'root.pem');
      const sub = path.join(dir, 'sub.pem');
      writeFileSync(leaf, pem(key.certificate.raw));
      writeFileSync(root, pem(testCa().root.certificate.raw));
      writeFileSync(sub, pem(testCa().sub.certificate.raw));
      const v = opensslTry(['verify', '-CAfile', root, '-untrusted', sub, leaf]);
      assert.equal(v.code, 0, v.out);
      const text = openssl([
        'x509',
        '-in',
        leaf,
        '-noout',
        '-subject',
        '-serial',
        '-nameopt',
        'oid,sep_comma_plus',
      ]).toString();
      assert.match(text, /1\.2\.860\.3\.16\.1\.2=31234567890123/);
      assert.match(text, new RegExp(`serial=0*${key.certificate.serialHex}`, 'i'));
      // and we verify what we issued, and refuse a wrong issuer
      assert.ok(verifyCertificateSignature(key.certificate, testCa().sub.certificate));
      assert.ok(!verifyCertificateSignature(key.certificate, testCa().root.certificate));
      assert.equal(buildChain(key.certificate, testCa().sub.chain).length, 3);
    });
  }

  it('reads a certificate made by OpenSSL (RSA-PSS-free, self-signed) and its fingerprint matches', () => {
    const keyFile = path.join(dir, 'o.key');
    const certFile = path.join(dir, 'o.crt');
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '10',
      '-subj',
      '/CN=OpenSSL Made/O=Org, Inc/UID=412345678',
      '-addext',
      'keyUsage=critical,digitalSignature,keyCertSign',
    ]);
    const der = openssl(['x509', '-in', certFile, '-outform', 'DER']);
    const c = parseCertificate(der);
    assert.equal(c.identity.cn, 'OpenSSL Made');
    assert.equal(c.identity.o, 'Org, Inc');
    assert.equal(c.identity.uid, '412345678');
    assert.ok(c.selfIssued);
    assert.ok(verifyCertificateSignature(c, c));
    assert.deepEqual(c.keyUsage, ['digitalSignature', 'keyCertSign']);
    const fp = openssl(['x509', '-in', certFile, '-noout', '-fingerprint', '-sha256']).toString();
    assert.equal(fp.split('=')[1]!.trim().replace(/:/g, '').toLowerCase(), fingerprint(c));
    // PEM input works too, and round-trips through derToPem
    assert.equal(parseCertificate(derToPem(der, 'CERTIFICATE')).serialHex, c.serialHex);
  });

  it('rejects garbage, truncation and trailing data with MalformedError', () => {
    const der = Buffer.from(issueKey().certificate.raw);
    for (const bad of [
      der.subarray(0, der.length - 1),
      Buffer.concat([der, Buffer.from([0])]),
      Buffer.from('hello'),
      Buffer.alloc(0),
    ])
      assert.throws(() => parseCertificate(bad), MalformedError);
  });
});

describe('PKCS#10 requests', () => {
  const dir = tempDir();
  for (const alg of ['rsa', 'ec'] as const) {
    it(`OpenSSL verifies the request we build (${alg}), and we verify OpenSSL's`, () => {
      const priv = generatePrivateKey(alg === 'rsa' ? { alg: 'rsa', bits: 2048 } : { alg: 'ec' });
      const csr = buildPkcs10({
        subject: PERSON,
        privateKey: priv,
        extensions: { keyUsage: ['digitalSignature'] },
      });
      const file = path.join(dir, `${alg}.csr`);
      writeFileSync(file, csr);
      const v = opensslTry([
        'req',
        '-in',
        file,
        '-inform',
        'DER',
        '-verify',
        '-noout',
        '-subject',
        '-nameopt',
        'oid',
      ]);
      assert.equal(v.code, 0, v.out);
      assert.match(v.out, /verify OK/i);
      assert.match(v.out, /1\.2\.860\.3\.16\.1\.2\s*=\s*31234567890123/);
      const parsed = parsePkcs10(csr);
      assert.ok(parsed.verify());
      assert.equal(parsed.subject.attributes.find((a) => a.type === 'CN')?.value, 'Test User');
      assert.equal(parsed.extensions.length, 1);

      const keyPem = path.join(dir, `${alg}.key.pem`);
      writeFileSync(keyPem, (priv as KeyObject).export({ format: 'pem', type: 'pkcs8' }));
      const theirs = openssl(['req', '-new', '-key', keyPem, '-subj', '/CN=From OpenSSL', '-outform', 'DER']);
      const p = parsePkcs10(theirs);
      assert.ok(p.verify());
      assert.equal(p.subject.text, 'CN=From OpenSSL');
      const tampered = Buffer.from(theirs);
      tampered[tampered.length - 5]! ^= 1;
      assert.equal(
        (() => {
          try {
            return parsePkcs10(tampered).verify();
          } catch {
            return false;
          }
        })(),
        false,
      );
    });
  }
});
