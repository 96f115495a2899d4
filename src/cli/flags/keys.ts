/** Flags of the key and signature commands. */
import { Flags } from '@oclif/core';

import { t } from '../../lib/i18n/index.js';

/** The key password's non-prompt sources (ONEID_KEY_PASSWORD is the third, see secrets.ts). */
export const keyPasswordFlags = {
  'key-password-file': Flags.file({
    summary: t('cmd.flag.key-password-file'),
    exists: false,
    helpGroup: 'SECRET',
  }),
  'key-password-stdin': Flags.boolean({ summary: t('cmd.flag.key-password-stdin'), helpGroup: 'SECRET' }),
};

/** The new key password's non-prompt sources (`key passwd`; ONEID_NEW_KEY_PASSWORD is the third). */
export const newKeyPasswordFlags = {
  'new-key-password-file': Flags.file({
    summary: t('cmd.flag.new-key-password-file'),
    exists: false,
    helpGroup: 'SECRET',
  }),
  'new-key-password-stdin': Flags.boolean({
    summary: t('cmd.flag.new-key-password-stdin'),
    helpGroup: 'SECRET',
  }),
};
