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

type Name = { first: string; surname: string; patronymic: string | null; sex: 'M' | 'F' };

/** Draws from one seeded PRNG in a fixed order: the same seed gives the same registry. */
class Draw {
  readonly rnd: () => number;
  private readonly used = {
    pinfl: new Set<string>(),
    passport: new Set<string>(),
    phone: new Set<string>(),
    tin: new Set<string>(),
  };

  constructor(seed: number) {
    this.rnd = prng(seed);
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }

  /** A value `make` gives that this kind has not given before. */
  unique(kind: keyof Draw['used'], make: () => string): string {
    const set = this.used[kind];
    for (;;) {
      const v = make();
      if (!set.has(v)) {
        set.add(v);
        return v;
      }
    }
  }
}

function makePerson(
  d: Draw,
  kind: PersonKind,
  name: Name,
  country: string,
  nationality: string,
  expired: boolean,
): Person {
  const year = d.int(1955, 2004);
  const month = d.int(1, 12);
  const day = d.int(1, 28);
  const century = year >= 2000 ? 5 : 3;
  const sexDigit = century + (name.sex === 'M' ? 0 : 1);
  const region = d.pick(N.REGIONS);
  const district = d.pick(region.districts);
  const pinfl = d.unique('pinfl', () => {
    const first13 = `${sexDigit}${pad(day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(d.int(1, 999), 3)}${pad(d.int(1, 999), 3)}`;
    return first13 + pinflCheckDigit(first13);
  });
  const series =
    kind === 'citizen' ? d.pick(['AA', 'AB', 'AC', 'AD', 'AE']) : kind === 'foreign' ? 'VV' : 'XS';
  const passport = d.unique('passport', () => `${series}${pad(d.int(0, 9999999), 7)}`);
  const issueYear = expired ? 2009 : d.int(2020, 2025);
  const issue = `${issueYear}-${pad(d.int(1, 12), 2)}-${pad(d.int(1, 28), 2)}`;
  const expiry = `${issueYear + 10}${issue.slice(4)}`;
  const phone = d.unique(
    'phone',
    () => `+998${d.pick(['90', '91', '93', '94', '97', '99', '33', '88'])}${pad(d.int(0, 9999999), 7)}`,
  );
  const tin =
    kind === 'citizen' && d.rnd() < 0.6
      ? d.unique('tin', () => `${d.pick(['4', '5', '6'])}${pad(d.int(0, 99999999), 8)}`)
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
    address: `${region.name}, ${district} tumani, ${d.pick(N.STREETS)} ko‘chasi, ${d.int(1, 120)}-uy`,
    region: region.name,
    phone,
    tin,
  };
}

/** The i-th citizen's name: every 40th (from 13) a Russian one, the others Uzbek. */
function citizenName(d: Draw, i: number): { name: Name; nationality: string } {
  if (i % 40 === 13) {
    const r = N.RUSSIAN_PEOPLE[((i / 40) % N.RUSSIAN_PEOPLE.length) | 0]!;
    return { name: { ...r }, nationality: 'rus' };
  }
  const sex = d.rnd() < 0.5 ? 'M' : 'F';
  const stem = d.pick(N.SURNAME_STEMS);
  const ending = /[yi]$/.test(stem) ? 'ev' : 'ov';
  const father = d.pick(N.FATHER_NAMES);
  // Half use the Russian-style patronymic, half the Uzbek form, as in real documents.
  const uzbekForm = d.rnd() < 0.5;
  const patronymic = uzbekForm
    ? `${father} ${sex === 'M' ? 'o‘g‘li' : 'qizi'}`
    : `${father}${/[aeiou]$/.test(father) ? '' : 'ov'}${sex === 'M' ? 'ich' : 'na'}`;
  const name = {
    first: d.pick(sex === 'M' ? N.MALE_FIRST : N.FEMALE_FIRST),
    surname: `${stem}${ending}${sex === 'F' ? 'a' : ''}`,
    patronymic,
    sex,
  } as const;
  return { name, nationality: 'o‘zbek' };
}

/** The i-th company: its director and staff are citizens with passports valid past 2029. */
function makeCompany(d: Draw, i: number, citizens: Person[]): Company {
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
  return {
    tin: d.unique('tin', () => `2${pad(d.int(0, 99999999), 8)}`),
    name,
    acronym: `${word.split(' ')[0]!.toUpperCase()} ${form}`,
    director_pinfl: director.pinfl,
    address: director.address,
    phone: director.phone,
    roles,
  };
}

export function generateRegistry(seed = 20240610): { persons: Person[]; companies: Company[] } {
  const d = new Draw(seed);
  const persons: Person[] = [];
  for (let i = 0; i < CITIZENS; i++) {
    const { name, nationality } = citizenName(d, i);
    persons.push(makePerson(d, 'citizen', name, 'O‘zbekiston', nationality, i === EXPIRED_PASSPORT_INDEX));
  }
  for (const f of N.FOREIGN_PEOPLE) persons.push(makePerson(d, 'foreign', { ...f }, f.country, f.nat, false));
  for (const s of N.STATELESS_PEOPLE)
    persons.push(makePerson(d, 'stateless', { ...s }, 'O‘zbekiston', 'noma’lum', false));
  const citizens = persons.filter((p) => p.kind === 'citizen' && p.passport_expiry_date > '2029');
  const companies: Company[] = [];
  for (let i = 0; i < COMPANIES; i++) companies.push(makeCompany(d, i, citizens));
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
