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

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export default class SandboxRegistry extends BaseCommand<typeof SandboxRegistry> {
  static override summary = t('cmd.sandbox.registry.summary');
  static override description = `People: PINFL, passport, phone, kind (citizen, foreign, stateless), passport expiry, name. Companies: TIN, director's PINFL, phone, name, roles ("Common For Head" and others).

JSON result: { persons: [...], companies: [...] }`;
  static override examples = [
    '<%= config.bin %> sandbox registry --free --limit 5',
    '<%= config.bin %> sandbox registry --kind foreign --json',
  ];
  static override flags = {
    data: dataFlag,
    url: urlFlag,
    kind: Flags.option({
      options: ['citizen', 'foreign', 'stateless'] as const,
      summary: 'Only people of this kind.',
    })(),
    free: Flags.boolean({ summary: 'Only people who have no account yet.' }),
    limit: Flags.integer({ summary: 'At most this many people.', min: 1, max: 1000 }),
  };

  async run(): Promise<SandboxRegistryResult> {
    const admin = SandboxAdmin.forDataDir(sandboxDataDir(this.flags.data), this.flags.url);
    const r = await admin.registry({
      kind: this.flags.kind,
      free: this.flags.free || undefined,
      limit: this.flags.limit,
    });
    this.out(t('sandbox.registry.persons', { count: r.persons.length }));
    for (const p of r.persons) {
      const name = [p.surname, p.first_name, p.patronymic].filter(Boolean).join(' ');
      this.out(
        `  ${p.pinfl}  ${p.passport}  ${p.phone}  ${pad(p.kind, 9)}  ${p.passport_expiry_date}  ${name}`,
      );
    }
    this.out(t('sandbox.registry.companies', { count: r.companies.length }));
    for (const c of r.companies) {
      this.out(`  ${c.tin}  ${c.director_pinfl}  ${c.phone}  ${c.name}`);
      for (const role of c.roles) this.out(`      ${role.pinfl}  ${role.role}`);
    }
    return r;
  }
}
