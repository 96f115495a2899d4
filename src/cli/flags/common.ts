import { Flags } from '@oclif/core';

import { t } from '../../lib/i18n/index.js';

/** `--portal URL` for commands that talk to a portal (overrides ONEID_PORTAL and the profile). */
export const portalFlag = Flags.string({
  summary: t('cmd.flag.portal'),
  // ONEID_PORTAL is read by the settings resolver (source "env"), not bound here.
  helpGroup: 'GLOBAL',
});
