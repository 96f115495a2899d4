/**
 * CMS SignedData reader: the parts verification and co-signing need, as views and raw encodings.
 * Accepts DER and BER (indefinite lengths, constructed OCTET STRING content, as OpenSSL's
 * streaming mode writes), PEM and bare base64 (the form E-IMZO passes around).
 */
import { OID } from '../crypto/index.js';
import {
  children,
  content,
  expect,
  isContext,
  parse,
  raw,
  readOctets,
  readOid,
  readSmallInt,
  readTime,
  seq,
  Tag,
} from '../asn1/index.js';
import type { Node } from '../asn1/index.js';
import { SignatureError, isOneIdError } from '../errors/index.js';

export interface ParsedSignerInfo {
  version: number;
  /** IssuerAndSerialNumber (DER of issuer Name, DER of serial INTEGER) or SubjectKeyIdentifier. */
  issuer?: Buffer;
  serial?: Buffer;
  subjectKeyId?: Buffer;
  digestOid: string;
  /** DER of the signed attributes re-tagged as SET (what was signed); undefined without attributes. */
  signedAttrs?: Buffer;
  contentType?: string;
  messageDigest?: Buffer;
  signingTime?: Date;
  signatureOid: string;
  signature: Buffer;
  /** RFC 3161 token (ContentInfo DER) from the unsigned attributes. */
  timestampToken?: Buffer;
  raw: Buffer;
}

export interface ParsedSignedData {
  version: number;
  digestAlgorithms: Buffer;
  digestOids: string[];
  eContentType: string;
  encapContentInfo: Buffer;
  /** The embedded content (attached); undefined when detached. */
  content?: Buffer;
  certificates: Buffer[];
  /** Raw `[0]` certificates and `[1]` crls blocks, for re-encoding when co-signing. */
  certificatesRaw?: Buffer;
  crlsRaw?: Buffer;
  signers: ParsedSignerInfo[];
}

const b = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

function malformed(what: string, cause?: unknown): SignatureError {
  return new SignatureError('SIGNATURE_MALFORMED', 'sign.error.malformed', { params: { what }, cause });
}

/**
 * DER, PEM (PKCS7/CMS) or base64 (E-IMZO's pkcs7_64, with or without line breaks) → DER bytes.
 * The form is told by the first byte (a DER SignedData starts with SEQUENCE, 0x30, which no
 * base64 or PEM text does), so DER, the form verified in bulk, costs nothing more.
 */
export function signatureBytes(input: Uint8Array): Buffer {
  let buf = b(input);
  if (buf[0] === 0x30) return buf;
  // Text saved by Windows editors may start with a UTF-8 byte order mark.
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
  const text = buf.toString('latin1').trim();
  const pem = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/.exec(text);
  const b64 = (pem ? pem[1]! : text).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(b64)) throw malformed('not DER, PEM or base64');
  return Buffer.from(b64, 'base64');
}

function readAttributes(node: Node, si: ParsedSignerInfo): void {
  for (const attr of children(node)) {
    const [typeNode, values] = seq(attr, 'Attribute');
    const type = readOid(typeNode);
    const first = children(expect(values, Tag.SET, 'attribute values'))[0];
    if (type === OID.messageDigest) si.messageDigest = b(readOctets(first));
    else if (type === OID.contentType) si.contentType = readOid(first);
    else if (type === OID.signingTime) si.signingTime = readTime(first);
    else if (type === OID.timeStampToken && first) si.timestampToken = b(raw(first));
  }
}

function readSignerInfo(node: Node): ParsedSignerInfo {
  const parts = seq(node, 'SignerInfo');
  let i = 0;
  const si = { version: readSmallInt(parts[i++]), raw: b(raw(node)) } as ParsedSignerInfo;
  const sid = parts[i++]!;
  if (isContext(sid, 0)) si.subjectKeyId = b(content(sid));
  else {
    const [issuer, serial] = seq(sid, 'IssuerAndSerialNumber');
    si.issuer = b(raw(expect(issuer, Tag.SEQUENCE, 'issuer')));
    si.serial = b(raw(expect(serial, Tag.INTEGER, 'serialNumber')));
  }
  si.digestOid = readOid(seq(parts[i++], 'digestAlgorithm')[0]);
  if (isContext(parts[i], 0)) {
    const attrs = parts[i++]!;
    readAttributes(attrs, si);
    // The signature covers the attributes with their universal SET tag, not the [0] tag.
    const rawAttrs = Buffer.from(raw(attrs));
    rawAttrs[0] = 0x31;
    si.signedAttrs = rawAttrs;
  }
  si.signatureOid = readOid(seq(parts[i++], 'signatureAlgorithm')[0]);
  si.signature = b(readOctets(parts[i++]));
  if (isContext(parts[i], 1)) readAttributes(parts[i]!, si);
  return si;
}

export function parseSignedData(input: Uint8Array): ParsedSignedData {
  try {
    const der = signatureBytes(input);
    const [typeNode, wrapped] = seq(parse(der), 'ContentInfo');
    if (readOid(typeNode) !== OID.signedData) throw malformed('not a SignedData');
    if (!isContext(wrapped, 0)) throw malformed('missing content');
    const sd = seq(children(wrapped!)[0], 'SignedData');
    let i = 0;
    const version = readSmallInt(sd[i++]);
    const digestAlgs = expect(sd[i++], Tag.SET, 'digestAlgorithms');
    const eci = sd[i++]!;
    const [eTypeNode, eContent] = seq(eci, 'EncapsulatedContentInfo');
    const out: ParsedSignedData = {
      version,
      digestAlgorithms: b(raw(digestAlgs)),
      digestOids: children(digestAlgs).map((a) => readOid(seq(a)[0])),
      eContentType: readOid(eTypeNode),
      encapContentInfo: b(raw(eci)),
      certificates: [],
      signers: [],
    };
    if (eContent) out.content = b(readOctets(children(eContent)[0]));
    if (isContext(sd[i], 0)) {
      const certs = sd[i++]!;
      out.certificatesRaw = b(raw(certs));
      // Only X.509 certificates (SEQUENCE); attribute certificates and others are skipped.
      out.certificates = children(certs)
        .filter((c) => c.tag === Tag.SEQUENCE && c.cls === 0)
        .map((c) => b(raw(c)));
    }
    if (isContext(sd[i], 1)) out.crlsRaw = b(raw(sd[i++]!));
    out.signers = children(expect(sd[i], Tag.SET, 'signerInfos')).map(readSignerInfo);
    return out;
  } catch (e) {
    if (e instanceof SignatureError) throw e;
    if (isOneIdError(e)) throw malformed(e.message, e);
    throw malformed(String((e as Error)?.message ?? e), e);
  }
}
