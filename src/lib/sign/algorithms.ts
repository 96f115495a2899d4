/**
 * Which digest and signature algorithms a key signs with, and how a signature is checked, by OID.
 * RSA and ECDSA go straight to node:crypto (OpenSSL, ~100× faster than JS big-number code);
 * O'z DSt 1092/1106 goes through the `crypto` area's registry.
 */
import nodeCrypto, { type KeyObject } from 'node:crypto';
import * as gost from '../crypto/index.js';
import { MalformedError, UnsupportedAlgorithmError } from '../errors/index.js';
import type { PrivateKey } from '../crypto/index.js';
import { DIGEST, KEY, SIGNATURE } from './oids.js';

export type DigestName = 'sha1' | 'sha256' | 'sha384' | 'sha512' | 'ozdst-1106';

export interface Hasher {
  update(data: Uint8Array): unknown;
  digest(): Buffer;
}

const DIGEST_BY_OID: Record<string, DigestName> = {
  [DIGEST.sha1]: 'sha1',
  [DIGEST.sha256]: 'sha256',
  [DIGEST.sha384]: 'sha384',
  [DIGEST.sha512]: 'sha512',
  [DIGEST.ozdst1106]: 'ozdst-1106',
  [DIGEST.ozmst2024]: 'ozdst-1106',
  // GOST R 34.11-94 under its Russian OID (OpenSSL's GOST engine): the same function.
  [DIGEST.gostR341194]: 'ozdst-1106',
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
  prime256v1: { digest: 'sha256', sig: SIGNATURE.ecdsaSha256 },
  secp256k1: { digest: 'sha256', sig: SIGNATURE.ecdsaSha256 },
  secp384r1: { digest: 'sha384', sig: SIGNATURE.ecdsaSha384 },
  secp521r1: { digest: 'sha512', sig: SIGNATURE.ecdsaSha512 },
};

/** `keyOid` is the certificate's SubjectPublicKeyInfo algorithm (it decides the 2024 family). */
export function signerAlgorithm(privateKey: PrivateKey, keyOid: string): SignerAlgorithm {
  if (isKeyObject(privateKey)) {
    const type = privateKey.asymmetricKeyType;
    if (type === 'rsa') {
      return {
        digest: 'sha256',
        digestOid: DIGEST.sha256,
        // rsaEncryption, as OpenSSL and most CMS writers put it; readers accept both forms.
        signatureOid: KEY.rsa,
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
  const modern = keyOid === KEY.ozmst2024;
  return {
    digest: 'ozdst-1106',
    digestOid: modern ? DIGEST.ozmst2024 : DIGEST.ozdst1106,
    signatureOid: modern ? SIGNATURE.ozmst2024 : SIGNATURE.ozdst,
    sign: (data) => gost.sign(privateKey, data),
  };
}

const DIGEST_OID: Record<DigestName, string> = {
  sha1: DIGEST.sha1,
  sha256: DIGEST.sha256,
  sha384: DIGEST.sha384,
  sha512: DIGEST.sha512,
  'ozdst-1106': DIGEST.ozdst1106,
};

const RSA_SIG: Record<string, DigestName | null> = {
  [KEY.rsa]: null, // rsaEncryption: the digest comes from the SignerInfo's digestAlgorithm
  [SIGNATURE.sha1WithRsa]: 'sha1',
  [SIGNATURE.sha256WithRsa]: 'sha256',
  [SIGNATURE.sha384WithRsa]: 'sha384',
  [SIGNATURE.sha512WithRsa]: 'sha512',
};
const EC_SIG: Record<string, DigestName | null> = {
  [KEY.ec]: null,
  [SIGNATURE.ecdsaSha1]: 'sha1',
  [SIGNATURE.ecdsaSha256]: 'sha256',
  [SIGNATURE.ecdsaSha384]: 'sha384',
  [SIGNATURE.ecdsaSha512]: 'sha512',
};
const GOST_KEYS = new Set<string>([KEY.ozdst1092, KEY.ozmst2024, KEY.gostR34102001]);
/** E-IMZO readers accept the bare key OID as signatureAlgorithm; OpenSSL's engine writes it too. */
const GOST_SIG = new Set<string>([
  SIGNATURE.ozdst,
  SIGNATURE.ozmst2024,
  SIGNATURE.gostR341194WithR34102001,
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
  if (keyOid === KEY.rsa || keyOid === KEY.ec) {
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
    const table = keyOid === KEY.rsa ? RSA_SIG : EC_SIG;
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
