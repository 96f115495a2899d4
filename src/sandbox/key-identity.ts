/**
 * "Sign this challenge with your key": the check behind key sign-in, key registration, account
 * verification and legal-entity binding. The PKCS#7 must be attached, have one signer whose
 * certificate chains to the sandbox CA and is not revoked, and carry a live challenge, which is
 * consumed (single use).
 */
import type { CertificateIdentity } from '../lib/pki/index.js';
import type { Ctx } from './context.js';
import { unprocessable } from './http/errors.js';
import { checkPkcs7, consumeChallenge, EIMZO, fromBase64, overallStatus, validNow } from './signatures.js';

/** JSON bodies carrying a base64 PKCS#7 of a challenge: small (a certificate chain and a UUID). */
export const PKCS7_JSON_LIMIT = 256 * 1024;

/** Who signed the challenge: pki's `CertificateIdentity` (PINFL required, legal-entity TIN, CN) and the serial. */
export type KeyIdentity = Required<Pick<CertificateIdentity, 'pinfl'>> &
  Pick<CertificateIdentity, 'tin' | 'cn'> & { serial: string };

export async function signedChallenge(ctx: Ctx, pkcs7b64: string): Promise<KeyIdentity> {
  const checked = await checkPkcs7(ctx, fromBase64(pkcs7b64, 'pkcs7'));
  const status = overallStatus(checked);
  // Said apart from other failures: the holder's next step differs (a new key, not a retry).
  if (checked.signers.length === 1 && checked.signers[0]!.revoked)
    throw unprocessable('CERTIFICATE_REVOKED', 'The certificate of this key is revoked by the sandbox CA.', {
      eimzoStatus: EIMZO.certificateInvalid,
    });
  if (status !== EIMZO.ok || checked.signers.length !== 1) {
    throw unprocessable(
      'SIGNATURE_INVALID',
      'The signature or its certificate did not verify against the sandbox CA.',
      {
        eimzoStatus: status === EIMZO.ok ? EIMZO.signatureInvalid : status,
      },
    );
  }
  if (!validNow(checked.signers[0]!.certificate!)) {
    throw unprocessable('SIGNATURE_INVALID', 'The certificate is not valid now (expired or not yet valid).', {
      eimzoStatus: EIMZO.notValidAtSigningTime,
    });
  }
  if (!consumeChallenge(ctx, checked.parsed.content)) {
    throw unprocessable(
      'CHALLENGE_INVALID',
      'The signed challenge is unknown, expired or already used: get a new one.',
      {
        eimzoStatus: EIMZO.challengeInvalid,
      },
    );
  }
  // Identity only from the certificate the sign library verified (checkPkcs7 → verifiedSigner),
  // never from any other certificate the message carries.
  const signer = checked.signers[0]!;
  const id = signer.certificate?.identity;
  if (!id?.pinfl)
    throw unprocessable('CERTIFICATE_WITHOUT_PINFL', 'The certificate carries no PINFL (1.2.860.3.16.1.2).');
  return { pinfl: id.pinfl, tin: id.tin, serial: signer.certificate!.serialHex, cn: id.cn };
}
