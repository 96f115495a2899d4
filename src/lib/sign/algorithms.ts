/**
 * Which digest and signature algorithms a key signs with, and how a signature is checked, by OID.
 * RSA and ECDSA go straight to node:crypto (OpenSSL, ~100× faster than JS big-number code);
 * O'z DSt 1092/1106 goes through the `crypto` area's registry.
 */
import nodeCrypto, { type KeyObject } from 'node:crypto';
import { UnsupportedAlgorithmError } from '../errors/index.js';
import { decodePublicKey, signWith, verifyWith, type PrivateKey } from '../pki/index.js';
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
};

export function digestNameFor(oid: string): DigestName {
  const name = DIGEST_BY_OID[oid];
  if (!name) throw unsupported(oid);
  return name;
}

export function createDigest(name: DigestName): Hasher {
  if (name === 'ozdst-1106') return gostBackend().createHash();
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
  // O'z DSt 1092: the `pki` face forwards to the crypto area (hash 1106 + GOST R 34.10-2001).
  const modern = keyOid === KEY.ozmst2024;
  return {
    digest: 'ozdst-1106',
    digestOid: modern ? DIGEST.ozmst2024 : DIGEST.ozdst1106,
    signatureOid: modern ? SIGNATURE.ozmst2024 : SIGNATURE.ozdst,
    sign: (data) => signWith(privateKey, data),
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
const GOST_SIG = new Set<string>([SIGNATURE.ozdst, SIGNATURE.ozmst2024, KEY.ozdst1092, KEY.ozmst2024]);

/**
 * Check `signature` over `data` with the key in `spki` (DER). `sigOid` is the signatureAlgorithm
 * (E-IMZO readers also accept the bare key OID there), `digest` the SignerInfo's digestAlgorithm.
 * Certificate signatures use the same function (`digest` then comes from `sigOid`).
 */
export function verifyWithSpki(
  spki: Uint8Array,
  keyOid: string,
  sigOid: string,
  digest: DigestName | null,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (keyOid === KEY.rsa || keyOid === KEY.ec) {
    const table = keyOid === KEY.rsa ? RSA_SIG : EC_SIG;
    if (!(sigOid in table)) throw unsupported(sigOid);
    const alg = table[sigOid] ?? digest;
    if (!alg || alg === 'ozdst-1106') throw unsupported(sigOid);
    const key = nodeCrypto.createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    try {
      return nodeCrypto.verify(alg, data, key, signature);
    } catch {
      return false; // malformed signature value (bad DER in ECDSA): simply not valid
    }
  }
  if (keyOid === KEY.ozdst1092 || keyOid === KEY.ozmst2024) {
    if (!GOST_SIG.has(sigOid)) throw unsupported(sigOid);
    // Readers accept the bare key OID in signatureAlgorithm (E-IMZO does): use the signature OID.
    const oid = keyOid === KEY.ozmst2024 ? SIGNATURE.ozmst2024 : SIGNATURE.ozdst;
    return verifyWith(decodePublicKey(spki), oid, data, signature);
  }
  throw unsupported(keyOid);
}

/** The O'z DSt 1106 hash comes from the `crypto` area; installed by `gost.ts`. */
let gostHash: (() => Hasher) | undefined;
export function installGostHash(f: () => Hasher): void {
  gostHash = f;
}
function gostBackend(): { createHash(): Hasher } {
  if (!gostHash) throw unsupported(DIGEST.ozdst1106);
  return { createHash: gostHash };
}
