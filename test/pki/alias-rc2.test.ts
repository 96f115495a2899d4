// The E-IMZO alias and the small pure-TS RC2 (RFC 2268 test vectors).
import { strict as assert } from 'node:assert';

import { MalformedError } from '../../src/lib/errors/index.js';
import {
  aliasFor,
  aliasMismatches,
  formatAliasTime,
  parseAlias,
  parseAliasTime,
} from '../../src/lib/pki/index.js';
import { rc2CbcDecrypt, rc2CbcEncrypt, rc2EncryptBlock } from '../../src/lib/pki/pkcs12/rc2.js';
import { issueKey, PERSON } from './helpers.js';

describe('E-IMZO alias', () => {
  it('parses the documented example', () => {
    const a = parseAlias(
      'cn=test user,name=test,surname=user,1.2.860.3.16.1.2=12345678901234,serialnumber=test0001,validfrom=2024.01.10 10:00:00,validto=2026.01.10 23:59:59',
    );
    assert.equal(a.cn, 'test user');
    assert.equal(a.pinfl, '12345678901234');
    assert.equal(a.serialHex, 'test0001');
    assert.equal(a.name, 'test');
    assert.equal(a.surname, 'user');
    assert.equal(formatAliasTime(a.validTo!), '2026.01.10 23:59:59');
  });

  it('keeps commas inside values and lower-cases everything', () => {
    const a = parseAlias(
      'CN=A,O=OOO "Alfa, Beta", Gamma,T=Director,SERIALNUMBER=0A1B,validfrom=2024.01.01 00:00:00,validto=2025.01.01 00:00:00',
    );
    assert.equal(a.o, 'ooo "alfa, beta", gamma');
    assert.equal(a.t, 'director');
    assert.equal(a.serialHex, 'a1b');
  });

  it('is written from a certificate and matches it back', () => {
    const { certificate } = issueKey();
    const alias = aliasFor(certificate);
    assert.equal(alias, alias.toLowerCase());
    const a = parseAlias(alias);
    assert.equal(a.o, PERSON.O.toLowerCase());
    assert.equal(a.pinfl, PERSON.PINFL);
    assert.equal(a.uid, PERSON.UID);
    assert.equal(a.serialHex, certificate.serialHex);
    assert.equal(a.validTo!.getTime(), certificate.notAfter.getTime());
    assert.deepEqual(aliasMismatches(a, certificate), []);
    const other = parseAlias(alias.replace(/serialnumber=[0-9a-f]+/, 'serialnumber=1234'));
    assert.deepEqual(aliasMismatches(other, certificate), ['serialnumber']);
  });

  it('rejects text without key=value pairs, and bad times', () => {
    assert.throws(() => parseAlias('just a name'), MalformedError);
    assert.equal(parseAliasTime('2024-01-01'), undefined);
  });
});

describe('RC2 (RFC 2268)', () => {
  const h = (s: string) => Buffer.from(s, 'hex');
  const vectors: Array<[string, number, string, string]> = [
    ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
    ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
    ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
    ['88', 64, '0000000000000000', '61a8a244adacccf0'],
    ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
    ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
    ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
  ];
  for (const [key, bits, pt, ct] of vectors)
    it(`key ${key} (${bits} bits)`, () =>
      assert.equal(Buffer.from(rc2EncryptBlock(h(key), bits, h(pt))).toString('hex'), ct));

  it('CBC round-trips and reports bad padding as null', () => {
    const key = h('0102030405');
    const iv = h('0001020304050607');
    const data = Buffer.from('certificate bag contents');
    const ct = rc2CbcEncrypt(key, 40, iv, data);
    assert.deepEqual(rc2CbcDecrypt(key, 40, iv, ct), data);
    assert.equal(rc2CbcDecrypt(h('0102030406'), 40, iv, ct), null);
  });
});
