/**
 * How account facts read in the terminal, in the user's language: account status in the portal's
 * own words ("подлинный" / "неподлинный"), roles, the registry data of registration step 3, and
 * the role picker (the seed's "choose a role" screen).
 */

import { t } from '../i18n/index.js';
import type { RegistryPerson } from '../portal/index.js';
import type { Role } from './roles.js';

export type AccountStatus = 'verified' | 'unverified';

export function statusLabel(status: AccountStatus): string {
  return status === 'verified' ? t('account.status.verified') : t('account.status.unverified');
}

export function roleLabel(r: Role): string {
  if (r.type === 'individual') return t('account.role.individual');
  return t('account.role.legal', { name: r.name ?? r.tin ?? '', tin: r.tin ?? '', role: r.role ?? '-' });
}

/** Aligned `label  value` lines (labels already translated); empty values are skipped. */
export function labelled(rows: Array<[string, string | undefined | null]>): string[] {
  const shown = rows.filter((r): r is [string, string] => !!r[1]);
  const width = Math.max(0, ...shown.map(([l]) => [...l].length));
  return shown.map(([l, v]) => `${l.padEnd(width + (l.length - [...l].length))}  ${v}`);
}

/** The registry data shown at registration step 3 (DOMAIN.md flow 1). */
export function personLines(p: RegistryPerson): string[] {
  const sex = p.sex === 'M' ? t('account.person.male') : p.sex === 'F' ? t('account.person.female') : p.sex;
  return labelled([
    [t('account.person.surname'), p.surname],
    [t('account.person.firstName'), p.firstName],
    [t('account.person.patronymic'), p.patronymic],
    [t('account.person.sex'), sex],
    [t('account.person.birthDate'), p.birthDate],
    [t('account.person.birthPlace'), p.birthPlace],
    [t('account.person.birthCountry'), p.birthCountry],
    [t('account.person.nationality'), p.nationality],
    [t('account.person.citizenship'), p.citizenship],
    [t('account.person.passportIssuedBy'), p.passportIssuedBy],
    [t('account.person.passportIssueDate'), p.passportIssueDate],
    [t('account.person.passportExpiryDate'), p.passportExpiryDate],
    [t('account.person.address'), p.address],
  ]);
}

export function fullName(p: Pick<RegistryPerson, 'surname' | 'firstName' | 'patronymic'>): string {
  return [p.surname, p.firstName, p.patronymic].filter(Boolean).join(' ');
}
