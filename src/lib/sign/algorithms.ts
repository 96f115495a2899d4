/**
 * Which digest and signature algorithms a key signs with, and how a signature is checked, by OID.
 * RSA and ECDSA go straight to node:crypto (OpenSSL, ~100× faster than JS big-number code);
 * O'z DSt 1092/1106 goes through the `crypto` area's registry.
 */
import { OID } from '../crypto/index.js';
import nodeCrypto, { type KeyObject } from 'node:crypto';
import * as gost from '../crypto/index.js';
import { MalformedError, UnsupportedAlgorithmError } from '../errors/index.js';
import type { PrivateKey } from '../crypto/index.js';

export type DigestName = 'sha1' | 'sha256' | 'sha384' | 'sha512' | 'ozdst-1106';

export interface Hasher {
  update(data: Uint8Array): unknown;
  digest(): Buffer;
}

const DIGEST_BY_OID: Record<string, DigestName> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.ozdst1106Digest]: 'ozdst-1106',
  [OID.ozmst2024Digest]: 'ozdst-1106',
  // GOST R 34.11-94 under its Russian OID (OpenSSL's GOST engine): the same function.
  [OID.gostR3411_94]: 'ozdst-1106',
};

export function digestNameFor(oid: string): DigestName {
  const name = DIGEST_BY_OID[oid];
  if (!name) throw unsupported(oid);
  return name;
}

export function createDigest(name: DigestName): Hasher {
  if (name === 'ozdst-1106') return gost.createHash('ozdst-1106');
  return nodeCrypto.createHash(name);
}

function unsupported(oid: string): UnsupportedAlgorithmError {
  return new UnsupportedAlgorithmError('SIGN_UNSUPPORTED_ALGORITHM', 'sign.error.unsupportedAlgorithm', {
    params: { oid },
  });
}

/** How one signer signs: fixed for a run, so the CMS template can be precomputed. */
export interface SignerAlgorithm {
  digest: DigestName;
  digestOid: string;
  signatureOid: string;
  /** DER of the signatureAlgorithm parameters (NULL for RSA), if any. */
  signatureParams?: 'null';
  /** Sign `data` (the DER of the signed attributes): hash + private-key operation. */
  sign(data: Uint8Array): Buffer;
}

export type { PrivateKey };

function isKeyObject(k: unknown): k is KeyObject {
  return k instanceof nodeCrypto.KeyObject;
}

const EC_DIGEST: Record<string, { digest: DigestName; sig: string }> = {
  prime256v1: { digest: 'sha256', sig: OID.ecdsaWithSHA256 },
  secp256k1: { digest: 'sha256', sig: OID.ecdsaWithSHA256 },
  secp384r1: { digest: 'sha384', sig: OID.ecdsaWithSHA384 },
  secp521r1: { digest: 'sha512', sig: OID.ecdsaWithSHA512 },
};

/** `keyOid` is the certificate's SubjectPublicKeyInfo algorithm (it decides the 2024 family). */
export function signerAlgorithm(privateKey: PrivateKey, keyOid: string): SignerAlgorithm {
  if (isKeyObject(privateKey)) {
    const type = privateKey.asymmetricKeyType;
    if (type === 'rsa') {
      return {
        digest: 'sha256',
        digestOid: OID.sha256,
        // rsaEncryption, as OpenSSL and most CMS writers put it; readers accept both forms.
        signatureOid: OID.rsaEncryption,
        signatureParams: 'null',
        sign: (data) => nodeCrypto.sign('sha256', data, privateKey),
      };
    }
    if (type === 'ec') {
      const curve = privateKey.asymmetricKeyDetails?.namedCurve ?? '';
      const m = EC_DIGEST[curve];
      if (!m) throw unsupported(`ec:${curve}`);
      return {
        digest: m.digest,
        digestOid: DIGEST_OID[m.digest],
        signatureOid: m.sig,
        sign: (data) => nodeCrypto.sign(m.digest, data, privateKey),
      };
    }
    throw unsupported(type ?? 'unknown');
  }
  // O'z DSt 1092: the crypto area hashes (1106) and signs (GOST R 34.10-2001).
  const modern = keyOid === OID.ozmst2024Key;
  return {
    digest: 'ozdst-1106',
    digestOid: modern ? OID.ozmst2024Digest : OID.ozdst1106Digest,
    signatureOid: modern ? OID.ozmst2024Signature : OID.ozdst1106WithOzdst1092,
    sign: (data) => gost.sign(privateKey, data),
  };
}

const DIGEST_OID: Record<DigestName, string> = {
  sha1: OID.sha1,
  sha256: OID.sha256,
  sha384: OID.sha384,
  sha512: OID.sha512,
  'ozdst-1106': OID.ozdst1106Digest,
};

const RSA_SIG: Record<string, DigestName | null> = {
  [OID.rsaEncryption]: null, // rsaEncryption: the digest comes from the SignerInfo's digestAlgorithm
  [OID.sha1WithRSAEncryption]: 'sha1',
  [OID.sha256WithRSAEncryption]: 'sha256',
  [OID.sha384WithRSAEncryption]: 'sha384',
  [OID.sha512WithRSAEncryption]: 'sha512',
};
const EC_SIG: Record<string, DigestName | null> = {
  [OID.ecPublicKey]: null,
  [OID.ecdsaWithSHA1]: 'sha1',
  [OID.ecdsaWithSHA256]: 'sha256',
  [OID.ecdsaWithSHA384]: 'sha384',
  [OID.ecdsaWithSHA512]: 'sha512',
};
const GOST_KEYS = new Set<string>([OID.ozdst1092Key, OID.ozmst2024Key, OID.gostR3410_2001]);
/** E-IMZO readers accept the bare key OID as signatureAlgorithm; OpenSSL's engine writes it too. */
const GOST_SIG = new Set<string>([
  OID.ozdst1106WithOzdst1092,
  OID.ozmst2024Signature,
  OID.gostR3411_94WithGostR3410_2001,
  ...GOST_KEYS,
]);

/** A certificate's public key, decoded once (a KeyObject for RSA/EC, the crypto area's key for O'z DSt). */
export type VerifyKey =
  { kind: 'node'; key: KeyObject } | { kind: 'gost'; key: ReturnType<typeof gost.decodeSpki> };

/**
 * Decode the public key of a certificate (SubjectPublicKeyInfo DER). A damaged key (bad DER, an EC
 * point off its curve, an RSA modulus OpenSSL refuses) is a MalformedError (`SIGN_PUBLIC_KEY_DAMAGED`,
 * exit 5) naming the certificate; an unknown key type is an UnsupportedAlgorithmError. Never a bare
 * OpenSSL error.
 */
export function decodeVerifyKey(spki: Uint8Array, keyOid: string, serial = '?'): VerifyKey {
  const damaged = (cause: unknown) =>
    new MalformedError('SIGN_PUBLIC_KEY_DAMAGED', 'sign.error.publicKeyDamaged', {
      params: { serial },
      cause,
    });
  if (keyOid === OID.rsaEncryption || keyOid === OID.ecPublicKey) {
    try {
      return {
        kind: 'node',
        key: nodeCrypto.createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }),
      };
    } catch (e) {
      throw damaged(e);
    }
  }
  if (GOST_KEYS.has(keyOid)) {
    try {
      return { kind: 'gost', key: gost.decodeSpki(spki) };
    } catch (e) {
      if (e instanceof UnsupportedAlgorithmError) throw e;
      throw damaged(e);
    }
  }
  throw unsupported(keyOid);
}

/**
 * Check `signature` over `data` with a decoded key. `sigOid` is the signatureAlgorithm (E-IMZO
 * readers also accept the bare key OID there), `digest` the SignerInfo's digestAlgorithm.
 * Certificate signatures use the same function (`digest` then comes from `sigOid`).
 */
export function verifyWithKey(
  key: VerifyKey,
  keyOid: string,
  sigOid: string,
  digest: DigestName | null,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (key.kind === 'node') {
    const table = keyOid === OID.rsaEncryption ? RSA_SIG : EC_SIG;
    if (!(sigOid in table)) throw unsupported(sigOid);
    const alg = table[sigOid] ?? digest;
    if (!alg || alg === 'ozdst-1106') throw unsupported(sigOid);
    try {
      return nodeCrypto.verify(alg, data, key.key, signature);
    } catch {
      return false; // malformed signature value (bad DER in ECDSA): simply not valid
    }
  }
  if (!GOST_SIG.has(sigOid) || (digest !== null && digest !== 'ozdst-1106')) throw unsupported(sigOid);
  try {
    return gost.verify(key.key, data, signature);
  } catch {
    return false; // a signature value of the wrong length: simply not valid
  }
}

/** `verifyWithKey` with the key decoded from `spki` (damaged keys: MalformedError, see `decodeVerifyKey`). */
export function verifyWithSpki(
  spki: Uint8Array,
  keyOid: string,
  sigOid: string,
  digest: DigestName | null,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  return verifyWithKey(decodeVerifyKey(spki, keyOid), keyOid, sigOid, digest, data, signature);
}
