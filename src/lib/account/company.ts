/**
 * The company an account acts for (issue 17): its registry card (`le show`) and the employees its
 * director authorizes (`le employees add|list|remove`). A command that needs a company role the
 * session lacks says which role it needs (exit 3) before asking the portal; the portal checks
 * again (403 ROLE_REQUIRED, explained the same way).
 */
import { AuthError, UsageError } from '../errors/index.js';
import { parsePinfl } from '../ids/index.js';
import {
  addEmployee,
  getCompanyCard,
  listEmployees,
  removeEmployee,
  type CompanyCard,
  type Employee,
  type PortalHttp,
} from '../portal/index.js';
import type { LoadedSession } from '../session/index.js';
import { explained } from './refusals.js';
import { requireSession, type SessionPlace } from './session.js';

export const HEAD_ROLE = 'Common For Head';
/** The roles a director gives; the portal keeps the list too and refuses others. */
export const EMPLOYEE_ROLES = ['Common For Accountant', 'Common For Employee'] as const;

/**
 * The session must act for a company (in `role`, when given), else AuthError ROLE_REQUIRED
 * (exit 3) naming it. A session from ONEID_TOKEN has no local role: the portal decides.
 */
export function requireCompanyRole(session: LoadedSession, role?: string): void {
  if (session.source === 'ONEID_TOKEN') return;
  const r = session.role;
  if (r.type === 'legal' && (!role || r.role.toLowerCase() === role.toLowerCase())) return;
  const current = r.type === 'legal' ? `${r.tin}:${r.role}` : 'individual';
  throw role
    ? new AuthError('ROLE_REQUIRED', 'account.error.roleRequired', {
        params: { role, current },
        hintKey: 'account.hint.switchRole',
        hintParams: { role },
      })
    : new AuthError('ROLE_REQUIRED', 'account.error.companyRoleRequired', {
        params: { current },
        hintKey: 'account.hint.switchCompany',
      });
}

/** `le show`: the registry card of the company the session acts for. */
export async function companyCard(http: PortalHttp, place: SessionPlace): Promise<CompanyCard> {
  const session = await requireSession(place);
  requireCompanyRole(session);
  return explained(getCompanyCard(http, session.token));
}

async function asHead(place: SessionPlace): Promise<LoadedSession> {
  const session = await requireSession(place);
  requireCompanyRole(session, HEAD_ROLE);
  return session;
}

export async function employeesOf(
  http: PortalHttp,
  place: SessionPlace,
): Promise<{ tin: string; employees: Employee[] }> {
  const session = await asHead(place);
  return explained(listEmployees(http, session.token));
}

/** The role name as the portal spells it (`accountant` and any case accepted), or exit 2. */
export function parseEmployeeRole(text: string): string {
  const v = text.trim().toLowerCase();
  const found = EMPLOYEE_ROLES.find((r) => r.toLowerCase() === v || r.toLowerCase() === `common for ${v}`);
  if (!found)
    throw new UsageError('ROLE_INVALID', 'account.error.employeeRole', {
      params: { value: text, roles: EMPLOYEE_ROLES.join(', ') },
    });
  return found;
}

export async function authorizeEmployee(
  http: PortalHttp,
  place: SessionPlace,
  input: { pinfl: string; role: string },
): Promise<Employee> {
  const pinfl = parsePinfl(input.pinfl).value;
  const role = parseEmployeeRole(input.role);
  const session = await asHead(place);
  return explained(addEmployee(http, session.token, { pinfl, role }));
}

export async function revokeEmployee(
  http: PortalHttp,
  place: SessionPlace,
  pinflText: string,
): Promise<{ pinfl: string; sessionsEnded: number; certificatesRevoked: number }> {
  const pinfl = parsePinfl(pinflText).value;
  const session = await asHead(place);
  return explained(removeEmployee(http, session.token, pinfl));
}
