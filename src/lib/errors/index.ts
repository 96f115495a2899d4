/**
 * Typed errors shared by every area. Library code throws these; only `src/lib/cli` turns them
 * into exit codes, JSON envelopes and translated messages (see `exitCodeFor` there).
 *
 * Each error carries:
 * - `code`: a stable machine-readable identifier for scripts (`KEY_PASSWORD`, `PINFL_CHECK_DIGIT`…);
 * - `key` + `params`: the i18n catalog key of the user-facing message and its parameters;
 * - optionally `hintKey` + `hintParams`: what the user can do about it.
 * `message` holds an English rendering for logs and programmatic users; the CLI re-renders in
 * the user's language.
 */
export type Params = Record<string, string | number | boolean | undefined>;

export interface ErrorDetails {
  params?: Params;
  hintKey?: string;
  hintParams?: Params;
  cause?: unknown;
  /** Extra machine-readable data for the JSON envelope (never secrets). */
  data?: Record<string, unknown>;
}

/** Message renderer installed by the i18n module so errors have readable `message`s everywhere. */
let render: (key: string, params?: Params) => string = (key) => key;
export function setErrorRenderer(fn: (key: string, params?: Params) => string): void {
  render = fn;
}

export abstract class OneIdError extends Error {
  /** Exit-code category; mapped to a number in one place (`src/cli/exit-codes.ts`). */
  abstract readonly category: ErrorCategory;
  readonly code: string;
  readonly key: string;
  readonly params: Params;
  readonly hintKey?: string;
  readonly hintParams?: Params;
  readonly data?: Record<string, unknown>;

  constructor(code: string, key: string, details: ErrorDetails = {}) {
    super(render(key, details.params), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.key = key;
    this.params = details.params ?? {};
    this.hintKey = details.hintKey;
    this.hintParams = details.hintParams;
    this.data = details.data;
  }
}

export type ErrorCategory =
  | 'usage'
  | 'auth'
  | 'key-password'
  | 'key-unusable'
  | 'signature'
  | 'network'
  | 'portal-refused'
  | 'storage'
  | 'batch'
  | 'interrupted'
  | 'internal';

/** Exit 2: unknown flag, bad argument, invalid identifier, missing non-interactive input. */
export class UsageError extends OneIdError {
  readonly category = 'usage' as const;
}
/** Exit 2 as well, but specific to identifiers (PINFL, TIN, passport, phone, login, password). */
export class InvalidIdentifierError extends UsageError {}
/** Exit 3: not logged in, session expired, role does not allow. */
export class AuthError extends OneIdError {
  readonly category = 'auth' as const;
}
/** Exit 4: wrong key password; nothing was written. */
export class KeyPasswordError extends OneIdError {
  readonly category = 'key-password' as const;
}
/** Exit 5: key or certificate unusable (expired, corrupt, unsupported algorithm…). */
export class KeyUnusableError extends OneIdError {
  readonly category = 'key-unusable' as const;
}
/** Exit 5: a subclass for unsupported algorithms / OIDs (names the algorithm). */
export class UnsupportedAlgorithmError extends KeyUnusableError {}
/** Exit 5: corrupt, truncated or malformed key / certificate / DER input. */
export class MalformedError extends KeyUnusableError {}
/** Exit 6: a signature did not verify. */
export class SignatureError extends OneIdError {
  readonly category = 'signature' as const;
}
/** Exit 7: portal unreachable or timed out. */
export class NetworkError extends OneIdError {
  readonly category = 'network' as const;
}
/** Exit 8: the portal refused the request (business rule). */
export class PortalRefusedError extends OneIdError {
  readonly category = 'portal-refused' as const;
}
/** Exit 9: secure storage unavailable / locked. */
export class StorageError extends OneIdError {
  readonly category = 'storage' as const;
}
/** Exit 10: a batch finished with some items failed. */
export class BatchError extends OneIdError {
  readonly category = 'batch' as const;
}
/** Exit 130: interrupted by the user. */
export class InterruptedError extends OneIdError {
  readonly category = 'interrupted' as const;
}
/** Exit 1: a bug or an unexpected condition. */
export class InternalError extends OneIdError {
  readonly category = 'internal' as const;
}

export function isOneIdError(e: unknown): e is OneIdError {
  return e instanceof OneIdError;
}
