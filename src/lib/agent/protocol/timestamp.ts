/**
 * `attach_timestamp_token_pkcs7 [pkcs7_64, signer_serial_number, timestamp_token64]`: put the
 * RFC 3161 token a site got from its E-IMZO-SERVER (for `signature_hex`) into that signer's
 * unsigned attributes, leaving every other byte as it was. The token must cover this signer's
 * signature value and carry a valid TSA signature; a token already there is replaced.
 *
 * Interim: the sign area is gaining `attachTimestampToken(signedDataDer, token, { signerSerial })`
 * (branch `tsp`, moved out of src/sandbox/tsa/attach.ts); once it lands this function should call
 * it instead of doing the byte surgery here.
 */
import { children, isContext, parse, raw, readOid, seq, Tag, w, type Node } from '../../asn1/index.js';
import { OID } from '../../crypto/index.js';
import {
  checkTimestampToken,
  parseSignedData,
  signatureBytes,
  timestampAttribute,
} from '../../sign/index.js';
import { Refusal } from '../refusal.js';

const hex = (serialDer: Buffer) => {
  const n = parse(serialDer);
  return Buffer.from(n.buf.subarray(n.contentStart, n.end))
    .toString('hex')
    .replace(/^0+(?=.)/, '');
};

export function attachTimestamp(pkcs7: Buffer, serial: string, token: Buffer): Buffer {
  let der: Buffer;
  let index: number;
  let signature: Buffer;
  try {
    der = signatureBytes(pkcs7);
    const sd = parseSignedData(der);
    const want = serial
      .toLowerCase()
      .replace(/^0x/, '')
      .replace(/^0+(?=.)/, '');
    index = sd.signers.findIndex((s) => s.serial !== undefined && hex(s.serial) === want);
    if (index < 0) throw new Refusal('agent.reason.signerNotFound', { serial });
    signature = sd.signers[index]!.signature;
  } catch (e) {
    if (e instanceof Refusal) throw e;
    throw new Refusal('agent.reason.badPkcs7');
  }
  let check;
  try {
    check = checkTimestampToken(token, signature);
  } catch {
    throw new Refusal('agent.reason.badTimestamp');
  }
  if (!check.imprintMatches || !check.signatureValid) throw new Refusal('agent.reason.badTimestamp');

  const [, wrapped] = seq(parse(der), 'ContentInfo');
  const sdParts = seq(children(wrapped!)[0], 'SignedData');
  const signerInfos = children(sdParts[sdParts.length - 1]!);
  const rebuilt = signerInfos.map((si: Node, i: number) => {
    if (i !== index) return raw(si);
    const parts = seq(si, 'SignerInfo');
    const last = parts[parts.length - 1]!;
    const unsigned = isContext(last, 1) ? last : undefined;
    const body = unsigned ? parts.slice(0, -1) : parts;
    const kept = unsigned
      ? children(unsigned)
          .filter((a) => readOid(seq(a, 'Attribute')[0]) !== OID.timeStampToken)
          .map((a) => raw(a))
      : [];
    return w.sequence(
      ...body.map((n) => raw(n)),
      w.implicitConstructed(1, ...kept, timestampAttribute(token)),
    );
  });
  if (sdParts[sdParts.length - 1]!.tag !== Tag.SET) throw new Refusal('agent.reason.badPkcs7');
  const signedData = w.sequence(...sdParts.slice(0, -1).map((n) => raw(n)), w.set(...rebuilt));
  return w.sequence(w.oid(OID.signedData), w.explicit(0, signedData));
}
