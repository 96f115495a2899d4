/**
 * One signature file of a `key verify` batch, the same on the calling thread and on a
 * verification worker: which content it is checked against (--content, the file under
 * --content-dir, or the file beside `x.pdf.p7s`), its report, and its error as a line of the
 * batch report.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { isOneIdError, UsageError } from '../errors/index.js';
import { assertValid, verifiedCertificates, verifyFile, type VerifyReport } from './verify.js';
import type { VerifiedFile } from './verify-batch.js';
import { VerifyCache } from './verify-cache.js';
import type { Checked, VerifyJob, VerifySettings } from './worker-protocol.js';

export interface CheckSettings extends VerifySettings {
  /** The one content file (one signature only). */
  content?: string;
  /** One signature: an error outside the signature category is thrown (its own exit code). */
  single?: boolean;
}

export async function checkSignatureFile(
  sig: { path: string; root: string },
  o: CheckSettings,
  cache: VerifyCache,
): Promise<Checked> {
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
  let report: VerifyReport | undefined;
  try {
    report = await verifyFile(file, {
      content: o.content,
      contentIfDetached: beside,
      trusted: o.trusted,
      cache,
    });
    entry.detached = report.detached;
    if (o.content ?? report.detached) entry.content = o.content ?? beside;
    entry.signers = report.signers;
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
    if (o.single && (!isOneIdError(e) || e.category !== 'signature')) throw e;
    // Words are put on the calling thread (describeFailure): a worker has no catalogs.
    if (isOneIdError(e)) return { entry, report, failure: { code: e.code, key: e.key, params: e.params } };
    const unexpected = e instanceof Error ? e : new Error(String(e));
    const detail = { detail: unexpected.message };
    return {
      entry,
      report,
      unexpected,
      failure: { code: 'INTERNAL', key: 'cli.error.internal', params: detail },
    };
  }
  return { entry, report };
}

/**
 * A verification worker's work (verify-worker.ts): its own cache for the whole batch, and beside
 * each report the certificates that earned `verifiedSigner()` (a structured clone loses them).
 */
export function verifyWork(settings: VerifySettings): (job: VerifyJob) => Promise<Checked> {
  const cache = new VerifyCache();
  return async (job) => {
    const c = await checkSignatureFile(job, settings, cache);
    if (c.report) c.verified = verifiedCertificates(c.report);
    return c;
  };
}
