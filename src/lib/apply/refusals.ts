/**
 * The portal's refusals that an applicant meets, in the applicant's words: each known portal
 * code gets its own message and hint (exit 8 stays), the portal's code is kept for scripts.
 * Unknown codes pass through with the portal's own text (`portal.error.refused`).
 */
import {
  InterruptedError,
  PortalRefusedError,
  UsageError,
  isOneIdError,
  type Params,
} from '../errors/index.js';
import { retryParams } from '../i18n/index.js';

const MESSAGES: Record<string, { key: string; hintKey?: string }> = {
  PHONE_MISMATCH: { key: 'apply.error.phoneMismatch', hintKey: 'apply.hint.phoneMismatch' },
  NOT_IN_REGISTRY: { key: 'apply.error.notInRegistry' },
  NOT_AUTHORIZED: { key: 'apply.error.notAuthorized', hintKey: 'apply.hint.notAuthorized' },
  PASSPORT_EXPIRED: { key: 'apply.error.passportExpired' },
  APPLICATION_OPEN: { key: 'apply.error.applicationOpen', hintKey: 'apply.hint.applicationOpen' },
  APPLICATION_NOT_FOUND: { key: 'apply.error.notFound', hintKey: 'apply.hint.notFound' },
  SMS_CODE_INVALID: { key: 'apply.error.smsCodeInvalid' },
  SMS_CODE_EXPIRED: { key: 'apply.error.smsCodeExpired', hintKey: 'apply.hint.smsResend' },
  SMS_CODE_MISSING: { key: 'apply.error.smsCodeExpired', hintKey: 'apply.hint.smsResend' },
  SMS_ATTEMPTS_EXCEEDED: { key: 'apply.error.smsAttempts', hintKey: 'apply.hint.smsResend' },
  SMS_RATE_LIMITED: { key: 'apply.error.smsRateLimited' },
  TOO_MANY_MISMATCHES: { key: 'apply.error.tooManyMismatches' },
  NOT_AN_IMAGE: { key: 'apply.error.portalNotImage' },
  BODY_TOO_LARGE: { key: 'apply.error.portalTooLarge' },
  CSR_ALGORITHM_UNSUPPORTED: { key: 'apply.error.algorithmRefused', hintKey: 'apply.hint.algorithmRefused' },
};

/** Re-throw a portal refusal with the applicant's message; anything else unchanged. */
export function explainRefusal(e: unknown, params: Params = {}): never {
  if (e instanceof PortalRefusedError && MESSAGES[e.code]) {
    const m = MESSAGES[e.code]!;
    const portal = (e.data?.portal ?? {}) as Record<string, unknown>;
    const extra: Params = {};
    for (const k of ['attemptsLeft', 'applicationId', 'retryAfter']) {
      const v = portal[k];
      if (typeof v === 'string' || typeof v === 'number') extra[k] = v;
    }
    // A limit that says when it lifts gets that in the hint ("try again in 10 min, after 14:05").
    const retry =
      typeof extra.retryAfter === 'number' && !m.hintKey ? retryParams(extra.retryAfter) : undefined;
    throw new PortalRefusedError(e.code, m.key, {
      params: { ...params, ...extra, message: e.params.message },
      hintKey: retry ? 'common.hint.retryAfter' : m.hintKey,
      hintParams: { ...params, ...extra, ...retry },
      data: e.data,
      cause: e,
    });
  }
  if (isOneIdError(e) || e instanceof Error) throw e;
  throw new Error(String(e));
}

/** Run a portal call, explaining a refusal. */
export async function portalStep<T>(fn: () => Promise<T>, params: Params = {}): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    return explainRefusal(e, params);
  }
}

/** Ctrl-C: every completed step is saved (atomically); says how to continue (exit 130). */
export function interruptedError(id: string | undefined): InterruptedError {
  return new InterruptedError('INTERRUPTED', 'apply.note.interrupted', {
    hintKey: id ? 'apply.hint.resume' : undefined,
    hintParams: { id },
    data: id ? { applicationId: id } : undefined,
  });
}

/** The application waits for its SMS code and no source of it was given (no terminal to ask). */
export function smsCodeNeeded(id: string | undefined): UsageError {
  return new UsageError('SMS_CODE_NEEDED', 'apply.error.smsNeeded', {
    params: { id: id ?? '-' },
    hintKey: 'apply.hint.resumeSms',
    hintParams: { id: id ?? '-' },
    data: id ? { applicationId: id } : undefined,
  });
}

/** Ready to send, but nobody can confirm it (no terminal) and --yes was not given. */
export function confirmationNeeded(id: string): UsageError {
  return new UsageError('SUBMIT_CONFIRMATION_NEEDED', 'apply.error.confirmNeeded', {
    hintKey: 'apply.hint.resumeYes',
    hintParams: { id },
    data: { applicationId: id },
  });
}
