import assert from 'node:assert/strict';
import nodeCrypto from 'node:crypto';
import { UnsupportedAlgorithmError } from '../../src/lib/errors/index.js';
import {
  algorithmFor,
  generateKeyPair,
  hashSync,
  isSupportedAlgorithm,
  OID,
  signatureAlgorithmFor,
  signDigest,
  supportedAlgorithms,
  verifyDigest,
} from '../../src/lib/crypto/index.js';
import * as api from '../../src/index.js';

describe('crypto: algorithm registry', () => {
  const gost = generateKeyPair({ alg: 'ozdst' });
  const rsa = generateKeyPair({ alg: 'rsa' });
  const p256 = generateKeyPair({ alg: 'ec', curve: 'P-256' });
  const p384 = generateKeyPair({ alg: 'ec', curve: 'P-384' });
  const data = Buffer.from('signed attributes');

  it('knows every Uzbek OID, 2009 and 2024, with its name and digest', () => {
    const expect: Array<[string, string, string]> = [
      [OID.ozdst1106Digest, 'digest', 'OZDST-1106-2009-2'],
      [OID.ozdst1092Key, 'key', 'OZDST-1092-2009-2'],
      [OID.ozdst1106WithOzdst1092, 'signature', 'OZDST-1106-2009-2-AwithOZDST-1092-2009-2'],
      [OID.ozmst2024Digest, 'digest', 'OZMST-285-2024-2'],
      [OID.ozmst2024Key, 'key', 'OZMST-286-2024-2'],
      [OID.ozmst2024Signature, 'signature', 'OZMST-285-2024-2-AwithOZMST-286-2024-2'],
    ];
    for (const [oid, kind, name] of expect) {
      const a = algorithmFor(oid);
      assert.equal(a.oid, oid);
      assert.equal(a.kind, kind);
      assert.equal(a.name, name);
      assert.equal(a.hash, 'ozdst-1106');
    }
    assert.equal(algorithmFor(OID.ozdst1092ParamC).curve, 'C');
    assert.equal(algorithmFor(OID.ozmst2024Signature).family, 'ozmst2024');
  });

  it('signs and verifies through every signature and key entry with a matching key', () => {
    const keyFor = (a: ReturnType<typeof algorithmFor>) =>
      a.keyType === 'gost2001' ? gost : a.keyType === 'rsa' ? rsa : a.hash === 'sha384' ? p384 : p256;
    let n = 0;
    for (const a of supportedAlgorithms()) {
      if (a.kind === 'digest') continue;
      const { privateKey, publicKey } = keyFor(a);
      if (a.oid === OID.sha1WithRSAEncryption) {
        // Verification only: old certificates carry it, new signatures never use it.
        assert.throws(() => a.sign(privateKey, data), UnsupportedAlgorithmError);
        const old = nodeCrypto.sign('sha1', data, privateKey as nodeCrypto.KeyObject);
        assert.equal(a.verify(publicKey, data, old), true);
        continue;
      }
      const sig = a.sign(privateKey, data);
      assert.equal(a.verify(publicKey, data, sig), true, a.name);
      assert.equal(a.verify(publicKey, Buffer.from('changed'), sig), false, a.name);
      const digest = hashSync(a.hash, data);
      assert.equal(a.verifyDigest(publicKey, digest, sig), true, `${a.name} (digest)`);
      assert.equal(
        a.verify(publicKey, data, a.signDigest(privateKey, digest)),
        true,
        `${a.name} (signDigest)`,
      );
      n++;
    }
    assert.ok(n >= 20);
  });

  it('RSA/ECDSA digest signing agrees with node:crypto in both directions', () => {
    for (const [keys, alg] of [
      [rsa, 'sha384'],
      [p256, 'sha256'],
      [p384, 'sha384'],
    ] as const) {
      const digest = nodeCrypto.createHash(alg).update(data).digest();
      const ours = signDigest(keys.privateKey, digest);
      const opts = keys.privateKey.asymmetricKeyType === 'rsa' ? {} : { dsaEncoding: 'der' as const };
      assert.equal(nodeCrypto.verify(alg, data, { key: keys.publicKey, ...opts }, ours), true);
      const theirs = nodeCrypto.sign(alg, data, { key: keys.privateKey, ...opts });
      assert.equal(verifyDigest(keys.publicKey, digest, theirs), true);
      assert.equal(verifyDigest(keys.publicKey, digest, Buffer.from('garbage')), false);
    }
  });

  it('refuses keys of the wrong type, and digests used as signatures', () => {
    assert.throws(() => algorithmFor(OID.sha256WithRSAEncryption).sign(p256.privateKey, data), {
      code: 'CRYPTO_KEY_MISMATCH',
    });
    assert.throws(() => algorithmFor(OID.ozdst1106WithOzdst1092).sign(rsa.privateKey, data), {
      code: 'CRYPTO_KEY_MISMATCH',
    });
    assert.throws(
      () => algorithmFor(OID.ecdsaWithSHA256).verify(gost.publicKey, data, Buffer.alloc(64)),
      UnsupportedAlgorithmError,
    );
    assert.throws(() => algorithmFor(OID.sha256).sign(rsa.privateKey, data), {
      code: 'CRYPTO_NOT_A_SIGNATURE',
    });
    const ed = nodeCrypto.generateKeyPairSync('ed25519');
    assert.throws(() => api.sign(ed.privateKey, data), { code: 'CRYPTO_KEY_MISMATCH' });
  });

  it('reports the legacy alg-1 by name and an unknown OID by number', () => {
    assert.throws(
      () => algorithmFor(OID.ozdst1092Legacy),
      (e: unknown) =>
        e instanceof UnsupportedAlgorithmError &&
        e.code === 'CRYPTO_UNSUPPORTED_ALGORITHM' &&
        /alg-1/.test(String(e.params.name)),
    );
    assert.throws(
      () => algorithmFor('1.2.3.4'),
      (e: unknown) =>
        e instanceof UnsupportedAlgorithmError &&
        e.code === 'CRYPTO_UNKNOWN_ALGORITHM' &&
        e.params.oid === '1.2.3.4',
    );
    assert.equal(isSupportedAlgorithm(OID.ozdst1092Legacy), false);
  });

  it('makes key pairs for the OIDs that name a key type', () => {
    const kp = algorithmFor(OID.ozmst2024ParamB).keygen!();
    assert.equal((kp.publicKey as { curve: string }).curve, 'B');
    assert.equal((kp.publicKey as { family: string }).family, 'ozmst2024');
    const ec = algorithmFor(OID.ecdsaWithSHA384).keygen!();
    assert.equal((ec.publicKey as nodeCrypto.KeyObject).asymmetricKeyDetails?.namedCurve, 'secp384r1');
  });

  it('tells which signature and digest OIDs a key signs with', () => {
    assert.equal(signatureAlgorithmFor(gost.privateKey).signature.oid, OID.ozdst1106WithOzdst1092);
    assert.equal(signatureAlgorithmFor(gost.publicKey).digestOid, OID.ozdst1106Digest);
    const k24 = generateKeyPair({ alg: 'ozdst', family: 'ozmst2024' });
    assert.equal(signatureAlgorithmFor(k24.privateKey).signature.oid, OID.ozmst2024Signature);
    assert.equal(signatureAlgorithmFor(rsa.publicKey).signature.oid, OID.sha256WithRSAEncryption);
    assert.equal(signatureAlgorithmFor(p384.privateKey).digestOid, OID.sha384);
  });

  it('is exposed in the programmatic API: hash, generateKeyPair, sign, verify', async () => {
    const { privateKey, publicKey } = api.generateKeyPair({ alg: 'ozdst', curve: 'A' });
    const sig = api.sign(privateKey, data);
    assert.equal(api.verify(publicKey, data, sig), true);
    assert.deepEqual(await api.hash('ozdst-1106', data), hashSync('ozdst-1106', data));
    assert.throws(() => api.generateKeyPair({ alg: 'rsa', bits: 1024 }), { code: 'CRYPTO_BAD_KEY_SPEC' });
  });
});
