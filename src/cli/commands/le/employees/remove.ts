import { Args } from '@oclif/core';

import { revokeEmployee } from '../../../../lib/account/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../../../index.js';
import { t } from '../../../../lib/i18n/index.js';

/** `--json` result of `oneid le employees remove`. */
export interface LeEmployeesRemoveResult {
  pinfl: string;
  /** The employee's sessions in the company role that the portal ended. */
  sessionsEnded: number;
}

export default class LeEmployeesRemove extends BaseCommand<typeof LeEmployeesRemove> {
  static override summary = t('cmd.le.employees.remove.summary');
  static override description = t('cmd.le.employees.remove.description');
  static override examples = ['<%= config.bin %> le employees remove 41604714357530'];
  static override args = {
    pinfl: Args.string({ description: t('cmd.le.employees.remove.arg.pinfl'), required: true }),
  };
  static override flags = {
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LeEmployeesRemoveResult> {
    const { ctx } = this;
    const r = await revokeEmployee(await ctx.portal(), await ctx.sessions(), this.args.pinfl);
    ctx.out(
      t('account.employees.removed', {
        pinfl: r.pinfl,
        sessions: r.sessionsEnded,
        keys: r.certificatesRevoked,
      }),
    );
    return r;
  }
}
