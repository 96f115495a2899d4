// O'z DSt 1092 (GOST R 34.10-2001) keys through the PKI area: certificates signed and verified
// with GOST, E-IMZO-style PFX written and read back (ours ↔ ours, modern and legacy), listing
// without a password, password change, PKCS#10 — the crypto area supplies the mathematics.
import { strict as assert } from 'node:assert';

import { KeyPasswordError } from '../../src/lib/errors/index.js';
import {
  aliasFor,
  buildPkcs10,
  changePfxPassword,
  createCa,
  describeSpki,
  encodePrivateKey,
  generatePrivateKey,
  issueCertificate,
  parsePkcs10,
  publicKeyOf,
  readPfx,
  readPfxPublic,
  sameKey,
  verifyCertificateSignature,
  writePfx,
} from '../../src/lib/pki/index.js';
import { PERSON } from './helpers.js';

// The vendor's published SubjectPublicKeyInfo (REFERENCES.md §1).
const VENDOR_SPKI =
  'MGAwGQYJKoZcAw8BAQIBMAwGCiqGXAMPAQECAQEDQwAEQGH1kMo1AelwZDhM/vQLX1CIsnLlyBIWBd/UNZhcfWeGZhSa9BdIDak6Ro2e4lWm77lssBbqQfeVO+ieuYp6qv4=';

describe("O'z DSt 1092 keys in certificates and PFX files", () => {
  const ca = createCa({ subject: { CN: 'GOST Test CA', C: 'UZ' }, key: { alg: 'ozdst', curve: 'A' } });
  const privateKey = generatePrivateKey({ alg: 'ozdst', curve: 'A' });
  const certificate = issueCertificate(ca, { subject: PERSON, publicKey: publicKeyOf(privateKey) });

  it('describes the vendor public key without opening it', () => {
    assert.deepEqual(describeSpki(Buffer.from(VENDOR_SPKI, 'base64')), {
      name: 'OZDST-1092',
      oid: '1.2.860.3.15.1.1.2.1',
      curve: 'A',
    });
  });

  it('issues and verifies GOST-signed certificates', () => {
    assert.equal(ca.certificate.signatureAlgorithmOid, '1.2.860.3.15.1.1.2.2.2.2');
    assert.ok(verifyCertificateSignature(ca.certificate, ca.certificate));
    assert.ok(verifyCertificateSignature(certificate, ca.certificate));
    assert.deepEqual(certificate.publicKeyAlgorithm, {
      name: 'OZDST-1092',
      oid: '1.2.860.3.15.1.1.2.1',
      curve: 'A',
    });
    const forged = Buffer.from(certificate.raw);
    forged[forged.length - 3]! ^= 1;
    assert.ok(
      !verifyCertificateSignature(
        { ...certificate, signature: forged.subarray(forged.length - 64) },
        ca.certificate,
      ),
    );
  });

  for (const legacy of [false, true]) {
    it(`round-trips an E-IMZO-style PFX (${legacy ? 'legacy 3DES' : 'PBES2/AES-256'}) ours ↔ ours`, () => {
      const pfx = writePfx({ privateKey, certificate, chain: ca.chain, password: 'gost-pw', legacy });
      const pub = readPfxPublic(pfx);
      assert.equal(pub.alias, aliasFor(certificate));
      assert.equal(pub.certificate?.publicKeyAlgorithm.name, 'OZDST-1092');
      const opened = readPfx(pfx, 'gost-pw');
      assert.ok(encodePrivateKey(opened.privateKey).equals(encodePrivateKey(privateKey)));
      assert.ok(sameKey(publicKeyOf(opened.privateKey), opened.certificate.publicKey));
      assert.equal(opened.chain.length, 2);
      assert.throws(() => readPfx(pfx, 'wrong'), KeyPasswordError);
      const changed = changePfxPassword(pfx, 'gost-pw', 'new');
      assert.ok(encodePrivateKey(readPfx(changed, 'new').privateKey).equals(encodePrivateKey(privateKey)));
    });
  }

  it('builds and verifies a GOST PKCS#10 request', () => {
    const csr = parsePkcs10(buildPkcs10({ subject: PERSON, privateKey }));
    assert.equal(csr.signatureAlgorithmOid, '1.2.860.3.15.1.1.2.2.2.2');
    assert.ok(csr.verify());
    assert.equal(csr.publicKeyAlgorithm.curve, 'A');
  });
});
