/**
 * Key usability before a run. Kept apart from `signer.ts` so that signing workers do not load the
 * whole `pki` area (worker start-up time counts in every batch).
 */
import { KeyUnusableError } from '../errors/index.js';
import { assertValidNow, parseCertificate } from '../pki/index.js';

/**
 * Refuse to sign with a certificate that is not valid now (pki's one check: KEY_EXPIRED,
 * KEY_NOT_YET_VALID) or not meant for signing (exit 5): E-IMZO-SERVER would reject every such
 * signature (-12 / -11).
 */
export function assertUsableForSigning(certificate: Uint8Array, at: Date = new Date()): void {
  const c = parseCertificate(certificate);
  assertValidNow(c, at);
  const params = { serial: c.serialHex, from: c.notBefore.toISOString(), to: c.notAfter.toISOString() };
  if (c.keyUsage && !c.keyUsage.includes('digitalSignature') && !c.keyUsage.includes('nonRepudiation'))
    throw new KeyUnusableError('SIGN_CERT_KEY_USAGE', 'sign.error.keyUsage', { params });
}
