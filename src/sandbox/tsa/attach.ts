/**
 * `/frontend/timestamp/pkcs7`: a token from the sandbox TSA for each signer that has none; the
 * byte-level attaching is the library's (`attachTimestampTokens`, shared with `oneid key
 * timestamp`), which leaves every other byte of the SignedData as it was.
 */
import { createHash } from 'node:crypto';
import { isOneIdError } from '../../lib/errors/index.js';
import { attachTimestampTokens, timestampTargets, type TimestampTarget } from '../../lib/sign/index.js';
import type { CertificateAuthority } from '../ca/authority.js';
import { ApiError } from '../http/errors.js';
import { eimzoTime } from '../signatures.js';
import { OID } from '../../lib/crypto/index.js';
import { createTimestampToken } from './token.js';

export interface StampedSigner {
  signerIndex: number;
  subjectSerialNumber: string | null;
  timeStampSerialNumber: string;
  timeStampTime: string;
}

const malformed = () =>
  new ApiError(400, 'PKCS7_MALFORMED', 'The PKCS#7 is not a well-formed CMS SignedData.');

export async function timestampPkcs7(
  ca: CertificateAuthority,
  pkcs7: Buffer,
  now = new Date(),
): Promise<{ pkcs7: Buffer; stamped: StampedSigner[] }> {
  let targets: TimestampTarget[];
  try {
    targets = timestampTargets(pkcs7);
  } catch (e) {
    if (isOneIdError(e)) throw malformed();
    throw e;
  }
  const stamped: StampedSigner[] = [];
  const tokens = targets
    .filter((t) => !t.timestamped)
    .map((t) => {
      const { token, serial } = createTimestampToken(
        ca,
        {
          hashOid: OID.sha256,
          digest: createHash('sha256').update(t.signature).digest(),
          includeCertificate: true,
        },
        now,
      );
      stamped.push({
        signerIndex: t.index,
        subjectSerialNumber: t.serialHex ?? null,
        timeStampSerialNumber: serial,
        timeStampTime: eimzoTime(now),
      });
      return { signerIndex: t.index, token };
    });
  if (!stamped.length) return { pkcs7, stamped };
  return { pkcs7: await attachTimestampTokens(pkcs7, tokens), stamped };
}
