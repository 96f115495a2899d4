/** Flags the account commands share (declared once so help reads the same everywhere). */
import { Flags } from '@oclif/core';

import { t } from '../../lib/i18n/index.js';

export const insecureStorageFlag = Flags.boolean({
  summary: t('cmd.flag.insecure-storage'),
  description: t('cmd.flag.insecure-storage.description'),
  helpGroup: 'SESSION',
});

/**
 * `--key`: what the key is for (`summary`, the command's words), then which references it takes.
 * Help shows `cmd.<id>.flag.key` when the command has one, else `cmd.flag.key`, in the user's language.
 */
export const keyFlag = (summary: string) =>
  Flags.string({ char: 'k', summary: `${summary} ${t('cmd.flag.key.which')}` });

export const roleFlag = Flags.string({ summary: t('cmd.flag.role') });
