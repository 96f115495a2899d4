/**
 * A signer opened once per run (per worker): the private key, its certificate and chain, and the
 * precomputed SignedData template. Private keys travel to workers as PKCS#8 DER only.
 */
import nodeCrypto from 'node:crypto';
import { KeyUnusableError } from '../errors/index.js';
import { signerAlgorithm, type PrivateKey } from './algorithms.js';
import { readCertificate, type CertFields } from './certificate.js';
import { SignedDataTemplate } from './cms-encode.js';

export interface SignerKey {
  privateKey: PrivateKey;
  /** The signer's certificate (DER). */
  certificate: Uint8Array;
  /** CA certificates to embed (DER), signer first or not at all. */
  chain?: Uint8Array[];
}

export interface Signer {
  certificate: CertFields;
  template: SignedDataTemplate;
}

export function openSigner(key: SignerKey): Signer {
  const certificate = readCertificate(key.certificate);
  const algorithm = signerAlgorithm(key.privateKey, certificate.keyOid);
  checkKeyMatchesCertificate(key.privateKey, certificate);
  const chain = (key.chain ?? []).map((c) => Buffer.from(c));
  return { certificate, template: new SignedDataTemplate(algorithm, certificate, chain) };
}

/** Refuse a key whose certificate belongs to another key: every signature would be invalid. */
function checkKeyMatchesCertificate(privateKey: PrivateKey, cert: CertFields): void {
  if (!(privateKey instanceof nodeCrypto.KeyObject)) return;
  const pub = nodeCrypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  if (!pub.equals(cert.spki))
    throw new KeyUnusableError('SIGN_KEY_CERT_MISMATCH', 'sign.error.keyCertMismatch', {
      params: { serial: cert.serialHex },
    });
}

/** What a worker needs to rebuild the signer: PKCS#8 DER of the key (never printed or logged). */
export interface TransferableSigner {
  pkcs8: Uint8Array;
  keyType: 'node' | 'gost';
  certificate: Uint8Array;
  chain: Uint8Array[];
}

export function toTransferable(key: SignerKey): TransferableSigner {
  if (key.privateKey instanceof nodeCrypto.KeyObject)
    return {
      keyType: 'node',
      pkcs8: key.privateKey.export({ format: 'der', type: 'pkcs8' }),
      certificate: key.certificate,
      chain: key.chain ?? [],
    };
  return { keyType: 'gost', pkcs8: gostExport(key.privateKey), certificate: key.certificate, chain: key.chain ?? [] };
}

export function fromTransferable(t: TransferableSigner): SignerKey {
  const privateKey =
    t.keyType === 'node'
      ? nodeCrypto.createPrivateKey({ key: Buffer.from(t.pkcs8), format: 'der', type: 'pkcs8' })
      : gostImport(t.pkcs8);
  return { privateKey, certificate: t.certificate, chain: t.chain };
}

type GostCodec = { exportPkcs8(k: PrivateKey): Uint8Array; importPkcs8(der: Uint8Array): PrivateKey };
let gostCodec: GostCodec | undefined;
export function installGostCodec(c: GostCodec): void {
  gostCodec = c;
}
function gostExport(k: PrivateKey): Uint8Array {
  if (!gostCodec) throw new KeyUnusableError('SIGN_UNSUPPORTED_ALGORITHM', 'sign.error.unsupportedAlgorithm', { params: { oid: 'gost' } });
  return gostCodec.exportPkcs8(k);
}
function gostImport(der: Uint8Array): PrivateKey {
  if (!gostCodec) throw new KeyUnusableError('SIGN_UNSUPPORTED_ALGORITHM', 'sign.error.unsupportedAlgorithm', { params: { oid: 'gost' } });
  return gostCodec.importPkcs8(der);
}
