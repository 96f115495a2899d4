/**
 * PKCS#10 requests as the key-application API receives them (PEM, or base64 of DER), parsed by the
 * PKI library with proof of possession checked (the request is signed by the key it carries).
 * The sandbox only decides which key algorithms it certifies.
 */
import { OID } from '../../lib/crypto/index.js';
import { UnsupportedAlgorithmError } from '../../lib/errors/index.js';
import { parsePkcs10 } from '../../lib/pki/index.js';

export type KeyAlgorithm = 'RSA' | 'EC' | 'OZDST-1092' | 'OZMST-286';

export interface ParsedCsr {
  der: Buffer;
  spki: Buffer;
  keyAlgorithm: KeyAlgorithm;
}

const KEY_ALGORITHMS: Record<string, KeyAlgorithm> = {
  [OID.rsaEncryption]: 'RSA',
  [OID.ecPublicKey]: 'EC',
  [OID.ozdst1092Key]: 'OZDST-1092',
  [OID.ozmst2024Key]: 'OZMST-286',
};

export class CsrError extends Error {
  constructor(
    readonly code: 'CSR_MALFORMED' | 'CSR_SIGNATURE_INVALID' | 'CSR_ALGORITHM_UNSUPPORTED',
    message: string,
  ) {
    super(message);
  }
}

/** Accept PEM or base64 of DER. */
export function csrBytes(input: string): Buffer {
  const pem =
    /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]*?)-----END (?:NEW )?CERTIFICATE REQUEST-----/.exec(
      input,
    );
  const b64 = (pem ? pem[1]! : input).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64))
    throw new CsrError('CSR_MALFORMED', 'The request is not PEM or base64.');
  return Buffer.from(b64, 'base64');
}

export function parseCsr(der: Buffer): ParsedCsr {
  try {
    const req = parsePkcs10(der);
    const keyAlgorithm = KEY_ALGORITHMS[req.publicKeyAlgorithm.oid];
    if (!keyAlgorithm) {
      throw new CsrError(
        'CSR_ALGORITHM_UNSUPPORTED',
        `Key algorithm ${req.publicKeyAlgorithm.oid} is not certified here.`,
      );
    }
    if (!req.verify())
      throw new CsrError('CSR_SIGNATURE_INVALID', 'The request is not signed by the key it carries.');
    return { der, spki: Buffer.from(req.spki), keyAlgorithm };
  } catch (e) {
    if (e instanceof CsrError) throw e;
    if (e instanceof UnsupportedAlgorithmError) {
      throw new CsrError(
        'CSR_ALGORITHM_UNSUPPORTED',
        'The request uses an algorithm this build cannot check.',
      );
    }
    // Anything else the parser or the key decoder threw was caused by the bytes we were sent.
    throw new CsrError('CSR_MALFORMED', 'The request is not a well-formed PKCS#10 CertificationRequest.');
  }
}
