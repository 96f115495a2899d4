/** Who a certificate names, in the terms E-IMZO users know (PINFL, TIN, CN). */
import { OID } from '../crypto/index.js';
// Types only: the pki area is not loaded by signing workers.
import type { CertificateIdentity } from '../pki/index.js';
import type { CertFields } from './certificate.js';

/**
 * The signer in verification reports: pki's `CertificateIdentity` (PINFL, TIN, UID, CN) with the
 * organization, serial and validity. `tin` is the legal entity's TIN, else the individual's from UID.
 */
export type SignerIdentity = Pick<CertificateIdentity, 'cn' | 'pinfl' | 'tin' | 'uid'> & {
  organization?: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
};

export function identityOf(c: CertFields): SignerIdentity {
  const a = c.subjectAttrs;
  const id: SignerIdentity = {
    serialNumber: c.serialHex,
    validFrom: c.notBefore.toISOString(),
    validTo: c.notAfter.toISOString(),
  };
  if (a[OID.CN]) id.cn = a[OID.CN];
  if (a[OID.PINFL]) id.pinfl = a[OID.PINFL];
  if (a[OID.UID]) id.uid = a[OID.UID];
  const tin = a[OID.TIN] ?? id.uid;
  if (tin) id.tin = tin;
  if (a[OID.O]) id.organization = a[OID.O];
  return id;
}
