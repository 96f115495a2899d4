/**
 * The portal's refusals on the account endpoints, told in the user's language with what to do
 * next. The portal's English message is generic ("The portal refused the request: …"); each
 * documented failure of the account flows (wrong SMS code, expired passport, duplicate login…)
 * gets its own message and hint here. The portal's `code` is kept as the error code, so scripts
 * see the same codes as in docs/portal-api.yaml, and the exit code stays that of the category.
 */
import {
  AuthError,
  isOneIdError,
  PortalRefusedError,
  type OneIdError,
  type Params,
} from '../errors/index.js';
import { retryParams } from '../i18n/index.js';

interface Explanation {
  key: string;
  hintKey?: string;
  /** Exit-code category when it differs from the transport's (e.g. a role refusal is exit 3). */
  as?: 'auth' | 'refused';
}

// Literal keys, one per documented code (the i18n test checks every key is used literally).
const EXPLAINED: Record<string, Explanation> = {
  IDENTITY_NOT_FOUND: { key: 'account.refused.identityNotFound', hintKey: 'account.hint.checkPassport' },
  IDENTITY_ATTEMPTS_EXCEEDED: { key: 'account.refused.identityAttempts', hintKey: 'common.hint.retryAfter' },
  PASSPORT_EXPIRED: { key: 'account.refused.passportExpired', hintKey: 'account.hint.renewPassport' },
  PASSPORT_IDENTIFICATION_UNAVAILABLE: {
    key: 'account.refused.foreigner',
    hintKey: 'account.hint.registerWithKey',
  },
  ACCOUNT_EXISTS: { key: 'account.refused.accountExists', hintKey: 'account.hint.login' },
  LOGIN_TAKEN: { key: 'account.refused.loginTaken', hintKey: 'account.hint.otherLogin' },
  LOGIN_INVALID: { key: 'account.refused.loginInvalid' },
  PASSWORD_WEAK: { key: 'account.refused.passwordWeak' },
  EMAIL_INVALID: { key: 'account.refused.emailInvalid' },
  PHONE_INVALID: { key: 'account.refused.phoneInvalid' },
  SMS_CODE_INVALID: { key: 'account.refused.smsCodeInvalid', hintKey: 'account.hint.smsCodeRetry' },
  SMS_CODE_EXPIRED: { key: 'account.refused.smsCodeExpired', hintKey: 'account.hint.registerAgain' },
  SMS_CODE_MISSING: { key: 'account.refused.smsCodeExpired', hintKey: 'account.hint.registerAgain' },
  SMS_ATTEMPTS_EXCEEDED: { key: 'account.refused.smsAttempts', hintKey: 'account.hint.registerAgain' },
  SMS_RATE_LIMITED: { key: 'account.refused.smsRateLimited', hintKey: 'common.hint.retryAfter' },
  REGISTRATION_COMPLETED: { key: 'account.refused.registrationCompleted', hintKey: 'account.hint.login' },
  REGISTRATION_NOT_FOUND: { key: 'account.refused.registrationGone', hintKey: 'account.hint.registerAgain' },
  INVALID_CREDENTIALS: { key: 'account.refused.credentials', hintKey: 'account.hint.credentials' },
  ACCOUNT_LOCKED: { key: 'account.refused.locked', hintKey: 'common.hint.retryAfter' },
  IP_LOCKED: { key: 'account.refused.locked', hintKey: 'common.hint.retryAfter' },
  ROLE_NOT_AVAILABLE: { key: 'account.refused.roleNotAvailable', hintKey: 'account.hint.leList', as: 'auth' },
  UNAUTHENTICATED: { key: 'account.refused.sessionGone', hintKey: 'account.hint.login', as: 'auth' },
  ACCOUNT_UNVERIFIED: { key: 'account.refused.notVerified', hintKey: 'account.hint.verify' },
  PINFL_MISMATCH: { key: 'account.refused.pinflMismatch', hintKey: 'account.hint.ownKey' },
  SIGNATURE_INVALID: { key: 'account.refused.signatureInvalid', hintKey: 'account.hint.keyDoctor' },
  CERTIFICATE_REVOKED: { key: 'account.refused.certificateRevoked', hintKey: 'account.hint.revokedKey' },
  CHALLENGE_INVALID: { key: 'account.refused.challenge', hintKey: 'account.hint.clock' },
  CERTIFICATE_WITHOUT_PINFL: { key: 'account.refused.noPinfl' },
  NO_ACCOUNT_FOR_KEY: {
    key: 'account.refused.noAccountForKey',
    hintKey: 'account.hint.register',
    as: 'refused',
  },
  LEGAL_ENTITY_NOT_BOUND: { key: 'account.refused.notBound', hintKey: 'account.hint.leBind' },
  ALREADY_BOUND: { key: 'account.refused.alreadyBound', hintKey: 'account.hint.leList' },
  NOT_DIRECTOR: { key: 'account.refused.notDirector' },
  COMPANY_NOT_FOUND: { key: 'account.refused.companyNotFound' },
  NOT_A_LEGAL_ENTITY_KEY: { key: 'account.refused.notCompanyKey', hintKey: 'account.hint.companyKey' },
  // Issue 17: the company's employees, the password.
  ROLE_REQUIRED: { key: 'account.refused.roleRequired', hintKey: 'account.hint.switchCompany', as: 'auth' },
  ALREADY_AUTHORIZED: { key: 'account.refused.alreadyAuthorized' },
  EMPLOYEE_NOT_FOUND: { key: 'account.refused.employeeNotFound', hintKey: 'account.hint.employeesAdd' },
  IS_DIRECTOR: { key: 'account.refused.isDirector' },
  NOT_IN_REGISTRY: { key: 'account.refused.notInRegistry' },
  PASSWORD_WRONG: { key: 'account.refused.passwordWrong' },
  PASSWORD_UNCHANGED: { key: 'account.refused.passwordUnchanged' },
  RECOVERY_LOCKED: { key: 'account.refused.recoveryLocked', hintKey: 'common.hint.retryAfter' },
};

/** The portal's answer body kept by `http.ts` in the error's data. */
export function portalBody(e: OneIdError): Record<string, unknown> {
  const p = e.data?.portal;
  return p && typeof p === 'object' ? (p as Record<string, unknown>) : {};
}

/** Re-throw a portal refusal as the account area's message for its code; others pass through. */
export function explainRefusal(e: unknown, extra: Params = {}): never {
  if (!isOneIdError(e) || (e.category !== 'portal-refused' && e.category !== 'auth')) throw e;
  const how = EXPLAINED[e.code];
  if (!how || e.key.startsWith('account.')) throw e; // unknown code, or explained already
  const body = portalBody(e);
  const params: Params = { ...extra, message: String(body.message ?? e.params.message ?? '') };
  for (const k of ['attemptsLeft', 'retryAfter'] as const)
    if (typeof body[k] === 'number') params[k] = body[k] as number;
  params.retryAfter ??= 60;
  const hintParams = { ...params, ...retryParams(params.retryAfter as number) };
  const details = { params, hintKey: how.hintKey, hintParams, cause: e, data: e.data };
  const category = how.as ?? (e.category === 'auth' ? 'auth' : 'refused');
  throw category === 'auth'
    ? new AuthError(e.code, how.key, details)
    : new PortalRefusedError(e.code, how.key, details);
}

/** Run a portal call and explain its refusals. */
export async function explained<T>(call: Promise<T>, extra: Params = {}): Promise<T> {
  try {
    return await call;
  } catch (e) {
    return explainRefusal(e, extra);
  }
}

/** True when `e` is a portal refusal with one of these codes. */
export function refusedWith(e: unknown, ...codes: string[]): e is OneIdError {
  return isOneIdError(e) && codes.includes(e.code);
}
