/**
 * RFC 3161 time-stamp tokens signed by the sandbox TSA: a CMS SignedData over a TSTInfo, with the
 * ESS signingCertificateV2 attribute RFC 5816 asks for and the TSA certificate included on request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { w } from '../../lib/asn1/index.js';
import { parseCertificate } from '../../lib/pki/index.js';
import type { CertificateAuthority } from '../ca/authority.js';

export const TSA_OID = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  // A UUID-based OID (X.667 arc 2.25), so the sandbox claims no one else's number space.
  policy: '2.25.206364386052883398315296298052418449541',
} as const;

/** Imprint hash algorithms accepted, with their digest lengths. */
export const IMPRINT_LENGTH: Record<string, number> = {
  '1.3.14.3.2.26': 20,
  '2.16.840.1.101.3.4.2.1': 32,
  '2.16.840.1.101.3.4.2.2': 48,
  '2.16.840.1.101.3.4.2.3': 64,
  '1.2.860.3.15.1.3.2.1.1': 32,
  '1.2.860.3.15.2.3.2.1.1': 32,
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
    w.oid(TSA_OID.policy),
    imprint,
    w.integer(serial),
    w.generalizedTime(now),
    w.sequence(w.integer(1)), // accuracy: 1 second
  ];
  if (input.nonce !== undefined) tstParts.push(w.integer(input.nonce));
  const tstInfo = w.sequence(...tstParts);

  const certHash = createHash('sha256').update(ca.tsa.certificate).digest();
  const attrs = [
    w.sequence(w.oid(TSA_OID.contentType), w.set(w.oid(TSA_OID.tstInfo))),
    w.sequence(w.oid(TSA_OID.signingTime), w.set(w.time(now))),
    w.sequence(
      w.oid(TSA_OID.messageDigest),
      w.set(w.octetString(createHash('sha256').update(tstInfo).digest())),
    ),
    w.sequence(
      w.oid(TSA_OID.signingCertificateV2),
      w.set(w.sequence(w.sequence(w.sequence(w.octetString(certHash))))),
    ),
  ];
  const signedAttrsSet = w.setOf(...attrs);
  const signature = ca.tsaSigner.sign(signedAttrsSet);
  const signerInfo = w.sequence(
    w.integer(1),
    w.sequence(Buffer.from(tsaCert.issuer.der), w.integer(tsaCert.serial)),
    w.algorithmIdentifier(TSA_OID.sha256),
    w.retag(signedAttrsSet, 0xa0),
    ca.tsaSigner.algorithm,
    w.octetString(signature),
  );
  const signedData = w.sequence(
    w.integer(3),
    w.set(w.algorithmIdentifier(TSA_OID.sha256)),
    w.sequence(w.oid(TSA_OID.tstInfo), w.explicit(0, w.octetString(tstInfo))),
    ...(input.includeCertificate ? [w.implicitConstructed(0, ca.tsa.certificate)] : []),
    w.set(signerInfo),
  );
  return {
    token: w.sequence(w.oid(TSA_OID.signedData), w.explicit(0, signedData)),
    serial: serial.toString('hex'),
  };
}
