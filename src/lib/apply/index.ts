/**
 * The key-application area (`key apply`, `key status`): the online application as resumable
 * steps, the local state of pending applications, the pending PFX and installing the issued key.
 */
export { DEFAULT_ALGORITHM, parseKeyAlgorithm, type KeyAlgorithmChoice } from './algorithm.js';
export { ensureKeyFolder, keyFolderCandidates, type KeyFolderChoice } from './destination.js';
export {
  continueApplication,
  startApplication,
  type ApplicationReview,
  type ApplyIo,
  type NewApplication,
} from './flow.js';
export {
  checkImage,
  imageType,
  MAX_IMAGE_BYTES,
  type CheckedImage,
  type DocumentKind,
  type ImageType,
} from './images.js';
export { holderSessionToken } from './holder-session.js';
export { checkIssued, installKey, keyFileBase, type InstalledKey } from './install.js';
export { openPendingKey, type PendingKey } from './pending-key.js';
export {
  accessFor,
  actWithSession,
  applicationsDir,
  lacksAccess,
  listStates,
  loadState,
  pendingKeyFile,
  saveState,
  STEPS,
  type ApplicationState,
  type ApplyStep,
  type StatusChange,
} from './state.js';
export {
  FINAL_STATUSES,
  installIssued,
  isFinal,
  refreshApplication,
  watchApplication,
  type WatchOptions,
} from './status.js';
export {
  doneText,
  historyLines,
  invoiceLines,
  sourceText,
  statusText,
  stepText,
  typeText,
} from './render.js';
export {
  confirmationNeeded,
  explainRefusal,
  interruptedError,
  portalStep,
  smsCodeNeeded,
} from './refusals.js';
export {
  checkKeyFolder,
  newApplicationInput,
  resumeInput,
  resumeNeedsPassword,
  type ApplyAnswers,
  type ApplyAsk,
  type ResumeAnswers,
} from './input.js';
export {
  applicationSummary,
  applyOutcome,
  applyResult,
  isSubmitted,
  listOutcome,
  elsewhereOutcome,
  rejectedError,
  remoteSummary,
  statusOutcome,
  type KeyApplicationSummary,
  type KeyApplyResult,
  type KeyStatusResult,
  type Outcome,
} from './result.js';
export {
  applicationStatus,
  applyForKey,
  type ApplyRequest,
  type StatusAnswer,
  type StatusIo,
  type StatusRequest,
} from './run.js';
export { narration, reviewLines, type Narrator } from './render.js';
