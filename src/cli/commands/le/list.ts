import { boundEntities, type BoundEntity } from '../../../lib/account/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';

/** `--json` result of `oneid le list`. */
export interface LeListResult {
  legalEntities: BoundEntity[];
}

export default class LeList extends BaseCommand<typeof LeList> {
  static override summary = t('cmd.le.list.summary');
  static override description = t('cmd.le.list.description');
  static override examples = ['<%= config.bin %> le list', '<%= config.bin %> le list --json'];
  static override flags = {
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LeListResult> {
    const { ctx } = this;
    const legalEntities = await boundEntities(await ctx.portal(), await ctx.sessions());
    if (legalEntities.length === 0) {
      ctx.note(t('account.le.none'));
      ctx.hint('account.hint.leBind');
      return { legalEntities };
    }
    const width = Math.max(...legalEntities.map((e) => [...(e.name ?? '')].length));
    for (const e of legalEntities)
      ctx.out(`${e.active ? '*' : ' '} ${e.tin}  ${(e.name ?? '').padEnd(width)}  ${e.role ?? ''}`);
    return { legalEntities };
  }
}
