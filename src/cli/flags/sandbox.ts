import { Flags } from '@oclif/core';

import { t } from '../../lib/i18n/index.js';

/** `--data DIR` of every `oneid sandbox` command. */
export const dataFlag = Flags.string({ summary: t('cmd.flag.data'), env: 'ONEID_SANDBOX_DATA' });

/** `--url` of the admin commands: talk to a sandbox other than the one the data dir records. */
export const urlFlag = Flags.string({ summary: t('cmd.flag.url') });
