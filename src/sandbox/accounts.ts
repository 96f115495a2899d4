/**
 * Accounts as the OneID vocabulary describes a user (REFERENCES.md §5): the same object answers
 * `GET /api/v1/account` and the SSO `one_access_token_identify` grant.
 */
import type { Db } from './db/database.js';
import { HEAD_ROLE, type Person } from './registry/seed.js';

const HEAD = HEAD_ROLE.replace(/'/g, "''");

export interface AccountRow {
  id: number;
  login: string;
  pinfl: string;
  password_hash: string | null;
  email: string | null;
  phone: string | null;
  actual_address: string | null;
  status: 'unverified' | 'verified';
}

export interface LegalRole {
  tin: string;
  name: string;
  acronym: string;
  role: string;
}

export const findAccountByLogin = (db: Db, login: string): AccountRow | undefined =>
  db.prepare('SELECT * FROM accounts WHERE login = ?').get(login) as AccountRow | undefined;

export const findAccountById = (db: Db, id: number): AccountRow | undefined =>
  db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;

export const findAccountByPinfl = (db: Db, pinfl: string): AccountRow | undefined =>
  db.prepare('SELECT * FROM accounts WHERE pinfl = ?').get(pinfl) as AccountRow | undefined;

/**
 * The legal entities the account may act for now: bound by the registry's director as "Common For
 * Head" while still the director, or bound by an employee while the company's authorization stands
 * (issue 17: revoking it takes the role away at once, for password and key sign-in alike). An
 * employee's role is the authorization's, so a changed authorization needs no new binding.
 */
export const legalRoles = (db: Db, accountId: number): LegalRole[] =>
  db
    .prepare(
      `SELECT c.tin, c.name, c.acronym,
              CASE WHEN b.role = '${HEAD}' AND c.director_pinfl = a.pinfl THEN b.role ELSE e.role END AS role
       FROM account_legal_entities b JOIN companies c ON c.tin = b.tin JOIN accounts a ON a.id = b.account_id
       LEFT JOIN employee_authorizations e ON e.tin = b.tin AND e.pinfl = a.pinfl AND e.revoked_at IS NULL
       WHERE b.account_id = ? AND ((b.role = '${HEAD}' AND c.director_pinfl = a.pinfl) OR e.id IS NOT NULL)
       ORDER BY b.bound_at`,
    )
    .all(accountId) as LegalRole[];

/** Bound to the account, whether or not the role still stands (to tell "revoked" from "never bound"). */
export const isBound = (db: Db, accountId: number, tin: string): boolean =>
  db.prepare('SELECT 1 FROM account_legal_entities WHERE account_id = ? AND tin = ?').get(accountId, tin) !==
  undefined;

/** The roles a user may choose at sign-in: always the individual, plus each bound legal entity. */
export function rolesOf(
  db: Db,
  accountId: number,
): Array<{ type: 'individual' | 'legal'; tin?: string; name?: string; role?: string }> {
  return [
    { type: 'individual' as const },
    ...legalRoles(db, accountId).map((r) => ({
      type: 'legal' as const,
      tin: r.tin,
      name: r.name,
      role: r.role,
    })),
  ];
}

export function oneIdUser(
  db: Db,
  account: AccountRow,
  session: { roleTin: string | null; authMethod: string; sessId?: string },
  person?: Person,
): Record<string, unknown> {
  const p = person ?? (db.prepare('SELECT * FROM persons WHERE pinfl = ?').get(account.pinfl) as Person);
  const legal = legalRoles(db, account.id);
  const user: Record<string, unknown> = {
    pin: p.pinfl,
    user_id: account.login,
    full_name: [p.surname, p.first_name, p.patronymic].filter(Boolean).join(' '),
    first_name: p.first_name,
    sur_name: p.surname,
    mid_name: p.patronymic ?? '',
    birth_date: p.birth_date,
    birth_place: p.birth_place,
    birth_cntry: p.birth_country,
    ctzn: p.citizenship,
    natn: p.nationality,
    gd: p.sex === 'M' ? '1' : '2',
    pport_no: p.passport,
    pport_issue_place: p.passport_issued_by,
    pport_issue_date: p.passport_issue_date,
    pport_expr_date: p.passport_expiry_date,
    per_adr: p.address,
    tem_adr: account.actual_address ?? '',
    mob_phone_no: account.phone ?? p.phone,
    email: account.email ?? '',
    tin: p.tin ?? '',
    user_type: session.roleTin ? 'L' : 'I',
    valid: account.status === 'verified' ? 'true' : 'false',
    valid_methods: account.status === 'verified' ? ['PKCSMETHOD'] : [],
    auth_method: session.authMethod,
    legal_info: legal.map((l) => ({
      is_basic: l.tin === session.roleTin,
      tin: l.tin,
      acron_UZ: l.acronym,
      le_tin: l.tin,
      le_name: l.name,
    })),
    ret_cd: '0',
  };
  if (session.authMethod === 'LEPKCSMETHOD' && session.roleTin) user.pkcs_legal_tin = session.roleTin;
  if (session.sessId) user.sess_id = session.sessId;
  return user;
}

/** JSON Schema of the OneID user object (documentation and fast serialisation). */
export const ONEID_USER_SCHEMA = {
  type: 'object',
  properties: {
    ...Object.fromEntries(
      [
        'pin',
        'user_id',
        'full_name',
        'first_name',
        'sur_name',
        'mid_name',
        'birth_date',
        'birth_place',
        'birth_cntry',
        'ctzn',
        'natn',
        'gd',
        'pport_no',
        'pport_issue_place',
        'pport_issue_date',
        'pport_expr_date',
        'per_adr',
        'tem_adr',
        'mob_phone_no',
        'email',
        'tin',
        'user_type',
        'auth_method',
        'pkcs_legal_tin',
        'sess_id',
        'ret_cd',
      ].map((k) => [k, { type: 'string' }]),
    ),
    valid: {
      type: 'string',
      enum: ['true', 'false'],
      description: 'verified with a key — a STRING, as OneID sends it',
    },
    valid_methods: { type: 'array', items: { type: 'string' } },
    legal_info: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          is_basic: { type: 'boolean' },
          tin: { type: 'string' },
          acron_UZ: { type: 'string' },
          le_tin: { type: 'string' },
          le_name: { type: 'string' },
        },
      },
    },
  },
} as const;

/**
 * The hot path of `GET /api/v1/account`: session, account and registry record in one indexed
 * query (three separate lookups cost ~15 % of the request; see bench/sandbox.ts).
 */
export function accountBySessionHash(
  db: Db,
  tokenHash: string,
):
  | { account: AccountRow; person: Person; roleTin: string | null; authMethod: string; expiresAt: number }
  | undefined {
  const row = db
    .prepare(
      `SELECT s.role_tin AS s_role_tin, s.auth_method AS s_auth_method, s.expires_at AS s_expires_at,
              a.id AS a_id, a.login AS a_login, a.password_hash AS a_password_hash, a.email AS a_email,
              a.phone AS a_phone, a.actual_address AS a_actual_address, a.status AS a_status, p.*
       FROM sessions s JOIN accounts a ON a.id = s.account_id JOIN persons p ON p.pinfl = a.pinfl
       WHERE s.token_hash = ? AND s.revoked_at IS NULL`,
    )
    .get(tokenHash) as Record<string, unknown> | undefined;
  if (!row) return undefined;
  const account: AccountRow = {
    id: row.a_id as number,
    login: row.a_login as string,
    pinfl: row.pinfl as string,
    password_hash: row.a_password_hash as string | null,
    email: row.a_email as string | null,
    phone: row.a_phone as string | null,
    actual_address: row.a_actual_address as string | null,
    status: row.a_status as AccountRow['status'],
  };
  return {
    account,
    person: row as unknown as Person,
    roleTin: row.s_role_tin as string | null,
    authMethod: row.s_auth_method as string,
    expiresAt: row.s_expires_at as number,
  };
}
