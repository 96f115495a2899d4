/**
 * What a revocation status means for a key about to sign or under diagnosis (the signature rules
 * are the sign area's), and its description in the user's language.
 */
import { KeyUnusableError } from '../errors/index.js';
import { t } from '../i18n/index.js';
import type { RevocationReason } from '../pki/index.js';
import type { RevocationMode, RevocationResult } from './types.js';

/** CRLReason names in the user's language. */
const REASON_KEYS: Record<RevocationReason, string> = {
  unspecified: 'revocation.reason.unspecified',
  keyCompromise: 'revocation.reason.keyCompromise',
  cACompromise: 'revocation.reason.cACompromise',
  affiliationChanged: 'revocation.reason.affiliationChanged',
  superseded: 'revocation.reason.superseded',
  cessationOfOperation: 'revocation.reason.cessationOfOperation',
  certificateHold: 'revocation.reason.certificateHold',
  removeFromCRL: 'revocation.reason.removeFromCRL',
  privilegeWithdrawn: 'revocation.reason.privilegeWithdrawn',
  aACompromise: 'revocation.reason.aACompromise',
};

const WHY_KEYS: Record<string, string> = {
  off: 'revocation.why.off',
  'no-source': 'revocation.why.noSource',
  'no-issuer': 'revocation.why.noIssuer',
  'untrusted-chain': 'revocation.why.untrustedChain',
  unreachable: 'revocation.why.unreachable',
  'ocsp-malformed': 'revocation.why.ocspMalformed',
  'ocsp-signature': 'revocation.why.ocspSignature',
  'ocsp-nonce': 'revocation.why.ocspNonce',
  'ocsp-certid': 'revocation.why.ocspCertId',
  'ocsp-stale': 'revocation.why.ocspStale',
  'ocsp-future': 'revocation.why.ocspFuture',
  'ocsp-says-unknown': 'revocation.why.ocspSaysUnknown',
  'ocsp-responder-unknown': 'revocation.why.responderUnknown',
  'ocsp-responder-not-issued': 'revocation.why.responderNotIssued',
  'ocsp-responder-eku': 'revocation.why.responderEku',
  'ocsp-responder-expired': 'revocation.why.responderExpired',
  'crl-issuer': 'revocation.why.crlIssuer',
  'crl-signature': 'revocation.why.crlSignature',
  'crl-future': 'revocation.why.crlFuture',
  'crl-expired': 'revocation.why.crlExpired',
  'crl-malformed': 'revocation.why.crlMalformed',
  'crl-unreadable': 'revocation.why.crlUnreadable',
};

export function reasonText(reason: RevocationReason | undefined): string {
  return t(REASON_KEYS[reason ?? 'unspecified']);
}

/** Why a status is unknown, in words (with the source and the transport's detail). */
export function whyText(r: Pick<RevocationResult, 'why' | 'detail' | 'source'>): string {
  const key = r.why ? WHY_KEYS[r.why] : undefined;
  const text = key
    ? t(key, { source: r.source ?? '', detail: r.detail ?? '' })
    : t('revocation.why.refused', { source: r.source ?? '', status: (r.why ?? '').replace(/^ocsp-/, '') });
  return text;
}

/** Where a status came from: `OCSP <url>` or `CRL <url or file>`. */
export function sourceText(r: Pick<RevocationResult, 'source' | 'via'>): string {
  if (!r.source) return '';
  return r.via === 'ocsp'
    ? t('revocation.source.ocsp', { url: r.source })
    : t('revocation.source.crl', { source: r.source });
}

/** A status can be relied on: known good or revoked. */
export const established = (r: RevocationResult): boolean => r.status === 'good' || r.status === 'revoked';

/**
 * The verdict for a key that is about to sign (or under diagnosis): an error when it is revoked
 * (exit 5), or when `require` is asked and the status cannot be established; a warning (auto)
 * when a source was named but gave no usable answer; nothing otherwise.
 */
export function keyVerdict(
  r: RevocationResult,
  mode: RevocationMode,
): { error?: KeyUnusableError; warning?: string } {
  const serial = r.serial ?? '?';
  if (r.status === 'revoked')
    return {
      error: new KeyUnusableError('KEY_REVOKED', 'revocation.error.keyRevoked', {
        params: { serial, date: r.revokedAt ?? '', reason: reasonText(r.reason), source: sourceText(r) },
        hintKey: 'revocation.hint.keyRevoked',
        data: { revocation: r },
      }),
    };
  if (mode === 'require' && !established(r))
    return {
      error: new KeyUnusableError('KEY_REVOCATION_UNKNOWN', 'revocation.error.keyUnknown', {
        params: { serial, why: whyText(r) },
        hintKey: 'revocation.hint.unknown',
        data: { revocation: r },
      }),
    };
  if (r.status === 'unknown')
    return { warning: t('revocation.warning.keyUnknown', { serial, why: whyText(r) }) };
  return {};
}
