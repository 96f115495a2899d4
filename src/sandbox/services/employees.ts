/**
 * A company's employees (issue 17): the director, signed in with the company's role, authorizes a
 * person by PINFL with a role ("Common For Accountant", "Common For Employee"), lists and revokes
 * them; anyone acting in a company role sees the company's registry card. Who is asking comes
 * only from the session (its account and the role it holds), never from the request body.
 * Revoking ends the employee's sessions in that role at once and takes the role away from every
 * later sign-in (accounts.ts `legalRoles`).
 */
import { findAccountByPinfl, legalRoles } from '../accounts.js';
import type { Ctx } from '../context.js';
import { ApiError, badRequest, conflict, notFound, unprocessable } from '../http/errors.js';
import * as ids from '../registry/identifiers.js';
import { findCompany, findPerson, type CompanyRow } from '../registry/lookup.js';
import { HEAD_ROLE } from '../registry/seed.js';
import { revokeSession, type Session } from '../security/sessions.js';
import { caOf } from './certificates.js';
import { REVOCATION_REASONS } from '../../lib/pki/index.js';

/** The roles a director may give; "Common For Head" belongs to the registry's director alone. */
export const EMPLOYEE_ROLES = ['Common For Accountant', 'Common For Employee'] as const;

/** 403 ROLE_REQUIRED: the session must act in `role` (a role name, or "legal": any company role). */
export const roleRequired = (role: string): ApiError =>
  new ApiError(403, 'ROLE_REQUIRED', `This needs a session acting in the role "${role}" of a company.`, {
    requiredRole: role,
  });

const fullName = (p: { surname: string; first_name: string; patronymic: string | null }): string =>
  [p.surname, p.first_name, p.patronymic].filter(Boolean).join(' ');

/** The company the session acts for, with the session's role in it; 403 when it acts as an individual. */
export function activeCompany(ctx: Ctx, sess: Session): { company: CompanyRow; role: string } {
  const held = sess.roleTin
    ? legalRoles(ctx.db, sess.accountId).find((r) => r.tin === sess.roleTin)
    : undefined;
  if (!held) throw roleRequired('legal');
  return { company: findCompany(ctx.db, held.tin)!, role: held.role };
}

/** The company of a session acting as its head (the registry's director); else 403 ROLE_REQUIRED. */
function headedCompany(ctx: Ctx, sess: Session): CompanyRow {
  const held = sess.roleTin
    ? legalRoles(ctx.db, sess.accountId).find((r) => r.tin === sess.roleTin)
    : undefined;
  if (!held || held.role !== HEAD_ROLE) throw roleRequired(HEAD_ROLE);
  return findCompany(ctx.db, held.tin)!;
}

interface AuthorizationRow {
  pinfl: string;
  role: string;
  granted_at: number;
}

export interface EmployeeView {
  pinfl: string;
  fullName: string;
  role: string;
  grantedAt: string;
  /** The login of the employee's account, once they have one and have bound the company. */
  bound: boolean;
}

function employees(ctx: Ctx, tin: string): EmployeeView[] {
  const rows = ctx.db
    .prepare(
      `SELECT e.pinfl, e.role, e.granted_at FROM employee_authorizations e
       WHERE e.tin = ? AND e.revoked_at IS NULL ORDER BY e.granted_at, e.id`,
    )
    .all(tin) as AuthorizationRow[];
  return rows.map((r) => {
    const account = findAccountByPinfl(ctx.db, r.pinfl);
    const bound =
      !!account &&
      ctx.db
        .prepare('SELECT 1 FROM account_legal_entities WHERE account_id = ? AND tin = ?')
        .get(account.id, tin) !== undefined;
    return {
      pinfl: r.pinfl,
      fullName: fullName(findPerson(ctx.db, r.pinfl)!),
      role: r.role,
      grantedAt: new Date(r.granted_at).toISOString(),
      bound,
    };
  });
}

/** `GET /api/v1/legal-entity`: the registry card of the company the session acts for. */
export function companyCard(ctx: Ctx, sess: Session): Record<string, unknown> {
  const { company, role } = activeCompany(ctx, sess);
  const director = findPerson(ctx.db, company.director_pinfl)!;
  return {
    tin: company.tin,
    name: company.name,
    acronym: company.acronym,
    address: company.address,
    director: { fullName: fullName(director) },
    yourRole: role,
    employees: employees(ctx, company.tin).map(({ fullName: n, role: r, bound }) => ({
      fullName: n,
      role: r,
      bound,
    })),
  };
}

export const listEmployees = (ctx: Ctx, sess: Session): { tin: string; employees: EmployeeView[] } => {
  const company = headedCompany(ctx, sess);
  return { tin: company.tin, employees: employees(ctx, company.tin) };
};

export function authorizeEmployee(ctx: Ctx, sess: Session, b: { pinfl: string; role: string }): EmployeeView {
  const company = headedCompany(ctx, sess);
  if (!ids.isValidPinfl(b.pinfl))
    throw badRequest('PINFL_INVALID', 'PINFL must be 14 digits with a valid check digit.');
  const role = EMPLOYEE_ROLES.find((r) => r.toLowerCase() === b.role.trim().toLowerCase());
  if (!role)
    throw badRequest('ROLE_INVALID', `The role must be one of: ${EMPLOYEE_ROLES.join(', ')}.`, {
      roles: EMPLOYEE_ROLES,
    });
  if (b.pinfl === company.director_pinfl)
    throw unprocessable('IS_DIRECTOR', 'The director holds the company role already.');
  const person = findPerson(ctx.db, b.pinfl);
  if (!person)
    throw unprocessable('NOT_IN_REGISTRY', 'No person with this PINFL in the population registry.');
  const now = Date.now();
  const inserted = ctx.db.transaction(
    () =>
      ctx.db
        .prepare(
          `INSERT OR IGNORE INTO employee_authorizations (tin, pinfl, role, granted_by, granted_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(company.tin, b.pinfl, role, sess.accountId, now).changes,
  )();
  if (!inserted)
    throw conflict(
      'ALREADY_AUTHORIZED',
      'This person is already authorized: revoke first to change the role.',
    );
  return employees(ctx, company.tin).find((e) => e.pinfl === b.pinfl)!;
}

/**
 * Revoke: the authorization is closed (kept for the record), the employee's sessions acting in
 * this company's role end now, later sign-ins in it are refused, and the company keys issued to
 * the employee are revoked (CRLReason affiliationChanged): a key that still verified would let
 * them go on signing for the company anywhere that checks only the signature.
 */
export function revokeEmployee(
  ctx: Ctx,
  sess: Session,
  pinfl: string,
): { pinfl: string; sessionsEnded: number; certificatesRevoked: number } {
  const company = headedCompany(ctx, sess);
  const ca = caOf(ctx);
  const { sessions, certificates } = ctx.db.transaction(() => {
    const changed = ctx.db
      .prepare(
        'UPDATE employee_authorizations SET revoked_at = ?, revoked_by = ? WHERE tin = ? AND pinfl = ? AND revoked_at IS NULL',
      )
      .run(Date.now(), sess.accountId, company.tin, pinfl).changes;
    if (!changed) throw notFound('EMPLOYEE_NOT_FOUND', 'This person is not authorized by the company.');
    const keys = ctx.db
      .prepare('SELECT serial FROM certificates WHERE tin = ? AND pinfl = ? AND revoked_at IS NULL')
      .all(company.tin, pinfl) as Array<{ serial: string }>;
    for (const k of keys) ca.revoke(k.serial, REVOCATION_REASONS.affiliationChanged);
    const account = findAccountByPinfl(ctx.db, pinfl);
    if (!account) return { sessions: 0, certificates: keys.length };
    const live = ctx.db
      .prepare('SELECT token_hash FROM sessions WHERE account_id = ? AND role_tin = ? AND revoked_at IS NULL')
      .all(account.id, company.tin) as Array<{ token_hash: string }>;
    for (const s of live) revokeSession(ctx, s.token_hash);
    return { sessions: live.length, certificates: keys.length };
  })();
  return { pinfl, sessionsEnded: sessions, certificatesRevoked: certificates };
}

/** The role an active authorization of the company gives the person, if any. */
export const authorizedRole = (ctx: Ctx, tin: string, pinfl: string): string | undefined =>
  (
    ctx.db
      .prepare('SELECT role FROM employee_authorizations WHERE tin = ? AND pinfl = ? AND revoked_at IS NULL')
      .get(tin, pinfl) as { role: string } | undefined
  )?.role;
