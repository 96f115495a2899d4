/**
 * The few certificate fields CMS needs, read straight from the DER so that the exact encodings
 * (issuer Name, serial INTEGER) can be copied into SignerIdentifier byte for byte. Full
 * certificate parsing (identity, extensions) belongs to `pki`; this stays deliberately small.
 */
import {
  children,
  content,
  expect,
  isContext,
  outerEnd,
  parse,
  parseAt,
  raw,
  readBitString,
  readOid,
  readString,
  readTime,
  seq,
  serialHex,
  Tag,
} from '../asn1/index.js';
import type { Node } from '../asn1/index.js';

export interface CertFields {
  der: Buffer;
  /** DER of the tbsCertificate (what the issuer signed). */
  tbs: Buffer;
  /** DER of the issuer Name and subject Name, as written in the certificate. */
  issuer: Buffer;
  subject: Buffer;
  /** DER of the serial INTEGER (tag included). */
  serial: Buffer;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** DER of the SubjectPublicKeyInfo. */
  spki: Buffer;
  keyOid: string;
  /** The key's parameters (curve OID for EC and O'z DSt), if any. */
  keyParamOid?: string;
  signatureOid: string;
  signature: Buffer;
  /** Subject attributes by OID (first value wins), e.g. CN `2.5.4.3`, PINFL `1.2.860.3.16.1.2`. */
  subjectAttrs: Record<string, string>;
}

const b = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

function nameAttrs(name: Node): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rdn of children(name))
    for (const atv of children(rdn)) {
      const [type, value] = seq(atv);
      const oid = readOid(type);
      if (!(oid in out)) {
        try {
          out[oid] = readString(value);
        } catch {
          // A non-string value (rare): keep the attribute out of the identity rather than fail.
        }
      }
    }
  return out;
}

function paramOid(alg: Node): string | undefined {
  const p = seq(alg)[1];
  if (!p) return undefined;
  if (p.tag === Tag.OID) return readOid(p);
  // O'z DSt and GOST keys: SEQUENCE { paramSet OID, digest OID? }
  if (p.tag === Tag.SEQUENCE && p.constructed) {
    const first = children(p)[0];
    if (first?.tag === Tag.OID) return readOid(first);
  }
  return undefined;
}

export function readCertificate(der: Uint8Array): CertFields {
  const root = parse(der);
  const [tbsNode, sigAlg, sigValue] = seq(root, 'Certificate');
  const tbs = seq(tbsNode, 'TBSCertificate');
  let i = isContext(tbs[0], 0) ? 1 : 0;
  const serialNode = expect(tbs[i++], Tag.INTEGER, 'serialNumber');
  i++; // signature algorithm inside tbs
  const issuer = tbs[i++]!;
  const [nb, na] = seq(tbs[i++], 'Validity');
  const subject = tbs[i++]!;
  const spkiNode = tbs[i]!;
  const [keyAlg] = seq(spkiNode, 'SubjectPublicKeyInfo');
  return {
    der: b(raw(root)),
    tbs: b(raw(tbsNode!)),
    issuer: b(raw(expect(issuer, Tag.SEQUENCE, 'issuer'))),
    subject: b(raw(expect(subject, Tag.SEQUENCE, 'subject'))),
    serial: b(raw(serialNode)),
    serialHex: serialHex(content(serialNode)),
    notBefore: readTime(nb),
    notAfter: readTime(na),
    spki: b(raw(spkiNode)),
    keyOid: readOid(seq(keyAlg)[0]),
    keyParamOid: paramOid(keyAlg!),
    signatureOid: readOid(seq(sigAlg)[0]),
    signature: b(readBitString(sigValue)),
    subjectAttrs: nameAttrs(subject),
  };
}

/** PEM or DER, one or many certificates → DER list. */
export function splitCertificates(data: Uint8Array): Buffer[] {
  const text = Buffer.from(data).toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const out: Buffer[] = [];
    for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g))
      out.push(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
    return out;
  }
  // DER: one certificate or several concatenated.
  const out: Buffer[] = [];
  for (let pos = 0; pos < data.length;) {
    const n = parseAt(data, pos);
    const end = outerEnd(n);
    out.push(Buffer.from(data.subarray(pos, end)));
    pos = end;
  }
  return out;
}
