/**
 * Deterministic population and company registries. A fixed-seed PRNG makes every fresh data dir
 * hold the same people, so documentation and tests can name identities; the registry is inserted
 * once, in one transaction, on the first start (or after `reset`).
 */
import type { PersonKind, RegistryCompany, RegistryPerson } from '../../lib/sandbox-contract/index.js';
import type { Db } from '../db/database.js';
import { pinflCheckDigit } from './identifiers.js';
import * as N from './names.js';

export type { PersonKind };
/** A registry row is also what the admin API answers (src/lib/sandbox-contract). */
export type Person = RegistryPerson;
export type Company = RegistryCompany;

export const CITIZENS = 240;
export const COMPANIES = 24;
/** Index (among citizens) of the person whose passport has expired. */
export const EXPIRED_PASSPORT_INDEX = 7;
export const HEAD_ROLE = 'Common For Head';
const OTHER_ROLES = ['Common For Accountant', 'Common For Employee'];

/** mulberry32: tiny, fast, good enough for test data, and identical on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export function generateRegistry(seed = 20240610): { persons: Person[]; companies: Company[] } {
  const rnd = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const used = {
    pinfl: new Set<string>(),
    passport: new Set<string>(),
    phone: new Set<string>(),
    tin: new Set<string>(),
  };
  const unique = (set: Set<string>, make: () => string): string => {
    for (;;) {
      const v = make();
      if (!set.has(v)) {
        set.add(v);
        return v;
      }
    }
  };

  const makePerson = (
    kind: PersonKind,
    name: { first: string; surname: string; patronymic: string | null; sex: 'M' | 'F' },
    country: string,
    nationality: string,
    expired: boolean,
  ): Person => {
    const year = int(1955, 2004);
    const month = int(1, 12);
    const day = int(1, 28);
    const century = year >= 2000 ? 5 : 3;
    const sexDigit = century + (name.sex === 'M' ? 0 : 1);
    const region = pick(N.REGIONS);
    const district = pick(region.districts);
    const pinfl = unique(used.pinfl, () => {
      const first13 = `${sexDigit}${pad(day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(int(1, 999), 3)}${pad(int(1, 999), 3)}`;
      return first13 + pinflCheckDigit(first13);
    });
    const series =
      kind === 'citizen' ? pick(['AA', 'AB', 'AC', 'AD', 'AE']) : kind === 'foreign' ? 'VV' : 'XS';
    const passport = unique(used.passport, () => `${series}${pad(int(0, 9999999), 7)}`);
    const issueYear = expired ? 2009 : int(2020, 2025);
    const issue = `${issueYear}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
    const expiry = `${issueYear + 10}${issue.slice(4)}`;
    const phone = unique(
      used.phone,
      () => `+998${pick(['90', '91', '93', '94', '97', '99', '33', '88'])}${pad(int(0, 9999999), 7)}`,
    );
    const tin =
      kind === 'citizen' && rnd() < 0.6
        ? unique(used.tin, () => `${pick(['4', '5', '6'])}${pad(int(0, 99999999), 8)}`)
        : null;
    return {
      pinfl,
      passport,
      surname: name.surname,
      first_name: name.first,
      patronymic: name.patronymic,
      sex: name.sex,
      birth_date: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      birth_place: kind === 'citizen' ? district : country,
      birth_country: country,
      nationality,
      citizenship: kind === 'stateless' ? 'Fuqaroligi yo‘q' : country,
      kind,
      passport_issued_by:
        kind === 'citizen' ? `${district} IIB` : 'O‘zbekiston Respublikasi IIV Migratsiya xizmati',
      passport_issue_date: issue,
      passport_expiry_date: expiry,
      address: `${region.name}, ${district} tumani, ${pick(N.STREETS)} ko‘chasi, ${int(1, 120)}-uy`,
      region: region.name,
      phone,
      tin,
    };
  };

  const persons: Person[] = [];
  for (let i = 0; i < CITIZENS; i++) {
    let name: { first: string; surname: string; patronymic: string | null; sex: 'M' | 'F' };
    let nationality = 'o‘zbek';
    if (i % 40 === 13) {
      const r = N.RUSSIAN_PEOPLE[((i / 40) % N.RUSSIAN_PEOPLE.length) | 0]!;
      name = { ...r };
      nationality = 'rus';
    } else {
      const sex = rnd() < 0.5 ? 'M' : 'F';
      const stem = pick(N.SURNAME_STEMS);
      const ending = /[yi]$/.test(stem) ? 'ev' : 'ov';
      const father = pick(N.FATHER_NAMES);
      // Half use the Russian-style patronymic, half the Uzbek form, as in real documents.
      const uzbekForm = rnd() < 0.5;
      const patronymic = uzbekForm
        ? `${father} ${sex === 'M' ? 'o‘g‘li' : 'qizi'}`
        : `${father}${/[aeiou]$/.test(father) ? '' : 'ov'}${sex === 'M' ? 'ich' : 'na'}`;
      name = {
        first: pick(sex === 'M' ? N.MALE_FIRST : N.FEMALE_FIRST),
        surname: `${stem}${ending}${sex === 'F' ? 'a' : ''}`,
        patronymic,
        sex,
      };
    }
    persons.push(makePerson('citizen', name, 'O‘zbekiston', nationality, i === EXPIRED_PASSPORT_INDEX));
  }
  for (const f of N.FOREIGN_PEOPLE) persons.push(makePerson('foreign', { ...f }, f.country, f.nat, false));
  for (const s of N.STATELESS_PEOPLE)
    persons.push(makePerson('stateless', { ...s }, 'O‘zbekiston', 'noma’lum', false));

  const citizens = persons.filter((p) => p.kind === 'citizen' && p.passport_expiry_date > '2029');
  const companies: Company[] = [];
  for (let i = 0; i < COMPANIES; i++) {
    // Directors are distinct citizens taken from the end of the list so that the first citizens
    // stay "plain" individuals for registration tests.
    const director = citizens[citizens.length - 1 - i]!;
    const word = N.COMPANY_WORDS[i % N.COMPANY_WORDS.length]!;
    const form = N.COMPANY_FORMS[i % N.COMPANY_FORMS.length]!;
    // One name with a comma inside, because real O values contain commas (REFERENCES.md §2).
    const name = i === 3 ? `"${word}, Chilonzor filiali" ${form}` : `"${word}" ${form}`;
    const roles = [{ pinfl: director.pinfl, role: HEAD_ROLE }];
    for (let k = 0; k < 2; k++) {
      const staff = citizens[40 + ((i * 2 + k) % 80)]!;
      if (!roles.some((r) => r.pinfl === staff.pinfl))
        roles.push({ pinfl: staff.pinfl, role: OTHER_ROLES[k]! });
    }
    companies.push({
      tin: unique(used.tin, () => `2${pad(int(0, 99999999), 8)}`),
      name,
      acronym: `${word.split(' ')[0]!.toUpperCase()} ${form}`,
      director_pinfl: director.pinfl,
      address: director.address,
      phone: director.phone,
      roles,
    });
  }
  return { persons, companies };
}

/** Insert the registries if the data dir is new; idempotent. */
export function seedRegistries(db: Db): void {
  const { n } = db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number };
  if (n > 0) return;
  const { persons, companies } = generateRegistry();
  const insPerson =
    db.prepare(`INSERT INTO persons VALUES (@pinfl, @passport, @surname, @first_name, @patronymic,
    @sex, @birth_date, @birth_place, @birth_country, @nationality, @citizenship, @kind, @passport_issued_by,
    @passport_issue_date, @passport_expiry_date, @address, @region, @phone, @tin)`);
  const insCompany = db.prepare(
    'INSERT INTO companies VALUES (@tin, @name, @acronym, @director_pinfl, @address, @phone)',
  );
  const insRole = db.prepare('INSERT INTO company_roles VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const p of persons) insPerson.run(p);
    for (const c of companies) {
      const { roles, ...row } = c;
      insCompany.run(row);
      for (const r of roles) insRole.run(c.tin, r.pinfl, r.role);
    }
  })();
}
