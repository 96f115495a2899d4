import { Flags } from '@oclif/core';

/** `--data DIR` of every `oneid sandbox` command. */
export const dataFlag = Flags.string({
  summary: 'Sandbox data directory (default: the user data dir, oneid/sandbox).',
  env: 'ONEID_SANDBOX_DATA',
});

/** `--url` of the admin commands: talk to a sandbox other than the one the data dir records. */
export const urlFlag = Flags.string({
  summary: 'URL of a running sandbox (default: the one started for --data).',
});
