import { accountContext, explained, legalEntitiesOf, requireSession } from '../../../lib/account/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { getSession } from '../../../lib/portal/index.js';

/** `--json` result of `oneid le list`. */
export interface LeListResult {
  legalEntities: Array<{
    tin: string;
    name?: string;
    role?: string;
    /** True for the legal entity the current session acts for. */
    active: boolean;
  }>;
}

export default class LeList extends BaseCommand<typeof LeList> {
  static override summary = t('cmd.le.list.summary');
  static override description = `The legal entities you can act for (oneid login --role <TIN>), with your role in each;
the one the current session acts for is marked. Exit 3 when not logged in.

JSON result: { legalEntities: [{ tin, name?, role?, active }] }`;
  static override examples = ['<%= config.bin %> le list', '<%= config.bin %> le list --json'];
  static override flags = {
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LeListResult> {
    const { http, place } = accountContext(this.settings, this.flags['insecure-storage'], {
      warn: (m) => this.warning(m),
    });
    const session = await requireSession(place);
    const [entities, info] = await Promise.all([
      legalEntitiesOf(http, session.token),
      explained(getSession(http, session.token)),
    ]);
    const activeTin = info.role.type === 'legal' ? info.role.tin : undefined;
    const result: LeListResult = {
      legalEntities: entities.map((e) => ({
        tin: e.tin!,
        name: e.name,
        role: e.role,
        active: e.tin === activeTin,
      })),
    };
    if (result.legalEntities.length === 0) {
      this.note(t('account.le.none'));
      this.hint('account.hint.leBind');
      return result;
    }
    const width = Math.max(...result.legalEntities.map((e) => [...(e.name ?? '')].length));
    for (const e of result.legalEntities)
      this.out(`${e.active ? '*' : ' '} ${e.tin}  ${(e.name ?? '').padEnd(width)}  ${e.role ?? ''}`);
    return result;
  }
}
