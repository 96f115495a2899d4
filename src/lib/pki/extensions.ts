/** Encoding of the X.509 extensions our certificate issuing (issue.ts) and PKCS#10 requests use. */
import { createHash } from 'node:crypto';
import { parse, readBitString, seq, w } from '../asn1/index.js';
import { KEY_USAGE_BITS, type KeyUsage } from './certificate.js';
import { OID } from '../crypto/index.js';

export interface ExtensionsInput {
  keyUsage?: KeyUsage[];
  extKeyUsage?: string[];
  /** basicConstraints; `ca: true` marks a CA certificate (critical). */
  ca?: boolean;
  pathLength?: number;
  /** Mark basicConstraints critical also for an end entity (default: critical only for a CA). */
  basicConstraintsCritical?: boolean;
  /** Mark extKeyUsage critical (RFC 3161 asks it of time-stamping certificates). */
  extKeyUsageCritical?: boolean;
  policies?: string[];
  /** SubjectPublicKeyInfo DER: produces the subjectKeyIdentifier. */
  subjectSpki?: Uint8Array;
  /** Issuer's subjectKeyIdentifier (hex) for authorityKeyIdentifier. */
  authorityKeyId?: string;
  /** crlDistributionPoints with one URI. */
  crlUrl?: string;
  /** authorityInfoAccess with one id-ad-ocsp URI (the OCSP responder). */
  ocspUrl?: string;
}

export function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return critical
    ? w.sequence(w.oid(oid), w.boolean(true), w.octetString(value))
    : w.sequence(w.oid(oid), w.octetString(value));
}

export function keyUsageBits(usages: KeyUsage[]): Buffer {
  const bits = usages.map((u) => KEY_USAGE_BITS.indexOf(u)).filter((i) => i >= 0);
  const max = Math.max(...bits);
  const bytes = Buffer.alloc((max >> 3) + 1);
  for (const i of bits) bytes[i >> 3]! |= 0x80 >> (i & 7);
  return w.bitString(bytes, 7 - (max & 7));
}

/** RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING value. */
export function keyIdentifier(spki: Uint8Array): string {
  const [, bits] = seq(parse(spki), 'SubjectPublicKeyInfo');
  return createHash('sha1').update(readBitString(bits)).digest('hex');
}

/** The `Extensions` SEQUENCE, or undefined when nothing is requested. */
export function encodeExtensions(input: ExtensionsInput): Buffer | undefined {
  const exts: Buffer[] = [];
  if (input.ca !== undefined) {
    const items: Buffer[] = input.ca ? [w.boolean(true)] : [];
    if (input.ca && input.pathLength !== undefined) items.push(w.integer(input.pathLength));
    exts.push(
      extension(OID.basicConstraints, input.basicConstraintsCritical ?? input.ca, w.sequence(...items)),
    );
  }
  if (input.keyUsage?.length) exts.push(extension(OID.keyUsage, true, keyUsageBits(input.keyUsage)));
  if (input.extKeyUsage?.length)
    exts.push(
      extension(
        OID.extKeyUsage,
        input.extKeyUsageCritical ?? false,
        w.sequence(...input.extKeyUsage.map((o) => w.oid(o))),
      ),
    );
  if (input.policies?.length)
    exts.push(
      extension(
        OID.certificatePolicies,
        false,
        w.sequence(...input.policies.map((o) => w.sequence(w.oid(o)))),
      ),
    );
  if (input.subjectSpki)
    exts.push(
      extension(
        OID.subjectKeyIdentifier,
        false,
        w.octetString(Buffer.from(keyIdentifier(input.subjectSpki), 'hex')),
      ),
    );
  if (input.authorityKeyId)
    exts.push(
      extension(
        OID.authorityKeyIdentifier,
        false,
        w.sequence(w.implicitPrimitive(0, Buffer.from(input.authorityKeyId, 'hex'))),
      ),
    );
  if (input.crlUrl) {
    // DistributionPoint { distributionPoint [0] { fullName [0] { uniformResourceIdentifier [6] } } }
    const uri = w.implicitPrimitive(6, Buffer.from(input.crlUrl, 'latin1'));
    exts.push(
      extension(
        OID.crlDistributionPoints,
        false,
        w.sequence(w.sequence(w.explicit(0, w.implicitConstructed(0, uri)))),
      ),
    );
  }
  if (input.ocspUrl) {
    // AuthorityInfoAccessSyntax ::= SEQUENCE OF AccessDescription { accessMethod, accessLocation [6] }
    const uri = w.implicitPrimitive(6, Buffer.from(input.ocspUrl, 'latin1'));
    exts.push(extension(OID.authorityInfoAccess, false, w.sequence(w.sequence(w.oid(OID.adOcsp), uri))));
  }
  return exts.length ? w.sequence(...exts) : undefined;
}
