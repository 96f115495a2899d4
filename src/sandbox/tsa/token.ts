/**
 * RFC 3161 time-stamp tokens signed by the sandbox TSA: a CMS SignedData over a TSTInfo, with the
 * ESS signingCertificateV2 attribute RFC 5816 asks for and the TSA certificate included on request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { w } from '../../lib/asn1/index.js';
import { OID } from '../../lib/crypto/index.js';
import { parseCertificate } from '../../lib/pki/index.js';
import type { CertificateAuthority } from '../ca/authority.js';

/** The sandbox TSA's policy: a UUID-based OID (X.667 arc 2.25), so it claims no one else's number space. */
export const TSA_POLICY = '2.25.206364386052883398315296298052418449541';

/** Imprint hash algorithms accepted, with their digest lengths. */
export const IMPRINT_LENGTH: Record<string, number> = {
  [OID.sha1]: 20,
  [OID.sha256]: 32,
  [OID.sha384]: 48,
  [OID.sha512]: 64,
  [OID.ozdst1106Digest]: 32,
  [OID.ozmst2024Digest]: 32,
};

export interface TokenInput {
  hashOid: string;
  hashParams?: Uint8Array;
  digest: Uint8Array;
  nonce?: bigint;
  includeCertificate: boolean;
}

export function createTimestampToken(
  ca: CertificateAuthority,
  input: TokenInput,
  now = new Date(),
): { token: Buffer; serial: string } {
  const tsaCert = parseCertificate(ca.tsa.certificate);
  const serial = randomBytes(10);
  serial[0] = serial[0]! & 0x7f;
  const imprint = w.sequence(
    w.algorithmIdentifier(input.hashOid, input.hashParams),
    w.octetString(input.digest),
  );
  const tstParts = [
    w.integer(1),
    w.oid(TSA_POLICY),
    imprint,
    w.integer(serial),
    w.generalizedTime(now),
    w.sequence(w.integer(1)), // accuracy: 1 second
  ];
  if (input.nonce !== undefined) tstParts.push(w.integer(input.nonce));
  const tstInfo = w.sequence(...tstParts);

  const certHash = createHash('sha256').update(ca.tsa.certificate).digest();
  const attrs = [
    w.sequence(w.oid(OID.contentType), w.set(w.oid(OID.tstInfo))),
    w.sequence(w.oid(OID.signingTime), w.set(w.time(now))),
    w.sequence(w.oid(OID.messageDigest), w.set(w.octetString(createHash('sha256').update(tstInfo).digest()))),
    w.sequence(
      w.oid(OID.signingCertificateV2),
      w.set(w.sequence(w.sequence(w.sequence(w.octetString(certHash))))),
    ),
  ];
  const signedAttrsSet = w.setOf(...attrs);
  const signature = ca.tsaSigner.sign(signedAttrsSet);
  const signerInfo = w.sequence(
    w.integer(1),
    w.sequence(Buffer.from(tsaCert.issuer.der), w.integer(tsaCert.serial)),
    w.algorithmIdentifier(OID.sha256),
    w.retag(signedAttrsSet, 0xa0),
    ca.tsaSigner.algorithm,
    w.octetString(signature),
  );
  const signedData = w.sequence(
    w.integer(3),
    w.set(w.algorithmIdentifier(OID.sha256)),
    w.sequence(w.oid(OID.tstInfo), w.explicit(0, w.octetString(tstInfo))),
    ...(input.includeCertificate ? [w.implicitConstructed(0, ca.tsa.certificate)] : []),
    w.set(signerInfo),
  );
  return {
    token: w.sequence(w.oid(OID.signedData), w.explicit(0, signedData)),
    serial: serial.toString('hex'),
  };
}
