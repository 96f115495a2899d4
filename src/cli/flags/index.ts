/** Flags that several commands share, declared once so that help reads the same everywhere. */
export { portalFlag } from './common.js';
export { insecureStorageFlag, keyFlag, roleFlag } from './account.js';
export { dataFlag, urlFlag } from './sandbox.js';
