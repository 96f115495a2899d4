/**
 * Revocation as a post-step on a verification report, in the thread that holds the checker (the
 * main one: its cache and in-flight lookups are shared by the whole batch). Rules that hold up in
 * court: a signer revoked before the signature was provably made is invalid (E-IMZO -11); a
 * signature whose trusted RFC 3161 timestamp is earlier than the revocation stays valid ("revoked
 * later"); the signer's own signingTime proves nothing. `require` fails a signer whose status
 * cannot be established (E-IMZO -1); `auto` warns when a source was named but did not answer.
 */
import { t } from '../i18n/index.js';
import {
  reasonText,
  sourceText,
  whyText,
  type RevocationMode,
  type RevocationResult,
} from '../revocation/index.js';
import { timestampHolds } from './timestamp-token.js';
import { STATUS } from './status.js';
import type { SignerFailure, SignerReport, VerifyReport } from './verify.js';

/** A signer's revocation finding; `revoked-later`: revoked after a trusted timestamp (valid). */
export interface SignerRevocation extends Omit<RevocationResult, 'status'> {
  status: RevocationResult['status'] | 'revoked-later';
}

/** What the post-step needs: the mode and a (per-batch) checker of certificate paths. */
export interface VerifyRevocation {
  mode: RevocationMode;
  checkPath(path: Uint8Array[]): Promise<RevocationResult>;
}

function fail(s: SignerReport, code: SignerFailure, status: number): void {
  if (s.code) return;
  s.code = code;
  s.status = status;
}

export async function checkSignerRevocation(s: SignerReport, check: VerifyRevocation): Promise<void> {
  if (check.mode === 'off') {
    s.revocation = { status: 'not-checked', why: 'off' };
    return;
  }
  if (s.code) return; // already invalid (content, signature, chain, validity): nothing to ask
  if (s.chain !== 'trusted' || !s.chainCertificates?.length) {
    s.revocation = { status: 'not-checked', why: 'untrusted-chain' };
    if (check.mode === 'require') fail(s, 'SIGNATURE_REVOCATION_UNKNOWN', STATUS.statusUnknown);
    return;
  }
  const r = await check.checkPath(s.chainCertificates.map((c) => Buffer.from(c, 'base64')));
  if (r.status === 'revoked') {
    const ts = s.timestamp;
    if (timestampHolds(ts) && ts!.trusted && Date.parse(ts!.time) < Date.parse(r.revokedAt!)) {
      s.revocation = { ...r, status: 'revoked-later' };
      return;
    }
    s.revocation = r;
    fail(s, 'SIGNATURE_CERT_REVOKED', STATUS.certificateInvalid);
    return;
  }
  s.revocation = r;
  if (r.status === 'good') return;
  if (check.mode === 'require') fail(s, 'SIGNATURE_REVOCATION_UNKNOWN', STATUS.statusUnknown);
  else if (r.status === 'unknown') s.warnings.push('REVOCATION_UNKNOWN');
}

/** Check every signer of a report and settle `valid` again. */
export async function checkRevocation(report: VerifyReport, check: VerifyRevocation): Promise<void> {
  for (const s of report.signers) await checkSignerRevocation(s, check);
  report.valid = report.signers.length > 0 && report.signers.every((s) => s.status === STATUS.ok);
}

/** A signer's revocation finding in the user's language (`key verify`'s human report). */
export function describeSignerRevocation(r: SignerRevocation, timestampTime?: string): string {
  const p = { date: r.revokedAt ?? '', reason: reasonText(r.reason), source: sourceText(r) };
  switch (r.status) {
    case 'good':
      return t('revocation.status.good', p);
    case 'revoked':
      return t('revocation.status.revoked', p);
    case 'revoked-later':
      return t('revocation.status.revokedLater', { ...p, time: timestampTime ?? '' });
    case 'unknown':
      return t('revocation.status.unknown', { why: whyText(r) });
    default:
      return t('revocation.status.notChecked', { why: whyText(r) });
  }
}
