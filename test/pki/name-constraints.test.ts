// subjectAltName and nameConstraints from pki's issuing code, read and enforced by OpenSSL: a
// name-constrained CA vouches for the names it permits and for nothing else.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { OID } from '../../src/lib/crypto/index.js';
import {
  createCa,
  derToPem,
  generatePrivateKey,
  issueCertificate,
  publicKeyOf,
  type GeneralName,
} from '../../src/lib/pki/index.js';
import { openssl, opensslTry, tempDir } from './helpers.js';

describe('X.509 subjectAltName and nameConstraints', () => {
  const dir = tempDir('oneid-nc-');
  const ca = createCa({
    subject: { CN: 'Constrained CA' },
    pathLength: 0,
    permittedSubtrees: [
      { ip: '127.0.0.1/32' },
      { ip: '2001:db8::/32' },
      { ip: '10.1.0.0/16' },
      { dns: 'localhost' },
    ],
  });
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, derToPem(ca.certificate.raw, 'CERTIFICATE'));

  const leaf = (names: GeneralName[], file: string) => {
    const key = generatePrivateKey({ alg: 'ec' });
    const cert = issueCertificate(ca, {
      subject: { CN: 'server' },
      publicKey: publicKeyOf(key),
      keyUsage: ['digitalSignature'],
      extKeyUsage: [OID.serverAuth],
      subjectAltNames: names,
    });
    const p = path.join(dir, file);
    writeFileSync(p, derToPem(cert.raw, 'CERTIFICATE'));
    return p;
  };

  it('writes IPv4, IPv6 (also :: shorthand and an IPv4 tail) and DNS names as OpenSSL reads them', () => {
    const ca = openssl(['x509', '-in', caFile, '-noout', '-ext', 'nameConstraints']).toString();
    assert.match(ca, /Name Constraints: critical/);
    assert.match(ca, /IP:127\.0\.0\.1\/255\.255\.255\.255/);
    assert.match(ca, /IP:2001:DB8:0:0:0:0:0:0\/FFFF:FFFF:0:0:0:0:0:0/);
    assert.match(ca, /IP:10\.1\.0\.0\/255\.255\.0\.0/);
    assert.match(ca, /DNS:localhost/);
    const file = leaf(
      [
        { ip: '127.0.0.1' },
        { ip: '::1' },
        { ip: '2001:db8::7:0:1' },
        { ip: '::ffff:10.1.2.3' },
        { dns: 'localhost' },
      ],
      'names.pem',
    );
    const san = openssl([
      'x509',
      '-in',
      file,
      '-noout',
      '-ext',
      'subjectAltName,extendedKeyUsage',
    ]).toString();
    assert.match(
      san,
      /IP Address:127\.0\.0\.1, IP Address:0:0:0:0:0:0:0:1, IP Address:2001:DB8:0:0:0:7:0:1, IP Address:0:0:0:0:0:FFFF:A01:203, DNS:localhost/,
    );
    assert.match(san, /TLS Web Server Authentication/);
  });

  it('OpenSSL accepts permitted names and refuses any other (permitted subtree violation)', () => {
    for (const [names, ok] of [
      [[{ ip: '127.0.0.1' }, { dns: 'localhost' }], true],
      [[{ ip: '10.1.200.3' }, { ip: '2001:db8:ffff::1' }], true],
      [[{ dns: 'example.com' }], false],
      [[{ dns: 'localhost.example.com' }], false],
      [[{ ip: '127.0.0.2' }], false],
      [[{ ip: '10.2.0.1' }], false],
      [[{ ip: '2001:db9::1' }], false],
    ] as Array<[GeneralName[], boolean]>) {
      const r = opensslTry(['verify', '-CAfile', caFile, leaf(names, 'leaf.pem')]);
      assert.equal(r.code === 0, ok, `${JSON.stringify(names)}: ${r.out}`);
      if (!ok) assert.match(r.out, /permitted subtree violation/);
    }
  });
});
