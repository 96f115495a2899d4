import { companyCard, labelled } from '../../../lib/account/index.js';
import type { CompanyCard } from '../../../lib/portal/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';

/** `--json` result of `oneid le show`. */
export type LeShowResult = CompanyCard;

export default class LeShow extends BaseCommand<typeof LeShow> {
  static override summary = t('cmd.le.show.summary');
  static override description = t('cmd.le.show.description');
  static override examples = ['<%= config.bin %> le show', '<%= config.bin %> le show --json'];
  static override flags = {
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LeShowResult> {
    const { ctx } = this;
    const card = await companyCard(await ctx.portal(), await ctx.sessions());
    for (const line of labelled([
      [t('account.company.name'), card.name],
      [t('account.company.tin'), card.tin],
      [t('account.company.director'), card.director.fullName],
      [t('account.company.address'), card.address],
      [t('account.company.yourRole'), card.yourRole],
    ]))
      ctx.out(line);
    if (card.employees.length === 0) ctx.note(t('account.company.noEmployees'));
    else ctx.out(t('account.company.employees'));
    for (const e of card.employees)
      ctx.out(`  ${e.fullName}  ${e.role}${e.bound ? '' : `  (${t('account.company.notBound')})`}`);
    return card;
  }
}
