/** Flags the account commands share (declared once so help reads the same everywhere). */
import { Flags } from '@oclif/core';

import { t } from '../../lib/i18n/index.js';
import { secretFlags, type SecretName } from '../secrets.js';

export const insecureStorageFlag = Flags.boolean({
  summary: t('cmd.flag.insecure-storage'),
  description: t('cmd.flag.insecure-storage.description'),
  helpGroup: 'SESSION',
});

/** `--key`, with the command's own help text (from the catalog). */
export const keyFlag = (summary: string) => Flags.string({ char: 'k', summary });

/**
 * A secret's `--<name>-file` and `--<name>-stdin` with the command's help texts from the catalog
 * (`cmd.<id>.flag.<name>-file`, `…-stdin`).
 */
export function secretFlagsWith<N extends SecretName>(name: N, file: string, stdin: string) {
  const f = secretFlags(name) as Record<string, object>;
  return {
    [`${name}-file`]: { ...f[`${name}-file`], summary: file },
    [`${name}-stdin`]: { ...f[`${name}-stdin`], summary: stdin },
  } as unknown as ReturnType<typeof secretFlags<N>>;
}

export const roleFlag = Flags.string({ summary: t('cmd.login.flag.role') });
