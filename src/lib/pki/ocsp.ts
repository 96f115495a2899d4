/**
 * OCSP (RFC 6960): the request and response encodings, pure. The sandbox's responder builds on
 * `parseOcspRequest`/`buildOcspResponse`; a client builds requests with `buildOcspRequest` and reads
 * answers with `parseOcspResponse` (the signature is the caller's to check, over `tbs`).
 */
import { hashSync, OID, type HashAlg } from '../crypto/index.js';
import {
  children,
  content,
  isContext,
  parse,
  raw,
  readBitString,
  readOctets,
  readOid,
  readTime,
  readUnsignedBytes,
  seq,
  w,
  type Node,
} from '../asn1/index.js';
import { MalformedError } from '../errors/index.js';
import { parseCertificate, type Certificate } from './certificate.js';
import { extension, keyIdentifier } from './extensions.js';
import type { CertificateSigner } from './issue.js';

/** The digests a CertID may name, by OID. */
const CERT_ID_HASHES: Record<string, HashAlg> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

export interface OcspCertId {
  /** The digest's OID. */
  hashAlgorithm: string;
  issuerNameHash: Buffer;
  issuerKeyHash: Buffer;
  /** Unsigned big-endian serial. */
  serial: Buffer;
  /** The CertID as received, echoed in the answer. */
  der: Buffer;
}

export interface OcspRequest {
  certIds: OcspCertId[];
  /** The nonce extension's value (as sent), when present. */
  nonce?: Buffer;
}

export type OcspCertStatus =
  { status: 'good' } | { status: 'revoked'; revokedAt: Date; reason?: number } | { status: 'unknown' };

export type OcspSingleResponse = OcspCertStatus & {
  certId: OcspCertId;
  thisUpdate: Date;
  nextUpdate?: Date;
};

export type OcspResponseStatus =
  'successful' | 'malformedRequest' | 'internalError' | 'tryLater' | 'sigRequired' | 'unauthorized';
const RESPONSE_STATUS: OcspResponseStatus[] = [
  'successful',
  'malformedRequest',
  'internalError',
  'tryLater',
  'unknown' as OcspResponseStatus, // 4 is not used
  'sigRequired',
  'unauthorized',
];

const malformed = (what: string): never => {
  throw new MalformedError('ASN1_MALFORMED', 'pki.error.der', { params: { what, offset: -1 } });
};

function readCertId(n: Node): OcspCertId {
  const [alg, nameHash, keyHash, serial] = seq(n, 'CertID');
  return {
    hashAlgorithm: readOid(seq(alg, 'AlgorithmIdentifier')[0]),
    issuerNameHash: Buffer.from(readOctets(nameHash)),
    issuerKeyHash: Buffer.from(readOctets(keyHash)),
    serial: Buffer.from(readUnsignedBytes(serial)),
    der: Buffer.from(raw(n)),
  };
}

/** The nonce of an Extensions SEQUENCE. */
function findNonce(exts: Node): Buffer | undefined {
  for (const e of seq(exts, 'Extensions')) {
    const parts = seq(e, 'Extension');
    if (readOid(parts[0]) === OID.ocspNonce) return Buffer.from(readOctets(parts[parts.length - 1]));
  }
  return undefined;
}

/** Decode an OCSPRequest (DER). A request signature, if any, is not checked (nor required). */
export function parseOcspRequest(der: Uint8Array): OcspRequest {
  const [tbs] = seq(parse(der), 'OCSPRequest');
  const items = seq(tbs, 'TBSRequest');
  let i = 0;
  if (isContext(items[i], 0)) i++; // version
  if (isContext(items[i], 1)) i++; // requestorName
  const list = items[i++];
  const certIds = seq(list, 'requestList').map((r) => readCertId(seq(r, 'Request')[0]!));
  if (!certIds.length) malformed('an OCSP request without a CertID');
  const ext = items[i];
  const nonce = isContext(ext, 2) ? findNonce(children(ext!)[0]!) : undefined;
  return nonce ? { certIds, nonce } : { certIds };
}

/** The CertID of a certificate, with the issuer's certificate and a digest (default SHA-1, as OpenSSL). */
export function ocspCertId(
  issuer: Certificate,
  serial: Uint8Array,
  hashAlgorithm: string = OID.sha1,
): OcspCertId {
  const nameHash = certIdHash(hashAlgorithm, issuer.subject.der);
  const keyHash = certIdHash(hashAlgorithm, readBitString(seq(parse(issuer.spki))[1]));
  const der = w.sequence(
    w.algorithmIdentifier(hashAlgorithm, w.NULL),
    w.octetString(nameHash),
    w.octetString(keyHash),
    w.integer(serial),
  );
  return readCertId(parse(der));
}

/** The digest a CertID names over `data`; empty for a digest we do not know. */
export function certIdHash(hashAlgorithm: string, data: Uint8Array): Buffer {
  const alg = CERT_ID_HASHES[hashAlgorithm];
  if (!alg) return Buffer.alloc(0);
  return hashSync(alg, data);
}

/** Does a CertID name this issuer (name and key hashes with the digest it names)? */
export function certIdMatchesIssuer(id: OcspCertId, issuer: Certificate): boolean {
  if (!CERT_ID_HASHES[id.hashAlgorithm]) return false;
  return (
    certIdHash(id.hashAlgorithm, issuer.subject.der).equals(id.issuerNameHash) &&
    certIdHash(id.hashAlgorithm, readBitString(seq(parse(issuer.spki))[1])).equals(id.issuerKeyHash)
  );
}

/** An OCSPRequest (unsigned), with a nonce extension when given. */
export function buildOcspRequest(certIds: OcspCertId[], nonce?: Uint8Array): Buffer {
  const parts = [w.sequence(...certIds.map((c) => w.sequence(c.der)))];
  if (nonce) parts.push(w.explicit(2, w.sequence(extension(OID.ocspNonce, false, w.octetString(nonce)))));
  return w.sequence(w.sequence(...parts));
}

export interface OcspResponseFields {
  /** The responder's certificate (the CA itself or a delegated OCSP signer); its key hash is the responder ID. */
  responder: Certificate;
  producedAt: Date;
  responses: OcspSingleResponse[];
  /** Echoed as a response extension (the value exactly as the request carried it). */
  nonce?: Uint8Array;
  /** Certificates to include (a delegated responder's certificate). */
  certs?: Uint8Array[];
}

function singleResponse(r: OcspSingleResponse): Buffer {
  const status =
    r.status === 'good'
      ? w.implicitPrimitive(0, Buffer.alloc(0))
      : r.status === 'unknown'
        ? w.implicitPrimitive(2, Buffer.alloc(0))
        : w.implicitConstructed(
            1,
            w.generalizedTime(r.revokedAt),
            ...(r.reason !== undefined ? [w.explicit(0, w.enumerated(r.reason))] : []),
          );
  return w.sequence(
    r.certId.der,
    status,
    w.generalizedTime(r.thisUpdate),
    ...(r.nextUpdate ? [w.explicit(0, w.generalizedTime(r.nextUpdate))] : []),
  );
}

/** A successful OCSPResponse carrying a BasicOCSPResponse signed by `signer`. */
export function buildOcspResponse(f: OcspResponseFields, signer: CertificateSigner): Buffer {
  const keyHash = Buffer.from(keyIdentifier(f.responder.spki), 'hex');
  const tbs = w.sequence(
    w.explicit(2, w.octetString(keyHash)),
    w.generalizedTime(f.producedAt),
    w.sequence(...f.responses.map(singleResponse)),
    ...(f.nonce ? [w.explicit(1, w.sequence(extension(OID.ocspNonce, false, Buffer.from(f.nonce))))] : []),
  );
  const basic = w.sequence(
    tbs,
    signer.algorithm,
    w.bitString(signer.sign(tbs)),
    ...(f.certs?.length ? [w.explicit(0, w.sequence(...f.certs.map((c) => Buffer.from(c))))] : []),
  );
  return w.sequence(w.enumerated(0), w.explicit(0, w.sequence(w.oid(OID.ocspBasic), w.octetString(basic))));
}

/** An unsuccessful OCSPResponse (no response bytes). */
export function ocspErrorResponse(status: Exclude<OcspResponseStatus, 'successful'>): Buffer {
  return w.sequence(w.enumerated(RESPONSE_STATUS.indexOf(status)));
}

export interface ParsedOcspResponse {
  status: OcspResponseStatus;
  /** The signed ResponseData (DER), the signature algorithm's OID and the signature. */
  tbs?: Buffer;
  signatureAlgorithm?: string;
  signature?: Buffer;
  /** Responder key hash (byKey) or Name DER (byName). */
  responderKeyHash?: Buffer;
  responderName?: Buffer;
  producedAt?: Date;
  responses: OcspSingleResponse[];
  nonce?: Buffer;
  certs: Certificate[];
}

/** Decode an OCSPResponse (DER). The signature is not checked here. */
export function parseOcspResponse(der: Uint8Array): ParsedOcspResponse {
  const top = seq(parse(der), 'OCSPResponse');
  const code = content(top[0]!)[0] ?? 255;
  const status = RESPONSE_STATUS[code] ?? malformed('an unknown OCSP response status');
  if (status !== 'successful') return { status, responses: [], certs: [] };
  const rb = seq(children(top[1]!)[0], 'ResponseBytes');
  if (readOid(rb[0]) !== OID.ocspBasic) malformed('a non-basic OCSP response');
  const [tbsNode, algNode, sigNode, certsNode] = seq(parse(readOctets(rb[1])), 'BasicOCSPResponse');
  const items = seq(tbsNode, 'ResponseData');
  let i = 0;
  if (isContext(items[i], 0)) i++;
  const rid = items[i++]!;
  const ridInner = children(rid)[0]!;
  const out: ParsedOcspResponse = {
    status,
    tbs: Buffer.from(raw(tbsNode!)),
    signatureAlgorithm: readOid(seq(algNode, 'AlgorithmIdentifier')[0]),
    signature: Buffer.from(readBitString(sigNode)),
    producedAt: readTime(items[i++]),
    responses: [],
    certs: isContext(certsNode, 0)
      ? children(children(certsNode!)[0]!).map((c) => parseCertificate(raw(c)))
      : [],
  };
  if (isContext(rid, 2)) out.responderKeyHash = Buffer.from(readOctets(ridInner));
  else out.responderName = Buffer.from(raw(ridInner));
  out.responses = seq(items[i++], 'responses').map((n) => {
    const [id, st, thisUpdate, ...rest] = seq(n, 'SingleResponse');
    const certId = readCertId(id!);
    const next = rest.find((r) => isContext(r, 0));
    const times = {
      certId,
      thisUpdate: readTime(thisUpdate),
      ...(next ? { nextUpdate: readTime(children(next)[0]) } : {}),
    };
    if (isContext(st, 0)) return { ...times, status: 'good' as const };
    if (isContext(st, 2)) return { ...times, status: 'unknown' as const };
    const [at, reason] = children(st!);
    return {
      ...times,
      status: 'revoked' as const,
      revokedAt: readTime(at),
      ...(reason ? { reason: content(children(reason)[0]!)[0]! } : {}),
    };
  });
  if (isContext(items[i], 1)) out.nonce = findNonce(children(items[i]!)[0]!);
  return out;
}
