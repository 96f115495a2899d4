/**
 * The `sign` area: CMS SignedData create / verify / co-sign in the E-IMZO form, the batch engine
 * and the RFC 3161 timestamp client. Other areas and commands import only this file.
 */
import { writeFile } from 'node:fs/promises';
import { signOne, cosign as cosignWith, type FileResult, type SignSettings } from './sign-file.js';
import { openSigner, type SignerKey } from './signer.js';
import { encodeSignature, type SignatureFormat } from './transport.js';

export { signBatch, type BatchOptions, type BatchProgress, type BatchSummary } from './batch.js';
export { removeOwnTempsSync } from '../files/index.js';
export { collectInputs, outputFor, splitList, type InputFile, type InputSpec } from './inputs.js';
export {
  parseSignedData,
  signatureBytes,
  type ParsedSignedData,
  type ParsedSignerInfo,
} from './cms-decode.js';
export { encodeSignature, SIGNATURE_FORMATS, type SignatureFormat } from './transport.js';
export { splitCertificates } from './certificate.js';
export { openSigner, signerKeyOf, type OpenedKeyLike, type Signer, type SignerKey } from './signer.js';
export { assertUsableForSigning } from './usable.js';
export type { ExistingPolicy, FileResult, FileStatus, SignSettings } from './sign-file.js';
export { cosign as cosignSigner, signBytes } from './sign-file.js';
export {
  assertValid,
  failureError,
  STATUS,
  verifiedSigner,
  VERIFY_LIMITS,
  verifyFile,
  verifySignature,
  type SignerFailure,
  type SignerReport,
  type VerifiedSigner,
  type VerifyLimits,
  type VerifyOptions,
  type VerifyReport,
  type VerifyWarning,
} from './verify.js';
export { LIMIT_CODES as VERIFY_LIMIT_CODES } from './chain.js';
export { VerifyCache } from './verify-cache.js';
export { requestTimestamp, timestampAttribute, tsaUrl } from './timestamp.js';
export { checkTimestampToken } from './timestamp-token.js';
export {
  collectSignatures,
  verifyBatch,
  type SignatureInput,
  type VerifiedFile,
  type VerifyBatchOptions,
  type VerifyBatchResult,
} from './verify-batch.js';
export { onInterrupt, type Interrupts } from './interrupts.js';
export { signWithKey, type SignedFile, type SignRunOptions, type SignRunResult } from './sign-run.js';
export type { TimestampInfo } from './timestamp-token.js';
export type { SignerIdentity } from './identity.js';

export interface SignFileOptions extends Partial<SignSettings> {
  key: SignerKey;
  /** Output path (default `<input>.p7s`). */
  output?: string;
}

/** Sign one file in-process (no worker pool). Throws nothing for per-file failures: see `status`. */
export async function signFile(input: string, opts: SignFileOptions): Promise<FileResult> {
  const signer = openSigner(opts.key);
  return signOne(
    signer,
    {
      detached: opts.detached ?? false,
      existing: opts.existing ?? 'fail',
      timestampUrl: opts.timestampUrl,
      signingTime: opts.signingTime,
      format: opts.format,
    },
    input,
    opts.output ?? input + '.p7s',
  );
}

/**
 * Add a signer to an existing signature (bytes in any form); `content` is needed for detached
 * ones. The result is in `format` (default DER).
 */
export async function cosign(
  signature: Uint8Array,
  opts: {
    key: SignerKey;
    content?: string;
    timestampUrl?: string;
    signingTime?: Date;
    output?: string;
    format?: SignatureFormat;
  },
): Promise<Buffer> {
  const der = await cosignWith(signature, openSigner(opts.key), opts, opts.content);
  const out = encodeSignature(der, opts.format);
  if (opts.output) await writeFile(opts.output, out);
  return out;
}
