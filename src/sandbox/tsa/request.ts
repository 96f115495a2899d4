/** RFC 3161 TimeStampReq parsing and TimeStampResp writing. */
import {
  children,
  isContext,
  parse,
  readBigInt,
  readBoolean,
  readOctets,
  readOid,
  readSmallInt,
  seq,
  raw,
  Tag,
  w,
} from '../../lib/asn1/index.js';
import type { CertificateAuthority } from '../ca/authority.js';
import { createTimestampToken, IMPRINT_LENGTH } from './token.js';

/** PKIFailureInfo bits (RFC 3161 §2.4.2). */
const FAIL = { badAlg: 0, badRequest: 2, badDataFormat: 5 } as const;

function rejection(bit: number, text: string): Buffer {
  const bytes = Buffer.alloc(Math.floor(bit / 8) + 1);
  bytes[Math.floor(bit / 8)] = 0x80 >> (bit % 8);
  const statusInfo = w.sequence(w.integer(2), w.sequence(w.utf8(text)), w.bitString(bytes, 7 - (bit % 8)));
  return w.sequence(statusInfo);
}

/** Answer a DER TimeStampReq with a DER TimeStampResp (granted, or rejection with a reason). */
export function answerTimestampRequest(ca: CertificateAuthority, der: Uint8Array): Buffer {
  let hashOid: string;
  let hashParams: Uint8Array | undefined;
  let digest: Uint8Array;
  let nonce: bigint | undefined;
  let certReq = false;
  try {
    const [version, imprint, ...rest] = seq(parse(der), 'TimeStampReq');
    if (readSmallInt(version) !== 1) return rejection(FAIL.badRequest, 'unsupported version');
    const [alg, hashed] = seq(imprint, 'MessageImprint');
    const algParts = seq(alg, 'AlgorithmIdentifier');
    hashOid = readOid(algParts[0]);
    if (algParts[1] && algParts[1].tag !== Tag.NULL) hashParams = raw(algParts[1]);
    digest = readOctets(hashed);
    for (const n of rest) {
      if (n.tag === Tag.INTEGER && n.cls === 0) nonce = readBigInt(n);
      else if (n.tag === Tag.BOOLEAN && n.cls === 0) certReq = readBoolean(n);
      else if (isContext(n, 0)) children(n);
    }
  } catch {
    return rejection(FAIL.badDataFormat, 'malformed TimeStampReq');
  }
  const len = IMPRINT_LENGTH[hashOid];
  if (len === undefined) return rejection(FAIL.badAlg, `unsupported hash algorithm ${hashOid}`);
  if (digest.length !== len)
    return rejection(FAIL.badDataFormat, 'imprint length does not match the algorithm');
  const { token } = createTimestampToken(ca, {
    hashOid,
    hashParams,
    digest,
    nonce,
    includeCertificate: certReq,
  });
  return w.sequence(w.sequence(w.integer(0)), token);
}
