/**
 * `/frontend/timestamp/pkcs7`: add a time-stamp token (unsigned attribute id-aa-timeStampToken,
 * over the signer's signature value, RFC 3161 appendix A) to each signer that has none, leaving
 * every other byte of the SignedData as it was.
 */
import { createHash } from 'node:crypto';
import {
  children,
  isContext,
  parse,
  raw,
  readOctets,
  readOid,
  seq,
  Tag,
  w,
  type Node,
} from '../../lib/asn1/index.js';
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

const hasTimestamp = (unsigned: Node): boolean =>
  children(unsigned).some((attr) => readOid(seq(attr, 'Attribute')[0]) === OID.timeStampToken);

export function timestampPkcs7(
  ca: CertificateAuthority,
  pkcs7: Buffer,
  now = new Date(),
): { pkcs7: Buffer; stamped: StampedSigner[] } {
  let sdParts: Node[];
  let signerInfos: Node[];
  try {
    const [typeNode, wrapped] = seq(parse(pkcs7), 'ContentInfo');
    if (readOid(typeNode) !== OID.signedData || !isContext(wrapped, 0)) throw new Error('not SignedData');
    sdParts = seq(children(wrapped!)[0], 'SignedData');
    const last = sdParts[sdParts.length - 1];
    if (!last || last.tag !== Tag.SET) throw new Error('no signerInfos');
    signerInfos = children(last);
  } catch {
    throw new ApiError(400, 'PKCS7_MALFORMED', 'The PKCS#7 is not a well-formed CMS SignedData.');
  }
  const stamped: StampedSigner[] = [];
  const newSigners = signerInfos.map((si, index) => {
    let parts: Node[];
    try {
      parts = seq(si, 'SignerInfo');
    } catch {
      throw new ApiError(400, 'PKCS7_MALFORMED', 'A SignerInfo is malformed.');
    }
    const lastPart = parts[parts.length - 1]!;
    const unsigned = isContext(lastPart, 1) ? lastPart : undefined;
    if (unsigned && hasTimestamp(unsigned)) return raw(si);
    const body = unsigned ? parts.slice(0, -1) : parts;
    const sigNode = body[body.length - 1];
    let signature: Uint8Array;
    try {
      signature = readOctets(sigNode);
    } catch {
      throw new ApiError(400, 'PKCS7_MALFORMED', 'A SignerInfo has no signature value.');
    }
    const { token, serial } = createTimestampToken(
      ca,
      {
        hashOid: OID.sha256,
        digest: createHash('sha256').update(signature).digest(),
        includeCertificate: true,
      },
      now,
    );
    const attr = w.sequence(w.oid(OID.timeStampToken), w.set(token));
    const existing = unsigned ? children(unsigned).map((a) => raw(a)) : [];
    let sidSerial: string | null = null;
    try {
      const sid = seq(body[1], 'IssuerAndSerialNumber');
      sidSerial = Buffer.from(sid[1]!.buf.subarray(sid[1]!.contentStart, sid[1]!.end))
        .toString('hex')
        .replace(/^0+(?=.)/, '');
    } catch {
      // SubjectKeyIdentifier signer: no serial to report.
    }
    stamped.push({
      signerIndex: index,
      subjectSerialNumber: sidSerial,
      timeStampSerialNumber: serial,
      timeStampTime: eimzoTime(now),
    });
    return w.sequence(...body.map((n) => raw(n)), w.implicitConstructed(1, ...existing, attr));
  });
  if (!stamped.length) return { pkcs7, stamped };
  const signedData = w.sequence(...sdParts.slice(0, -1).map((n) => raw(n)), w.set(...newSigners));
  return { pkcs7: w.sequence(w.oid(OID.signedData), w.explicit(0, signedData)), stamped };
}
