/**
 * `key sign` as one call: the opened key checked for signing (and for revocation, before any
 * file is touched: a revoked key signs nothing), Ctrl-C handled (see interrupts.ts),
 * the batch run, per-file messages in the user's language, and the error the run ends with
 * (returned, not thrown, so that the caller prints its summary first).
 */
import { BatchError, InterruptedError, type OneIdError } from '../errors/index.js';
import { t } from '../i18n/index.js';
import type { Certificate } from '../pki/index.js';
import { keyVerdict, type RevocationMode, type RevocationResult } from '../revocation/index.js';
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
  /** The key's revocation status, checked before signing. */
  revocation?: RevocationResult;
}

export interface SignRunOptions extends Omit<BatchOptions, 'key' | 'signal' | 'stop' | 'onResult'> {
  key: { privateKey: PrivateKey; certificate: Certificate; chain: Certificate[] };
  onResult?: (r: SignedFile) => void;
  /** Check the key's certificate first (revoked: exit 5, nothing signed). */
  revocation?: {
    mode: RevocationMode;
    checkPath(path: Uint8Array[]): Promise<RevocationResult>;
  };
  /** A warning in the user's language (revocation status unknown under `auto`). */
  onWarning?: (message: string) => void;
}

export async function signWithKey(
  o: SignRunOptions,
): Promise<{ result: SignRunResult; failure?: OneIdError }> {
  const { key, onResult, revocation: checker, onWarning, ...batch } = o;
  assertUsableForSigning(key.certificate.raw);
  let revocation: RevocationResult | undefined;
  if (checker) {
    revocation = await checker.checkPath(key.chain.map((c) => c.raw));
    const verdict = keyVerdict(revocation, checker.mode);
    if (verdict.error) throw verdict.error;
    if (verdict.warning) onWarning?.(verdict.warning);
  }
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
    ...(revocation ? { revocation } : {}),
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
