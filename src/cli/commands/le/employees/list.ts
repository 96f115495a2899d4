import { employeesOf } from '../../../../lib/account/index.js';
import type { Employee } from '../../../../lib/portal/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../../../index.js';
import { t } from '../../../../lib/i18n/index.js';

/** `--json` result of `oneid le employees list`. */
export interface LeEmployeesListResult {
  tin: string;
  employees: Employee[];
}

export default class LeEmployeesList extends BaseCommand<typeof LeEmployeesList> {
  static override summary = t('cmd.le.employees.list.summary');
  static override description = t('cmd.le.employees.list.description');
  static override examples = [
    '<%= config.bin %> le employees list',
    '<%= config.bin %> le employees list --json',
  ];
  static override flags = {
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LeEmployeesListResult> {
    const { ctx } = this;
    const r = await employeesOf(await ctx.portal(), await ctx.sessions());
    if (r.employees.length === 0) {
      ctx.note(t('account.employees.none', { tin: r.tin }));
      ctx.hint('account.hint.employeesAdd');
    }
    for (const e of r.employees)
      ctx.out(
        `${e.pinfl}  ${e.fullName}  ${e.role}  ${t(e.bound ? 'account.employees.bound' : 'account.employees.notBound')}`,
      );
    return r;
  }
}
