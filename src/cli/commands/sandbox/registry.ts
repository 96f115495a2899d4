import { Flags } from '@oclif/core';
import { BaseCommand, dataFlag, urlFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  SandboxAdmin,
  sandboxDataDir,
  type RegistryCompany,
  type RegistryPerson,
} from '../../../lib/sandbox-control/index.js';

/** `--json` result of `oneid sandbox registry`: the records as the portal holds them. */
export interface SandboxRegistryResult {
  persons: RegistryPerson[];
  companies: RegistryCompany[];
}

export default class SandboxRegistry extends BaseCommand<typeof SandboxRegistry> {
  static override summary = t('cmd.sandbox.registry.summary');
  static override description = t('cmd.sandbox.registry.description');
  static override examples = [
    '<%= config.bin %> sandbox registry --free --limit 5',
    '<%= config.bin %> sandbox registry --kind foreign --json',
  ];
  static override flags = {
    data: dataFlag,
    url: urlFlag,
    kind: Flags.option({
      options: ['citizen', 'foreign', 'stateless'] as const,
      summary: t('cmd.sandbox.registry.flag.kind'),
    })(),
    free: Flags.boolean({ summary: t('cmd.sandbox.registry.flag.free') }),
    limit: Flags.integer({ summary: t('cmd.sandbox.registry.flag.limit'), min: 1, max: 1000 }),
  };

  async run(): Promise<SandboxRegistryResult> {
    const { ctx, flags } = this;
    const admin = SandboxAdmin.forDataDir(sandboxDataDir(flags.data), flags.url);
    const r = await admin.registry({ kind: flags.kind, free: flags.free || undefined, limit: flags.limit });
    ctx.out(t('sandbox.registry.persons', { count: r.persons.length }));
    for (const p of r.persons) {
      const name = [p.surname, p.first_name, p.patronymic].filter(Boolean).join(' ');
      ctx.out(
        `  ${p.pinfl}  ${p.passport}  ${p.phone}  ${p.kind.padEnd(9)}  ${p.passport_expiry_date}  ${name}`,
      );
    }
    ctx.out(t('sandbox.registry.companies', { count: r.companies.length }));
    for (const c of r.companies) {
      ctx.out(`  ${c.tin}  ${c.director_pinfl}  ${c.phone}  ${c.name}`);
      for (const role of c.roles) ctx.out(`      ${role.pinfl}  ${role.role}`);
    }
    return r;
  }
}
