/**
 * The OCSP client (RFC 6960): ask the responder a certificate names about that certificate, and
 * believe the answer only when it holds up — signed by the issuing CA or by a responder
 * certificate that CA issued for OCSP signing, about exactly this certificate (CertID), fresh
 * (thisUpdate / nextUpdate within a small clock skew), and echoing our nonce.
 */
import { randomBytes } from 'node:crypto';
import { parse, readBitString, seq, serialBytes, serialHex, w } from '../asn1/index.js';
import { hashSync, OID } from '../crypto/index.js';
import {
  buildOcspRequest,
  certIdMatchesIssuer,
  ocspCertId,
  parseOcspResponse,
  verifyCertificateSignature,
  verifyWith,
  type Certificate,
  type ParsedOcspResponse,
} from '../pki/index.js';
import { CLOCK_SKEW_MS } from './crl.js';
import { fetchBytes, type Limiter } from './net.js';

export type OcspAnswer =
  | { status: 'good' }
  | { status: 'revoked'; revokedAt: Date; reason?: number }
  | { status: 'unknown'; why: string };

const sameDer = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const keyHash = (c: Certificate) => hashSync('sha1', readBitString(seq(parse(c.spki))[1]));

/** The certificate that signed the response: the issuer itself, or a delegated responder. */
function responderOf(r: ParsedOcspResponse, issuer: Certificate, now: Date): Certificate | string {
  const names = (c: Certificate) =>
    r.responderKeyHash ? keyHash(c).equals(r.responderKeyHash) : sameDer(c.subject.der, r.responderName!);
  if (names(issuer)) return issuer;
  const delegate = r.certs.find(names);
  if (!delegate) return 'ocsp-responder-unknown';
  let issued: boolean;
  try {
    issued = verifyCertificateSignature(delegate, issuer);
  } catch {
    issued = false;
  }
  if (!issued) return 'ocsp-responder-not-issued';
  if (!delegate.extKeyUsage?.includes(OID.ocspSigning)) return 'ocsp-responder-eku';
  if (now < delegate.notBefore || now > delegate.notAfter) return 'ocsp-responder-expired';
  return delegate;
}

/** Check a parsed response for `cert`; the answer, or unknown with why it is not believed. */
export function checkOcspResponse(
  r: ParsedOcspResponse,
  cert: Certificate,
  issuer: Certificate,
  nonce: Buffer | undefined,
  now: Date,
): OcspAnswer {
  const unknown = (why: string): OcspAnswer => ({ status: 'unknown', why });
  if (r.status !== 'successful') return unknown(`ocsp-${r.status}`);
  const signer = responderOf(r, issuer, now);
  if (typeof signer === 'string') return unknown(signer);
  let signed: boolean;
  try {
    signed = verifyWith(signer.publicKey, r.signatureAlgorithm!, r.tbs!, r.signature!);
  } catch {
    signed = false;
  }
  if (!signed) return unknown('ocsp-signature');
  // The nonce extension's value is an OCTET STRING holding the nonce (RFC 8954); responders echo
  // the extension as received.
  if (nonce && !(r.nonce && (r.nonce.equals(w.octetString(nonce)) || r.nonce.equals(nonce))))
    return unknown('ocsp-nonce');
  const single = r.responses.find(
    (s) => certIdMatchesIssuer(s.certId, issuer) && serialHex(s.certId.serial) === cert.serialHex,
  );
  if (!single) return unknown('ocsp-certid');
  const t = now.getTime();
  if (single.thisUpdate.getTime() > t + CLOCK_SKEW_MS) return unknown('ocsp-future');
  if (single.nextUpdate && single.nextUpdate.getTime() < t - CLOCK_SKEW_MS) return unknown('ocsp-stale');
  if (single.status === 'unknown') return unknown('ocsp-says-unknown');
  if (single.status === 'good') return { status: 'good' };
  return {
    status: 'revoked',
    revokedAt: single.revokedAt,
    ...(single.reason !== undefined ? { reason: single.reason } : {}),
  };
}

/** Ask `url` about `cert` (POST, SHA-1 CertID as OpenSSL sends, with a nonce). */
export async function queryOcsp(
  url: string,
  cert: Certificate,
  issuer: Certificate,
  o: { limiter: Limiter; now: () => Date; timeoutMs?: number },
): Promise<OcspAnswer> {
  const serial = serialBytes(cert.serialHex);
  const nonce = randomBytes(16);
  const request = buildOcspRequest([ocspCertId(issuer, serial)], nonce);
  const got = await o.limiter.run(() =>
    fetchBytes(url, { body: request, contentType: 'application/ocsp-request', timeoutMs: o.timeoutMs }),
  );
  if (!got.ok) return { status: 'unknown', why: `unreachable: ${got.why}` };
  let parsed: ParsedOcspResponse;
  try {
    parsed = parseOcspResponse(got.body);
  } catch {
    return { status: 'unknown', why: 'ocsp-malformed' };
  }
  return checkOcspResponse(parsed, cert, issuer, nonce, o.now());
}
