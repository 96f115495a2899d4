/**
 * RFC 3161 tokens added to the signers of an existing CMS SignedData: the unsigned attribute
 * id-aa-timeStampToken, over the signer's signature value (RFC 3161 appendix A) — E-IMZO's
 * `attach_timestamp_token_pkcs7` and E-IMZO-SERVER's `/frontend/timestamp/pkcs7`. Only the
 * SignerInfos that get a token change (their unsignedAttrs, appended at the end) and the lengths
 * of what encloses them; every other byte (content, certificates, signed attributes, signature
 * values, other signers) is copied as it was, so the existing signatures still verify.
 */
import { OID } from '../crypto/index.js';
import {
  children,
  isContext,
  normalSerialHex,
  parse,
  raw,
  readOid,
  readUnsignedBytes,
  seq,
  serialHex,
  w,
  type Node,
} from '../asn1/index.js';
import { SignatureError, UsageError } from '../errors/index.js';
import { parseSignedData, signatureBytes } from './cms-decode.js';
import { checkTimestampToken } from './timestamp-token.js';

/** Which signer gets the token: its place in signerInfos, or its certificate's serial (hex). */
export type SignerSelector = { signerIndex: number } | { signerSerial: string };

/** A signer of a SignedData as timestamping sees it. */
export interface TimestampTarget {
  /** Place in signerInfos (0-based). */
  index: number;
  /** The certificate serial of an IssuerAndSerialNumber signer, hex without leading zeros. */
  serialHex?: string;
  /** The signature value: what a token for this signer must cover. */
  signature: Buffer;
  /** The signer already carries a token. */
  timestamped: boolean;
}

export interface AttachOptions {
  /** Replace the signer's existing token(s) instead of refusing (re-stamping). */
  replace?: boolean;
}

/** The signers of a signature (any form: DER, PEM, base64), in signerInfos order. */
export function timestampTargets(signedData: Uint8Array): TimestampTarget[] {
  return parseSignedData(signedData).signers.map((si, index) => ({
    index,
    serialHex: si.serial ? serialHex(readUnsignedBytes(parse(si.serial))) : undefined,
    signature: si.signature,
    timestamped: si.timestampToken !== undefined,
  }));
}

function selectSigner(targets: TimestampTarget[], which: SignerSelector): TimestampTarget {
  if ('signerIndex' in which) {
    const t = targets[which.signerIndex];
    if (t) return t;
    throw new UsageError('SIGN_SIGNER_NOT_FOUND', 'sign.error.signerNotFound', {
      params: { signer: `#${which.signerIndex + 1}` },
    });
  }
  const serial = normalSerialHex(which.signerSerial);
  const found = targets.filter((t) => t.serialHex === serial);
  if (found.length === 1) return found[0]!;
  throw new UsageError(
    found.length ? 'SIGN_SIGNER_AMBIGUOUS' : 'SIGN_SIGNER_NOT_FOUND',
    found.length ? 'sign.error.signerAmbiguous' : 'sign.error.signerNotFound',
    { params: { signer: which.signerSerial } },
  );
}

/**
 * The token must be a TSTInfo token whose imprint is the hash of this signer's signature value,
 * and its TSA signature must hold when the token carries the TSA certificate.
 */
async function checkToken(token: Uint8Array, target: TimestampTarget): Promise<void> {
  let reason: string | undefined;
  try {
    const info = await checkTimestampToken(token, target.signature);
    if (!info.imprintMatches) reason = 'its imprint is not the hash of the signature value';
    else if (info.tsa !== undefined && !info.signatureValid) reason = 'the TSA signature does not verify';
  } catch (e) {
    reason = (e as Error).message;
  }
  if (reason)
    throw new SignatureError('SIGN_TIMESTAMP_NOT_FOR_SIGNER', 'sign.error.timestampNotForSigner', {
      params: { signer: target.serialHex ?? `#${target.index + 1}`, what: reason },
    });
}

const isTimestampAttr = (attr: Node): boolean => readOid(seq(attr, 'Attribute')[0]) === OID.timeStampToken;

/** One SignerInfo with `token` added to (or, `replace`, put in place of the tokens in) its unsignedAttrs. */
function withToken(si: Node, token: Uint8Array, replace: boolean): Buffer {
  const parts = seq(si, 'SignerInfo');
  const last = parts[parts.length - 1]!;
  const unsigned = isContext(last, 1) ? last : undefined;
  const body = unsigned ? parts.slice(0, -1) : parts;
  const kept = unsigned ? children(unsigned).filter((a) => !(replace && isTimestampAttr(a))) : [];
  const attr = w.sequence(w.oid(OID.timeStampToken), w.set(token));
  return w.sequence(...body.map(raw), w.implicitConstructed(1, ...kept.map(raw), attr));
}

/**
 * Add several tokens at once (one per signer index); the tokens are checked against their
 * signers first. Input in any form; the result is DER.
 */
export async function attachTimestampTokens(
  signedData: Uint8Array,
  tokens: Array<{ signerIndex: number; token: Uint8Array }>,
  o: AttachOptions = {},
): Promise<Buffer> {
  const der = signatureBytes(signedData);
  const targets = timestampTargets(der); // also validates the whole structure
  const byIndex = new Map<number, Uint8Array>();
  for (const { signerIndex, token } of tokens) {
    const target = selectSigner(targets, { signerIndex });
    if (target.timestamped && !o.replace)
      throw new SignatureError('SIGN_ALREADY_TIMESTAMPED', 'sign.error.alreadyTimestamped', {
        params: { signer: target.serialHex ?? `#${target.index + 1}` },
      });
    await checkToken(token, target);
    byIndex.set(signerIndex, token);
  }
  if (byIndex.size === 0) return der;
  const [typeNode, wrapped] = seq(parse(der), 'ContentInfo');
  const sdParts = seq(children(wrapped!)[0], 'SignedData');
  const signerSet = sdParts[sdParts.length - 1]!;
  const signers = children(signerSet).map((si, i) => {
    const token = byIndex.get(i);
    return token ? withToken(si, token, o.replace ?? false) : raw(si);
  });
  const signedDataBody = w.sequence(...sdParts.slice(0, -1).map(raw), w.set(...signers));
  return w.sequence(raw(typeNode!), w.explicit(0, signedDataBody));
}

/**
 * Add `token` (an RFC 3161 TimeStampToken, ContentInfo DER) to one signer of `signedData` (DER,
 * PEM or base64) and return the new SignedData as DER. Refuses a token that does not cover that
 * signer's signature value, and a signer that already carries one unless `replace`.
 */
export async function attachTimestampToken(
  signedData: Uint8Array,
  token: Uint8Array,
  which: SignerSelector,
  o: AttachOptions = {},
): Promise<Buffer> {
  const target = selectSigner(timestampTargets(signedData), which);
  return attachTimestampTokens(signedData, [{ signerIndex: target.index, token }], o);
}
