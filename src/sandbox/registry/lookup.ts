/** Read access to the population and company registries. */
import type { Db } from '../db/database.js';
import type { Company, Person } from './seed.js';

export type CompanyRow = Omit<Company, 'roles'>;

export const findPerson = (db: Db, pinfl: string): Person | undefined =>
  db.prepare('SELECT * FROM persons WHERE pinfl = ?').get(pinfl) as Person | undefined;

export const findCompany = (db: Db, tin: string): CompanyRow | undefined =>
  db.prepare('SELECT * FROM companies WHERE tin = ?').get(tin) as CompanyRow | undefined;

export const roleInCompany = (db: Db, tin: string, pinfl: string): string | undefined =>
  (
    db.prepare('SELECT role FROM company_roles WHERE tin = ? AND pinfl = ?').get(tin, pinfl) as
      { role: string } | undefined
  )?.role;

export const isPassportExpired = (p: Person, now = new Date()): boolean =>
  p.passport_expiry_date < now.toISOString().slice(0, 10);

/** What the "confirm your data" step shows (DOMAIN.md flow 1, step 3). */
export function personView(p: Person): Record<string, string | null> {
  return {
    pinfl: p.pinfl,
    surname: p.surname,
    firstName: p.first_name,
    patronymic: p.patronymic,
    sex: p.sex,
    birthDate: p.birth_date,
    birthPlace: p.birth_place,
    birthCountry: p.birth_country,
    nationality: p.nationality,
    citizenship: p.citizenship,
    passport: p.passport,
    passportIssuedBy: p.passport_issued_by,
    passportIssueDate: p.passport_issue_date,
    passportExpiryDate: p.passport_expiry_date,
    address: p.address,
  };
}

export const PERSON_VIEW_SCHEMA = {
  type: 'object',
  properties: Object.fromEntries(
    [
      'pinfl',
      'surname',
      'firstName',
      'patronymic',
      'sex',
      'birthDate',
      'birthPlace',
      'birthCountry',
      'nationality',
      'citizenship',
      'passport',
      'passportIssuedBy',
      'passportIssueDate',
      'passportExpiryDate',
      'address',
    ].map((k) => [k, { type: ['string', 'null'] }]),
  ),
} as const;
