import { Flags } from '@oclif/core';

/** `--portal URL` for commands that talk to a portal (overrides ONEID_PORTAL and the profile). */
export const portalFlag = Flags.string({
  summary: 'Portal base URL (default: the local sandbox, http://127.0.0.1:8765).',
  env: 'ONEID_PORTAL',
  helpGroup: 'GLOBAL',
});
