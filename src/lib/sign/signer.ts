/**
 * A signer opened once per run (per worker): the private key, its certificate and chain, and the
 * precomputed SignedData template. Private keys travel to workers as PKCS#8 DER only.
 */
import nodeCrypto from 'node:crypto';
import { parse, readBitString, seq } from '../asn1/index.js';
import { KeyUnusableError, UnsupportedAlgorithmError } from '../errors/index.js';
import { decodePkcs8, encodePkcs8, encodeSpki } from '../crypto/index.js';
import { decodeVerifyKey, signerAlgorithm, type PrivateKey } from './algorithms.js';
import { readCertificate, type CertFields } from './certificate.js';
import { SignedDataTemplate } from './cms-encode.js';
// Types only: signing workers must not load the pki area at start-up.
import type { Certificate } from '../pki/index.js';

export interface SignerKey {
  privateKey: PrivateKey;
  /** The signer's certificate (DER). */
  certificate: Uint8Array;
  /** CA certificates to embed (DER), signer first or not at all. */
  chain?: Uint8Array[];
}

/** A key opened from its PKCS#12 file (the keys area's `OpenedKey`, or pki's `OpenedPfx`). */
export interface OpenedKeyLike {
  privateKey: PrivateKey;
  certificate: Certificate;
  /** The certificate followed by its issuers (leaf first). */
  chain: Certificate[];
}

/** The one adapter from an opened key to what signing takes: DER certificate, issuers to embed. */
export function signerKeyOf(key: OpenedKeyLike): SignerKey {
  return {
    privateKey: key.privateKey,
    certificate: key.certificate.raw,
    chain: key.chain.slice(1).map((c) => c.raw),
  };
}

export interface Signer {
  certificate: CertFields;
  template: SignedDataTemplate;
}

export function openSigner(key: SignerKey): Signer {
  const certificate = readCertificate(key.certificate);
  const algorithm = signerAlgorithm(key.privateKey, certificate.keyOid);
  assertReadablePublicKey(certificate);
  checkKeyMatchesCertificate(key.privateKey, certificate);
  const chain = (key.chain ?? []).map((c) => Buffer.from(c));
  return { certificate, template: new SignedDataTemplate(algorithm, certificate, chain) };
}

/** A certificate whose public key is damaged: exit 5 naming it, not a mismatch or an OpenSSL error. */
function assertReadablePublicKey(cert: CertFields): void {
  try {
    decodeVerifyKey(cert.spki, cert.keyOid, cert.serialHex);
  } catch (e) {
    if (!(e instanceof UnsupportedAlgorithmError)) throw e; // a key type only the signer knows: fine
  }
}

/** Refuse a key whose certificate belongs to another key: every signature would be invalid. */
function checkKeyMatchesCertificate(privateKey: PrivateKey, cert: CertFields): void {
  let pub: Buffer;
  if (privateKey instanceof nodeCrypto.KeyObject)
    pub = nodeCrypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  else pub = encodeSpki(privateKey);
  // Compare the key bits only: E-IMZO certificates may spell the parameters differently.
  if (!spkiKeyBits(pub).equals(spkiKeyBits(cert.spki)))
    throw new KeyUnusableError('SIGN_KEY_CERT_MISMATCH', 'sign.error.keyCertMismatch', {
      params: { serial: cert.serialHex },
    });
}

/** What a worker needs to rebuild the signer: PKCS#8 DER of the key (never printed or logged). */
export interface TransferableSigner {
  pkcs8: Uint8Array;
  certificate: Uint8Array;
  chain: Uint8Array[];
}

export function toTransferable(key: SignerKey): TransferableSigner {
  return { pkcs8: encodePkcs8(key.privateKey), certificate: key.certificate, chain: key.chain ?? [] };
}

export function fromTransferable(t: TransferableSigner): SignerKey {
  return { privateKey: decodePkcs8(t.pkcs8), certificate: t.certificate, chain: t.chain };
}

function spkiKeyBits(spki: Buffer): Buffer {
  return Buffer.from(readBitString(seq(parse(spki))[1]));
}
