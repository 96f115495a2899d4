import { Args, Flags } from '@oclif/core';

import { authorizeEmployee, EMPLOYEE_ROLES } from '../../../../lib/account/index.js';
import type { Employee } from '../../../../lib/portal/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../../../index.js';
import { t } from '../../../../lib/i18n/index.js';

/** `--json` result of `oneid le employees add`. */
export type LeEmployeesAddResult = Employee;

export default class LeEmployeesAdd extends BaseCommand<typeof LeEmployeesAdd> {
  static override summary = t('cmd.le.employees.add.summary');
  static override description = t('cmd.le.employees.add.description');
  static override examples = [
    '<%= config.bin %> le employees add 41604714357530 --role "Common For Accountant"',
    '<%= config.bin %> le employees add 41604714357530 --role accountant --json',
  ];
  static override args = {
    pinfl: Args.string({ description: t('cmd.le.employees.add.arg.pinfl') }),
  };
  static override flags = {
    role: Flags.string({ summary: t('cmd.le.employees.add.flag.role') }),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LeEmployeesAddResult> {
    const { ctx } = this;
    const usage = `${this.config.bin} le employees add PINFL --role ROLE`;
    const pinfl = await ctx.valueOrAsk(this.args.pinfl, { arg: 'PINFL', usage }, (p) =>
      p.input({ message: t('account.prompt.employeePinfl') }),
    );
    const role = await ctx.valueOrAsk(this.flags.role, { flag: 'role' }, (p) =>
      p.select({
        message: t('account.prompt.employeeRole'),
        choices: EMPLOYEE_ROLES.map((r) => ({ name: r, value: r as string })),
      }),
    );
    const added = await authorizeEmployee(await ctx.portal(), await ctx.sessions(), { pinfl, role });
    ctx.out(t('account.employees.added', { name: added.fullName, role: added.role }));
    ctx.hint('account.hint.employeeNext');
    return added;
  }
}
