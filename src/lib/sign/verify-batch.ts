/**
 * `key verify` over many signatures: which signature files, which content for each (--content,
 * --content-dir mirroring `key sign --out-dir`, or the file beside `x.pdf.p7s`), one report per
 * file whatever happens to another, and the error the run ends with.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

import { InternalError, isOneIdError, SignatureError, UsageError } from '../errors/index.js';
import { t } from '../i18n/index.js';
import { collectInputs } from './inputs.js';
import { checkRevocation, type VerifyRevocation } from './revocation-step.js';
import { assertValid, failureError, verifyFile, type SignerReport } from './verify.js';
import { VerifyCache } from './verify-cache.js';

/** One verified signature file in the `--json` result of `oneid key verify`. */
export interface VerifiedFile {
  file: string;
  /** Detached content used (--content, the file under --content-dir, or the one beside). */
  content?: string;
  valid: boolean;
  detached?: boolean;
  signers: SignerReport[];
  error?: { code: string; message: string };
}

/** `--json` result of `oneid key verify`. */
export interface VerifyBatchResult {
  valid: boolean;
  total: number;
  failed: number;
  files: VerifiedFile[];
}

/** A signature file and the folder its relative path starts from (for --content-dir). */
export interface SignatureInput {
  path: string;
  root: string;
}

export interface VerifyBatchOptions {
  signatures: SignatureInput[];
  /** The one content file (one signature only). */
  content?: string;
  /** Contents under this folder, with the signatures' relative layout (`a/b.txt.p7s` ↔ `DIR/a/b.txt`). */
  contentDir?: string;
  trusted?: Uint8Array[];
  /** Called with each file's report as soon as it is known. */
  onFile?: (entry: VerifiedFile) => void;
  /**
   * Revocation, checked here (in this thread) as a post-step on each file's report through one
   * per-batch checker: it caches per certificate and shares lookups in flight.
   */
  revocation?: VerifyRevocation;
}

/** Signature files verified at the same time (reads of some overlap the checks of others). */
const IN_FLIGHT = 8;

const GLOB_CHARS = /[*?[\]{}]/;

/** The folder a pattern's matches are relative to: its path up to the first segment with a wildcard. */
function patternBase(pattern: string, cwd: string): string {
  const parts = pattern.split(/[\\/]/);
  const i = parts.findIndex((p) => GLOB_CHARS.test(p));
  return path.resolve(cwd, parts.slice(0, i).join('/') || (pattern.startsWith('/') ? '/' : '.'));
}

/**
 * Signature inputs: explicit files as given; folders and patterns contribute their `.p7s` files.
 * A missing file is a usage error (exit 2); nothing found at all too.
 */
export async function collectSignatures(
  args: string[],
  o: { recursive?: boolean; cwd?: string } = {},
): Promise<SignatureInput[]> {
  const cwd = o.cwd ?? process.cwd();
  const out: SignatureInput[] = [];
  for (const a of args) {
    const abs = path.resolve(cwd, a);
    const st = await stat(abs).catch(() => undefined);
    if (st && !st.isDirectory()) {
      out.push({ path: abs, root: path.dirname(abs) });
      continue;
    }
    if (!st && !GLOB_CHARS.test(a))
      throw new UsageError('SIGN_INPUT_MISSING', 'sign.error.inputMissing', { params: { paths: a } });
    const root = st ? abs : patternBase(a, cwd);
    const found = await collectInputs({ args: [a], recursive: o.recursive, includeSignatures: true, cwd });
    for (const f of found) if (f.path.endsWith('.p7s')) out.push({ path: f.path, root });
  }
  if (out.length === 0) throw new UsageError('SIGN_NO_SIGNATURES', 'sign.error.noSignatures');
  return out;
}

/** Verify every signature; resolves with the report when all verify, else throws the run's error. */
export async function verifyBatch(o: VerifyBatchOptions): Promise<VerifyBatchResult> {
  const single = o.signatures.length === 1;
  if (o.content !== undefined && !single)
    throw new UsageError('SIGN_CONTENT_WITH_MANY', 'sign.error.contentWithMany');
  if (o.content !== undefined && o.contentDir !== undefined)
    throw new UsageError('SIGN_CONTENT_TWICE', 'sign.error.contentTwice');
  for (const p of [o.content, o.contentDir])
    if (p !== undefined && !existsSync(p))
      throw new UsageError('SIGN_INPUT_MISSING', 'sign.error.inputMissing', { params: { paths: p } });

  const files: VerifiedFile[] = [];
  let unexpected: Error | undefined;
  // One cache for the batch: the signer's certificate, its key and its chain are worked out once.
  const cache = new VerifyCache();
  const check = async (sig: SignatureInput): Promise<VerifiedFile> => {
    const file = sig.path;
    const entry: VerifiedFile = { file, valid: false, signers: [] };
    // --content is always the content checked; the file beside (or under --content-dir) only
    // serves a detached signature.
    const candidate = o.contentDir
      ? path.join(path.resolve(o.contentDir), path.relative(sig.root, file).replace(/\.p7s$/, ''))
      : file.endsWith('.p7s')
        ? file.slice(0, -4)
        : undefined;
    const beside = candidate && existsSync(candidate) ? candidate : undefined;
    try {
      const report = await verifyFile(file, {
        content: o.content,
        contentIfDetached: beside,
        trusted: o.trusted,
        cache,
      });
      if (o.revocation) await checkRevocation(report, o.revocation);
      entry.detached = report.detached;
      if (o.content ?? report.detached) entry.content = o.content ?? beside;
      entry.signers = report.signers.map(({ chainCertificates: _, ...s }) => s);
      assertValid(report);
      entry.valid = true;
    } catch (caught) {
      let e = caught;
      if (o.contentDir && isOneIdError(e) && e.code === 'SIGNATURE_CONTENT_REQUIRED')
        e = new UsageError('SIGN_CONTENT_MISSING', 'sign.error.contentMissing', {
          params: { path: candidate ?? file },
        });
      // One file: its own error and exit code. Many: every file gets its line in the report,
      // whatever happened to one of them.
      if (single && (!isOneIdError(e) || e.category !== 'signature')) throw e;
      if (isOneIdError(e)) entry.error = { code: e.code, message: t(e.key, e.params) };
      else {
        unexpected ??= e instanceof Error ? e : new Error(String(e));
        entry.error = { code: 'INTERNAL', message: t('cli.error.internal', { detail: unexpected.message }) };
      }
    }
    return entry;
  };
  // Several files in flight, so that one file's reads (on the thread pool) overlap another's
  // verification on this thread; reports still come out in input order. Every file is started
  // only once the one IN_FLIGHT places before it has been reported, so memory stays flat.
  const inFlight: Promise<VerifiedFile>[] = [];
  let next = 0;
  const fill = () => {
    while (next < o.signatures.length && inFlight.length < IN_FLIGHT) {
      const p = check(o.signatures[next++]!);
      p.catch(() => undefined); // awaited in order below; no unhandled rejection meanwhile
      inFlight.push(p);
    }
  };
  fill();
  while (inFlight.length > 0) {
    const entry = await inFlight.shift()!;
    fill();
    o.onFile?.(entry);
    files.push(entry);
  }
  const failed = files.filter((f) => !f.valid).length;
  const result: VerifyBatchResult = { valid: failed === 0, total: files.length, failed, files };
  if (unexpected)
    throw new InternalError('INTERNAL', 'cli.error.internal', {
      params: { detail: unexpected.message },
      cause: unexpected,
      data: { result },
    });
  if (failed === 0) return result;
  if (single) {
    const only = files[0]!;
    const bad = only.signers.find((s) => s.code);
    if (bad?.code) throw failureError(bad.code, bad, { result });
    throw new SignatureError(only.error!.code, 'sign.verify.failed', {
      params: { file: only.file, reason: only.error!.message },
      data: { result },
    });
  }
  throw new SignatureError('SIGNATURE_BATCH_FAILED', 'sign.error.verifyBatchFailed', {
    params: { failed, total: files.length },
    data: { result },
  });
}
