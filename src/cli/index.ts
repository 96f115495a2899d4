/** The CLI layer every command builds on: see base-command.ts and CLI-CONTRACT.md. */
export { BaseCommand, type BaseFlags, type BaseArgs } from './base-command.js';
export { EXIT, EXIT_DESCRIPTIONS, exitCodeFor, type ExitCode } from './exit-codes.js';
export { describeError, errorEnvelope, type SuccessEnvelope, type ErrorEnvelope } from './envelope.js';
export { detectTerminal, type Terminal } from './terminal.js';
export {
  secretFlags,
  readSecret,
  readStdinOnce,
  trimNewline,
  SECRET_ENV,
  type SecretName,
} from './secrets.js';
export { createProgress, startSpinner, formatDuration, type Progress, type Spinner } from './progress.js';
export { dataFlag, insecureStorageFlag, keyFlag, portalFlag, roleFlag, urlFlag } from './flags/index.js';
// The pickers load the keys area (pki, crypto): commands import them from ./pickers/ directly,
// so that the commands that do not pick keys do not pay for it at start-up.
