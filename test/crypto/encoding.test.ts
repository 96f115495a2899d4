import assert from 'node:assert/strict';
import { KeyObject } from 'node:crypto';
import { w } from '../../src/lib/asn1/index.js';
import '../../src/lib/i18n/index.js'; // installs the message renderer errors use
import { UnsupportedAlgorithmError, MalformedError } from '../../src/lib/errors/index.js';
import {
  decodePkcs8,
  decodeSpki,
  encodeOpenSslGostPkcs8,
  encodeOpenSslGostSpki,
  encodePkcs8,
  encodeSpki,
  generateKeyPair,
  gostKeyFromScalar,
  OID,
  sign,
  toOpenSslGost,
  verify,
  type GostPrivateKey,
  type GostPublicKey,
} from '../../src/lib/crypto/index.js';
import { maskedPkcs8 } from './helpers.js';
import { bigToBytesBE, bigToBytesLE } from '../../src/lib/crypto/gost2001.js';

const gostAlgId = (keyOid: string, params: Buffer) => w.sequence(w.oid(keyOid), params);
const pkcs8 = (algId: Buffer, privateKey: Buffer) =>
  w.sequence(w.integer(0), algId, w.octetString(privateKey));

describe('crypto: key encodings', () => {
  const key = gostKeyFromScalar('B', 0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdefn);

  it('GOST PKCS#8 (E-IMZO layout) round-trips, and carries the Uzbek OIDs and a big-endian scalar', () => {
    const der = encodePkcs8(key);
    const back = decodePkcs8(der) as GostPrivateKey;
    assert.equal(back.d, key.d);
    assert.equal(back.curve, 'B');
    assert.deepEqual(back.publicKey, key.publicKey);
    assert.ok(der.includes(w.oid(OID.ozdst1092Key)));
    assert.ok(der.includes(w.sequence(w.oid(OID.ozdst1092ParamB))));
    assert.ok(der.includes(w.sequence(w.integer(1), w.octetString(bigToBytesBE(key.d, 32)))));
  });

  it('reads the PKCS#8 variants other writers produce', () => {
    const d = key.d;
    const params = w.sequence(w.oid(OID.ozdst1092ParamB));
    const variants: Array<[string, Buffer]> = [
      [
        'bare parameter-set OID',
        pkcs8(
          gostAlgId(OID.ozdst1092Key, w.oid(OID.ozdst1092ParamB)),
          w.sequence(w.integer(1), w.octetString(bigToBytesBE(d, 32))),
        ),
      ],
      [
        'ECPrivateKey with an embedded public key',
        pkcs8(
          gostAlgId(OID.ozdst1092Key, params),
          w.sequence(
            w.integer(1),
            w.octetString(bigToBytesBE(d, 32)),
            w.tlv(
              0xa1,
              w.bitString(
                w.octetString(
                  Buffer.concat([bigToBytesLE(key.publicKey.x, 32), bigToBytesLE(key.publicKey.y, 32)]),
                ),
              ),
            ),
          ),
        ),
      ],
      ['INTEGER (big-endian)', pkcs8(gostAlgId(OID.ozdst1092Key, params), w.integer(d))],
      [
        'OCTET STRING (little-endian)',
        pkcs8(gostAlgId(OID.ozdst1092Key, params), w.octetString(bigToBytesLE(d, 32))),
      ],
      ['OpenSSL engine form', encodeOpenSslGostPkcs8(key)],
      ['masked (CryptoPro export: k‖m, d = k·m mod q)', maskedPkcs8(d, 0xabcdef0123456789n)],
    ];
    for (const [what, der] of variants) {
      const k = decodePkcs8(der) as GostPrivateKey;
      assert.equal(k.d, d, what);
      assert.deepEqual(k.publicKey.x, key.publicKey.x, what);
    }
  });

  it('keeps the 2024 family through SPKI and PKCS#8', () => {
    const { privateKey, publicKey } = generateKeyPair({ alg: 'ozdst', curve: 'C', family: 'ozmst2024' });
    const spki = encodeSpki(publicKey);
    assert.ok(spki.includes(w.oid(OID.ozmst2024Key)));
    assert.equal((decodeSpki(spki) as GostPublicKey).family, 'ozmst2024');
    assert.equal((decodePkcs8(encodePkcs8(privateKey)) as GostPrivateKey).family, 'ozmst2024');
    // A 2024 key with the 2009 parameter-set OID is read too.
    const mixed = w.sequence(
      gostAlgId(OID.ozmst2024Key, w.sequence(w.oid(OID.ozdst1092ParamC))),
      w.bitString(
        w.octetString(Buffer.concat([bigToBytesLE(publicKey.x, 32), bigToBytesLE(publicKey.y, 32)])),
      ),
    );
    assert.equal((decodeSpki(mixed) as GostPublicKey).curve, 'C');
  });

  it('converts to the OpenSSL engine form (Russian OIDs, digest parameter set, little-endian scalar)', () => {
    const spki = toOpenSslGost(encodeSpki(key.publicKey));
    assert.deepEqual(spki, encodeOpenSslGostSpki(key));
    assert.ok(
      spki.includes(
        w.sequence(w.oid(OID.gostR3410_2001CryptoProB), w.oid(OID.gostR3411_94CryptoProParamSet)),
      ),
    );
    const priv = toOpenSslGost(encodePkcs8(key));
    assert.ok(priv.subarray(priv.length - 32).equals(bigToBytesLE(key.d, 32)));
    assert.deepEqual((decodeSpki(spki) as GostPublicKey).x, key.publicKey.x);
  });

  it('RSA and EC keys go through node:crypto KeyObjects', () => {
    for (const spec of [
      { alg: 'rsa' } as const,
      { alg: 'ec', curve: 'P-256' } as const,
      { alg: 'ec', curve: 'P-384' } as const,
    ]) {
      const { privateKey, publicKey } = generateKeyPair(spec);
      const pub = decodeSpki(encodeSpki(publicKey));
      const priv = decodePkcs8(encodePkcs8(privateKey));
      assert.ok(pub instanceof KeyObject && priv instanceof KeyObject);
      assert.deepEqual(encodeSpki(priv), encodeSpki(publicKey));
      const sig = sign(priv, Buffer.from('data'));
      assert.equal(verify(pub, Buffer.from('data'), sig), true);
    }
  });

  it('rejects damaged keys with MalformedError and points off the curve by name', () => {
    const spki = encodeSpki(key.publicKey);
    assert.throws(() => decodeSpki(spki.subarray(0, spki.length - 1)), MalformedError);
    assert.throws(() => decodeSpki(Buffer.from('not der at all')), MalformedError);
    assert.throws(() => decodePkcs8(Buffer.alloc(0)), MalformedError);
    const bad = Buffer.from(spki);
    bad[bad.length - 1]! ^= 1;
    assert.throws(() => decodeSpki(bad), { code: 'CRYPTO_POINT_NOT_ON_CURVE' });
    const zero = pkcs8(
      gostAlgId(OID.ozdst1092Key, w.sequence(w.oid(OID.ozdst1092ParamA))),
      w.octetString(Buffer.alloc(32)),
    );
    assert.throws(() => decodePkcs8(zero), MalformedError);
    const noParams = w.sequence(
      w.sequence(w.oid(OID.ozdst1092Key)),
      w.bitString(w.octetString(Buffer.alloc(64))),
    );
    assert.throws(() => decodeSpki(noParams), MalformedError);
    assert.throws(() => encodePkcs8(generateKeyPair({ alg: 'ec' }).publicKey), MalformedError);
  });

  it('names the legacy alg-1 and unknown OIDs as unsupported algorithms', () => {
    const legacy = w.sequence(
      w.sequence(w.oid(OID.ozdst1092Legacy), w.NULL),
      w.bitString(w.octetString(Buffer.alloc(128))),
    );
    assert.throws(
      () => decodeSpki(legacy),
      (e: unknown) =>
        e instanceof UnsupportedAlgorithmError &&
        e.params.oid === OID.ozdst1092Legacy &&
        String(e.params.name).includes('alg-1') &&
        e.message.includes('alg-1'),
    );
    const unknown = w.sequence(w.sequence(w.oid('1.2.3.4.5')), w.bitString(Buffer.alloc(4)));
    assert.throws(() => decodeSpki(unknown), { code: 'CRYPTO_UNKNOWN_ALGORITHM' });
    const unknownParamSet = w.sequence(
      gostAlgId(OID.ozdst1092Key, w.sequence(w.oid('1.2.860.3.15.1.1.2.1.9'))),
      w.bitString(w.octetString(Buffer.alloc(64))),
    );
    assert.throws(() => decodeSpki(unknownParamSet), UnsupportedAlgorithmError);
  });
});
