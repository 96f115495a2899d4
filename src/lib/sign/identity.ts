/** Who a certificate names, in the terms E-IMZO users know (PINFL, TIN, CN). */
import type { CertFields } from './certificate.js';

export interface SignerIdentity {
  cn?: string;
  /** 14-digit personal number (`1.2.860.3.16.1.2`). */
  pinfl?: string;
  /** Legal entity TIN (`1.2.860.3.16.1.1`), else the individual's TIN from UID. */
  tin?: string;
  uid?: string;
  organization?: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
}

export function identityOf(c: CertFields): SignerIdentity {
  const a = c.subjectAttrs;
  const id: SignerIdentity = {
    serialNumber: c.serialHex,
    validFrom: c.notBefore.toISOString(),
    validTo: c.notAfter.toISOString(),
  };
  if (a['2.5.4.3']) id.cn = a['2.5.4.3'];
  if (a['1.2.860.3.16.1.2']) id.pinfl = a['1.2.860.3.16.1.2'];
  if (a['0.9.2342.19200300.100.1.1']) id.uid = a['0.9.2342.19200300.100.1.1'];
  const tin = a['1.2.860.3.16.1.1'] ?? id.uid;
  if (tin) id.tin = tin;
  if (a['2.5.4.10']) id.organization = a['2.5.4.10'];
  return id;
}
