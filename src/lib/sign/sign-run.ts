/**
 * `key sign` as one call: the opened key checked for signing, Ctrl-C handled (see interrupts.ts),
 * the batch run, per-file messages in the user's language, and the error the run ends with
 * (returned, not thrown, so that the caller prints its summary first).
 */
import { BatchError, InterruptedError, type OneIdError } from '../errors/index.js';
import { t } from '../i18n/index.js';
import type { Certificate } from '../pki/index.js';
import type { PrivateKey } from './algorithms.js';
import { signBatch, type BatchOptions, type BatchSummary } from './batch.js';
import { onInterrupt } from './interrupts.js';
import type { FileResult } from './sign-file.js';
import type { SignatureFormat } from './transport.js';
import { assertUsableForSigning } from './usable.js';

/** A per-file result; failures carry their message in the user's language. */
export type SignedFile = FileResult & { message?: string };

/** `--json` result of `oneid key sign`. */
export interface SignRunResult extends Omit<BatchSummary, 'results'> {
  signer: { serialNumber: string; cn?: string; pinfl?: string; tin?: string };
  detached: boolean;
  /** The form the signatures were written in (`der`, `pem`, `base64`). */
  format: SignatureFormat;
  /** One entry per file in input order (failures only without keepResults). */
  results: SignedFile[];
}

export interface SignRunOptions extends Omit<BatchOptions, 'key' | 'signal' | 'stop' | 'onResult'> {
  key: { privateKey: PrivateKey; certificate: Certificate; chain: Certificate[] };
  onResult?: (r: SignedFile) => void;
}

export async function signWithKey(
  o: SignRunOptions,
): Promise<{ result: SignRunResult; failure?: OneIdError }> {
  const { key, onResult, ...batch } = o;
  assertUsableForSigning(key.certificate.raw);
  const interrupts = onInterrupt();
  let summary: BatchSummary;
  try {
    summary = await signBatch({
      ...batch,
      key: {
        privateKey: key.privateKey,
        certificate: key.certificate.raw,
        chain: key.chain.slice(1).map((c) => c.raw),
      },
      signal: interrupts.finish,
      stop: interrupts.stop,
      onResult: onResult && ((r) => onResult(withMessage(r))),
    });
  } finally {
    interrupts.dispose();
  }
  const id = key.certificate.identity;
  const result: SignRunResult = {
    ...summary,
    results: summary.results.map(withMessage),
    detached: o.detached,
    format: o.format ?? 'der',
    signer: { serialNumber: key.certificate.serialHex, cn: id.cn, pinfl: id.pinfl, tin: id.tin ?? id.uid },
  };
  const { failed, total, notStarted } = summary;
  const data = { result };
  if (summary.interrupted)
    return {
      result,
      failure: new InterruptedError('SIGN_INTERRUPTED', 'sign.interrupted', { params: { notStarted }, data }),
    };
  if (failed > 0)
    return {
      result,
      failure: new BatchError('SIGN_BATCH_FAILED', 'sign.error.batchFailed', {
        params: { failed, total },
        data,
      }),
    };
  return { result };
}

function withMessage(r: FileResult): SignedFile {
  if (r.status !== 'failed' || !r.messageKey) return r;
  const { messageKey, params, ...rest } = r;
  return { ...rest, message: t(messageKey, params) };
}
