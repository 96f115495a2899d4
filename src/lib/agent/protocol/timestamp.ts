/**
 * `attach_timestamp_token_pkcs7 [pkcs7_64, signer_serial_number, timestamp_token64]`: put the
 * RFC 3161 token a site got from its E-IMZO-SERVER (for `signature_hex`) into that signer's
 * unsigned attributes — the sign area's one attach implementation (`key timestamp` and the
 * sandbox use it too). The token must cover this signer's signature value and verify; a token
 * already there is replaced, as the vendor's client does.
 */
import { attachTimestampToken } from '../../sign/index.js';
import { Refusal } from '../refusal.js';

export async function attachTimestamp(pkcs7: Buffer, serial: string, token: Buffer): Promise<Buffer> {
  try {
    return await attachTimestampToken(pkcs7, token, { signerSerial: serial }, { replace: true });
  } catch (e) {
    if ((e as { code?: string }).code === 'SIGNATURE_MALFORMED') throw new Refusal('agent.reason.badPkcs7');
    throw e;
  }
}
