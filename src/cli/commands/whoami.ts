import { Flags } from '@oclif/core';

import { labelled, roleLabel, statusLabel, whoAmI, type Identity } from '../../lib/account/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../index.js';
import { t } from '../../lib/i18n/index.js';

/** `--json` result of `oneid whoami`. */
export type WhoamiResult = Identity;

const SOURCE = {
  keychain: 'account.whoami.source.keychain',
  file: 'account.whoami.source.file',
  ONEID_TOKEN: 'account.whoami.source.token',
} as const;

const METHOD: Record<string, string> = {
  LOGINPASSMETHOD: 'account.whoami.method.password',
  PKCSMETHOD: 'account.whoami.method.key',
  LEPKCSMETHOD: 'account.whoami.method.companyKey',
};

export default class Whoami extends BaseCommand<typeof Whoami> {
  static override summary = t('cmd.whoami.summary');
  static override description = t('cmd.whoami.description');
  static override examples = [
    '<%= config.bin %> whoami',
    '<%= config.bin %> whoami --show-pinfl --json',
    'ONEID_TOKEN=$TOKEN <%= config.bin %> whoami',
  ];
  static override flags = {
    'show-pinfl': Flags.boolean({ summary: t('cmd.whoami.flag.show-pinfl') }),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<WhoamiResult> {
    const { ctx } = this;
    const me = await whoAmI(await ctx.portal(), await ctx.sessions(), {
      showPinfl: this.flags['show-pinfl'],
    });
    // The portal's method code in words; unknown codes are shown as the portal sends them.
    const method = METHOD[me.authMethod];
    for (const line of labelled([
      [t('account.whoami.login'), me.login],
      [t('account.whoami.name'), me.fullName],
      [t('account.whoami.pinfl'), me.pinfl],
      [t('account.whoami.status'), statusLabel(me.status)],
      [t('account.whoami.role'), roleLabel(me.role)],
      [t('account.whoami.method'), method ? t(method) : me.authMethod],
      [t('account.whoami.expires'), me.expiresAt],
      [t('account.whoami.portal'), me.portal],
      [t('account.whoami.source'), t(SOURCE[me.source])],
    ]))
      ctx.out(line);
    if (me.source === 'file') ctx.warning(t('account.session.insecure'));
    if (me.status === 'unverified') ctx.hint('account.hint.verify');
    return me;
  }
}
