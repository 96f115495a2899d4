/**
 * Control of the local sandbox portal from the CLI: start/stop it as a child process, find the
 * running one of a data dir, and call its loopback administration API. The portal itself lives in
 * `src/sandbox` and is never imported here; what both sides know (file names, data-dir rules, the
 * admin API's wire shapes) is in `src/lib/sandbox-contract` (ARCHITECTURE.md).
 */
export { sandboxDataDir, LOG_FILE, REVOKE_REASONS } from '../sandbox-contract/index.js';
export {
  clearData,
  health,
  isAlive,
  runForeground,
  runningSandbox,
  startDetached,
  stopSandbox,
  type SandboxInfo,
  type StartOptions,
} from './process.js';
export {
  SandboxAdmin,
  revocationSerial,
  type ApplicationView,
  type RevokeAnswer,
  type RevokeReason,
  type OutboxMessage,
  type RegistryCompany,
  type RegistryPerson,
  type SandboxStatus,
} from './admin.js';
