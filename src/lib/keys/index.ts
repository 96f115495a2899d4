/**
 * The keys area: discovery of E-IMZO key folders (DSKEYS), listing without a password, the key
 * store (resolve `<file|alias|serial>`, open, change password, save atomically) and the doctor.
 */
export {
  envRoots,
  keyFolders,
  keyRoots,
  type DiscoveryOptions,
  type KeyRoot,
  type RootSource,
} from './roots.js';
export { parseMountinfo, removableMounts, type RemovableProbe } from './removable.js';
export {
  findKeyFiles,
  listKeys,
  summarizePfx,
  type KeyListing,
  type KeyProblem,
  type KeySummary,
} from './list.js';
export {
  changeKeyPassword,
  openKey,
  readKeyFile,
  resolveKeyRef,
  saveKeyFile,
  type ChangePasswordResult,
  type OpenedKey,
  type PasswordSource,
  type ResolvedKey,
} from './store.js';
export { certificateDetails, inspectKey, type CertificateDetails, type KeyInspection } from './inspect.js';
export {
  chainCheck,
  runDoctor,
  type CheckId,
  type CheckStatus,
  type DoctorCheck,
  type DoctorOptions,
  type DoctorReport,
} from './doctor.js';
export { doctorFailure } from './doctor-policy.js';
export { loadTrustedCertificates } from './trusted.js';
