import { Flags } from '@oclif/core';

import { logOut, type LoggedOut } from '../../lib/account/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../index.js';
import { t } from '../../lib/i18n/index.js';

/** `--json` result of `oneid logout`. */
export interface LogoutResult {
  loggedOut: LoggedOut[];
  source: 'keychain' | 'file' | 'ONEID_TOKEN';
}

export default class Logout extends BaseCommand<typeof Logout> {
  static override summary = t('cmd.logout.summary');
  static override description = t('cmd.logout.description');
  static override examples = ['<%= config.bin %> logout', '<%= config.bin %> logout --all'];
  static override flags = {
    all: Flags.boolean({ summary: t('cmd.logout.flag.all') }),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LogoutResult> {
    const { ctx } = this;
    const place = await ctx.sessions();
    const loggedOut = await logOut(await ctx.portal(), place, {
      all: this.flags.all,
      unreachable: (portal) => ctx.warning(t('account.logout.unreachable', { portal })),
    });
    for (const s of loggedOut)
      ctx.out(t('account.logout.done', { login: s.login ?? 'ONEID_TOKEN', portal: s.portal }));
    if (loggedOut.length === 0) ctx.note(t('account.logout.none'));
    if (place.store.source === 'ONEID_TOKEN') ctx.hint('account.hint.unsetToken');
    return { loggedOut, source: place.store.source };
  }
}
