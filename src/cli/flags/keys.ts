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

/** Revocation checking (`key sign`, `key verify`, `key doctor`); the mode is also a setting. */
export const revocationFlags = {
  revocation: Flags.option({
    options: ['auto', 'require', 'off'] as const,
    summary: t('cmd.flag.revocation'),
    // ONEID_REVOCATION and the profile are read by the settings resolver (flag > env > profile).
  })(),
  crl: Flags.string({ summary: t('cmd.flag.crl'), multiple: true }),
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
