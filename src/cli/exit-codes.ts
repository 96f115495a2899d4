/**
 * The exit-code table of CLI-CONTRACT.md, and the one place where errors become exit codes.
 */
import { isOneIdError, type ErrorCategory } from '../lib/errors/index.js';

export const EXIT = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  AUTH: 3,
  KEY_PASSWORD: 4,
  KEY_UNUSABLE: 5,
  SIGNATURE: 6,
  NETWORK: 7,
  PORTAL_REFUSED: 8,
  STORAGE: 9,
  BATCH: 10,
  INTERRUPTED: 130,
  /** Set by @oclif/plugin-not-found, never by a command: listed so that help and README say so. */
  UNKNOWN_COMMAND: 127,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_CATEGORY: Record<ErrorCategory, ExitCode> = {
  usage: EXIT.USAGE,
  auth: EXIT.AUTH,
  'key-password': EXIT.KEY_PASSWORD,
  'key-unusable': EXIT.KEY_UNUSABLE,
  signature: EXIT.SIGNATURE,
  network: EXIT.NETWORK,
  'portal-refused': EXIT.PORTAL_REFUSED,
  storage: EXIT.STORAGE,
  batch: EXIT.BATCH,
  interrupted: EXIT.INTERRUPTED,
  internal: EXIT.INTERNAL,
};

/** oclif's own parse errors (unknown flag, missing argument…) are usage errors. */
function isOclifUsageError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { parse?: unknown; oclif?: { exit?: number }; name?: string };
  if (e.parse !== undefined) return true;
  return e.oclif?.exit === 2;
}

export function exitCodeFor(err: unknown): ExitCode {
  if (isOneIdError(err)) return BY_CATEGORY[err.category];
  if (isOclifUsageError(err)) return EXIT.USAGE;
  return EXIT.INTERNAL;
}

/** Catalog keys describing each exit code (used by `oneid help exit-codes` and the README). */
export const EXIT_DESCRIPTIONS: ReadonlyArray<readonly [ExitCode, string]> = [
  [EXIT.OK, 'help.exit.0'],
  [EXIT.INTERNAL, 'help.exit.1'],
  [EXIT.USAGE, 'help.exit.2'],
  [EXIT.AUTH, 'help.exit.3'],
  [EXIT.KEY_PASSWORD, 'help.exit.4'],
  [EXIT.KEY_UNUSABLE, 'help.exit.5'],
  [EXIT.SIGNATURE, 'help.exit.6'],
  [EXIT.NETWORK, 'help.exit.7'],
  [EXIT.PORTAL_REFUSED, 'help.exit.8'],
  [EXIT.STORAGE, 'help.exit.9'],
  [EXIT.BATCH, 'help.exit.10'],
  [EXIT.UNKNOWN_COMMAND, 'help.exit.127'],
  [EXIT.INTERRUPTED, 'help.exit.130'],
];
