/**
 * RFC 3161 client: ask a TSA (`POST <portal>/api/v1/tsa`, `application/timestamp-query`) to
 * timestamp a signature value, check the reply (status, nonce, message imprint) and return the
 * token as the unsigned attribute CMS embeds (id-aa-timeStampToken).
 */
import { OID } from '../crypto/index.js';
import { randomBytes } from 'node:crypto';
import { parse, raw, readSmallInt, seq, w } from '../asn1/index.js';
import { MalformedError, NetworkError, PortalRefusedError } from '../errors/index.js';
import { portalEndpoint } from '../portal/url.js';
import { createDigest } from './algorithms.js';
import { parseSignedData } from './cms-decode.js';
import { readTstInfo } from './timestamp-token.js';

export interface TimestampClientOptions {
  /** Full TSA URL, e.g. `http://127.0.0.1:8080/api/v1/tsa`. */
  url: string;
  timeoutMs?: number;
  /** Abandon the request (a second Ctrl-C). */
  signal?: AbortSignal;
}

/** The TSA URL of a portal base URL (a path prefix such as `/oneid` is kept). */
export function tsaUrl(portal: string): string {
  return portalEndpoint(portal, '/api/v1/tsa');
}

export function timestampRequest(imprint: Buffer, nonce: bigint): Buffer {
  return w.sequence(
    w.integer(1),
    w.sequence(w.algorithmIdentifier(OID.sha256), w.octetString(imprint)),
    w.integer(nonce),
    w.boolean(true), // certReq: the TSA's certificate inside the token, so it verifies offline
  );
}

function bad(what: string): MalformedError {
  return new MalformedError('SIGN_TIMESTAMP_MALFORMED', 'sign.error.timestampMalformed', {
    params: { what },
  });
}

/** Timestamp `signature` (a SignerInfo's signature value); returns the token's ContentInfo DER. */
export async function requestTimestamp(signature: Uint8Array, opts: TimestampClientOptions): Promise<Buffer> {
  const h = createDigest('sha256');
  h.update(signature);
  const imprint = h.digest();
  const nonce = BigInt('0x' + randomBytes(8).toString('hex'));
  let body: Buffer;
  try {
    const res = await fetch(opts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: timestampRequest(imprint, nonce),
      signal: opts.signal
        ? AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs ?? 30_000)])
        : AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
    body = Buffer.from(await res.arrayBuffer());
    if (!res.ok)
      throw new PortalRefusedError('SIGN_TSA_REFUSED', 'sign.error.tsaRefused', {
        params: { status: res.status, url: opts.url },
      });
  } catch (e) {
    if (e instanceof PortalRefusedError) throw e;
    throw new NetworkError('SIGN_TSA_UNREACHABLE', 'sign.error.tsaUnreachable', {
      params: { url: opts.url },
      cause: e,
    });
  }
  return readTimestampReply(body, imprint, nonce, opts.url);
}

export function readTimestampReply(body: Uint8Array, imprint: Buffer, nonce: bigint, url: string): Buffer {
  let status: number;
  let token: Buffer | undefined;
  try {
    const [statusInfo, tokenNode] = seq(parse(body), 'TimeStampResp');
    status = readSmallInt(seq(statusInfo, 'PKIStatusInfo')[0]);
    if (tokenNode) token = Buffer.from(raw(tokenNode));
  } catch (e) {
    throw bad(String((e as Error).message));
  }
  // 0 granted, 1 granted with modifications; anything else is a refusal.
  if (status > 1 || !token)
    throw new PortalRefusedError('SIGN_TSA_REFUSED', 'sign.error.tsaRefused', { params: { status, url } });
  const sd = parseSignedData(token);
  if (sd.eContentType !== OID.tstInfo || !sd.content) throw bad('token is not a TSTInfo');
  const tst = readTstInfo(sd.content);
  if (!tst.imprint.equals(imprint)) throw bad('message imprint differs from the request');
  if (tst.nonce !== nonce) throw bad('nonce differs from the request');
  return token;
}

/** The unsigned attribute holding `token`. */
export function timestampAttribute(token: Buffer): Buffer {
  return w.sequence(w.oid(OID.timeStampToken), w.set(token));
}
