/**
 * X.509 certificates and CRLs written with the shared DER writer. Only what the sandbox CA
 * needs: names with the Uzbek attributes, the usual extensions, and a pluggable signer.
 */
import { createHash } from 'node:crypto';
import { w } from '../../lib/asn1/index.js';

export const OID = {
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  T: '2.5.4.12',
  CN: '2.5.4.3',
  SURNAME: '2.5.4.4',
  NAME: '2.5.4.41',
  UID: '0.9.2342.19200300.100.1.1',
  PINFL: '1.2.860.3.16.1.2',
  TIN: '1.2.860.3.16.1.1',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  crlDistributionPoints: '2.5.29.31',
  cRLNumber: '2.5.29.20',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

export interface Signer {
  /** AlgorithmIdentifier of the signature this signer makes. */
  algorithm: Buffer;
  sign(data: Uint8Array): Buffer;
  /** SubjectPublicKeyInfo of the signing key. */
  spki: Buffer;
}

export type NameAttr = [oid: string, value: string];

const PRINTABLE_ONLY = new Set<string>([OID.C]);

export function encodeName(attrs: NameAttr[]): Buffer {
  return w.sequence(
    ...attrs.map(([oid, value]) =>
      w.set(w.sequence(w.oid(oid), PRINTABLE_ONLY.has(oid) ? w.printable(value) : w.utf8(value))),
    ),
  );
}

/** Key identifier: SHA-1 of the whole SubjectPublicKeyInfo (stable and unique; RFC 5280 §4.2.1.2 allows any method). */
export function keyIdentifier(spki: Buffer): Buffer {
  return createHash('sha1').update(spki).digest();
}

const ext = (oid: string, critical: boolean, value: Buffer): Buffer =>
  critical
    ? w.sequence(w.oid(oid), w.boolean(true), w.octetString(value))
    : w.sequence(w.oid(oid), w.octetString(value));

/** keyUsage bits in RFC 5280 order: digitalSignature(0) … cRLSign(6). */
function keyUsage(bits: number[]): Buffer {
  let v = 0;
  for (const b of bits) v |= 0x80 >> b;
  const max = Math.max(...bits);
  const unused = 7 - max;
  return w.bitString(Buffer.from([v]), unused);
}

export interface CertificateInput {
  serial: Buffer;
  issuer: Buffer;
  subject: Buffer;
  notBefore: Date;
  notAfter: Date;
  spki: Buffer;
  ca: boolean;
  /** keyUsage bit numbers (0 digitalSignature, 1 nonRepudiation, 2 keyEncipherment, 5 keyCertSign, 6 cRLSign). */
  keyUsageBits: number[];
  extKeyUsage?: string[];
  crlUrl?: string;
}

export function buildCertificate(input: CertificateInput, signer: Signer): Buffer {
  const extensions = [
    ext(OID.basicConstraints, true, input.ca ? w.sequence(w.boolean(true)) : w.sequence()),
    ext(OID.keyUsage, true, keyUsage(input.keyUsageBits)),
    ext(OID.subjectKeyIdentifier, false, w.octetString(keyIdentifier(input.spki))),
    ext(OID.authorityKeyIdentifier, false, w.sequence(w.implicitPrimitive(0, keyIdentifier(signer.spki)))),
  ];
  if (input.extKeyUsage?.length) {
    const critical = input.extKeyUsage.includes(OID.timeStamping);
    extensions.push(ext(OID.extKeyUsage, critical, w.sequence(...input.extKeyUsage.map((o) => w.oid(o)))));
  }
  if (input.crlUrl) {
    // DistributionPoint { distributionPoint [0] { fullName [0] { uniformResourceIdentifier [6] } } }
    const uri = w.implicitPrimitive(6, Buffer.from(input.crlUrl, 'latin1'));
    extensions.push(
      ext(
        OID.crlDistributionPoints,
        false,
        w.sequence(w.sequence(w.explicit(0, w.implicitConstructed(0, uri)))),
      ),
    );
  }
  const tbs = w.sequence(
    w.explicit(0, w.integer(2)),
    w.integer(input.serial),
    signer.algorithm,
    input.issuer,
    w.sequence(w.time(input.notBefore), w.time(input.notAfter)),
    input.subject,
    input.spki,
    w.explicit(3, w.sequence(...extensions)),
  );
  return w.sequence(tbs, signer.algorithm, w.bitString(signer.sign(tbs)));
}

export interface RevokedEntry {
  serial: Buffer;
  revokedAt: Date;
}

export function buildCrl(
  issuer: Buffer,
  number: number,
  thisUpdate: Date,
  nextUpdate: Date,
  revoked: RevokedEntry[],
  signer: Signer,
): Buffer {
  const parts = [w.integer(1), signer.algorithm, issuer, w.time(thisUpdate), w.time(nextUpdate)];
  if (revoked.length)
    parts.push(w.sequence(...revoked.map((r) => w.sequence(w.integer(r.serial), w.time(r.revokedAt)))));
  parts.push(
    w.explicit(
      0,
      w.sequence(
        ext(
          OID.authorityKeyIdentifier,
          false,
          w.sequence(w.implicitPrimitive(0, keyIdentifier(signer.spki))),
        ),
        ext(OID.cRLNumber, false, w.integer(number)),
      ),
    ),
  );
  const tbs = w.sequence(...parts);
  return w.sequence(tbs, signer.algorithm, w.bitString(signer.sign(tbs)));
}
