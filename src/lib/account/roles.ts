/**
 * Roles a OneID user acts in (DOMAIN.md flow 4): the individual, or a bound legal entity with a
 * role in it (e.g. "Common For Head"). On the command line a role is written `individual`,
 * `<TIN>` or `<TIN>:<role>`; the portal takes "individual" or the TIN.
 */
import { AuthError, UsageError } from '../errors/index.js';
import { parseTin } from '../ids/index.js';
import type { PortalRole } from '../portal/index.js';

/** A role as the CLI reports it (JSON results, the session store). */
export interface Role {
  type: 'individual' | 'legal';
  /** The legal entity's TIN (legal roles only). */
  tin?: string;
  /** The legal entity's name. */
  name?: string;
  /** The role in the legal entity, as the portal names it. */
  role?: string;
}

export interface RoleSpec {
  /** What the portal is asked for: "individual" or a TIN. */
  request: string;
  /** The role name the user insisted on (`<TIN>:<role>`), compared case-insensitively. */
  roleName?: string;
}

/** Parse `--role`: `individual`, `<TIN>` or `<TIN>:<role>`. Checked locally, before any request. */
export function parseRoleSpec(text: string): RoleSpec {
  const raw = text.trim();
  if (/^(individual|i)$/i.test(raw)) return { request: 'individual' };
  const colon = raw.indexOf(':');
  const tinText = colon < 0 ? raw : raw.slice(0, colon);
  const roleName = colon < 0 ? undefined : raw.slice(colon + 1).trim();
  if (!/^\s*\d/.test(tinText))
    throw new UsageError('ROLE_SPEC_INVALID', 'account.error.roleSpec', { params: { value: raw } });
  const tin = parseTin(tinText);
  if (tin.kind !== 'legal')
    throw new UsageError('ROLE_SPEC_INVALID', 'account.error.roleNotLegal', { params: { tin: tin.value } });
  if (colon >= 0 && !roleName)
    throw new UsageError('ROLE_SPEC_INVALID', 'account.error.roleSpec', { params: { value: raw } });
  return { request: tin.value, roleName };
}

export function toRole(r: PortalRole): Role {
  if (r.type !== 'legal') return { type: 'individual' };
  const out: Role = { type: 'legal', tin: r.tin };
  if (r.name) out.name = r.name;
  if (r.role) out.role = r.role;
  return out;
}

/** `individual` or `<TIN>:<role>`: the form `--role` takes back. */
export function roleId(r: Role): string {
  if (r.type === 'individual') return 'individual';
  return r.role ? `${r.tin}:${r.role}` : `${r.tin}`;
}

export function sameRole(a: Role, b: Role): boolean {
  return a.type === b.type && (a.type === 'individual' || a.tin === b.tin);
}

/** A role matches the spec when the TIN matches and, if given, the role name too. */
export function matchesSpec(r: Role, spec: RoleSpec): boolean {
  if (spec.request === 'individual') return r.type === 'individual';
  if (r.type !== 'legal' || r.tin !== spec.request) return false;
  return spec.roleName === undefined || (r.role ?? '').toLowerCase() === spec.roleName.toLowerCase();
}

/** The role of `roles` the spec names, or AuthError (exit 3) listing what is available. */
export function pickBySpec(roles: Role[], spec: RoleSpec): Role {
  const found = roles.find((r) => matchesSpec(r, spec));
  if (found) return found;
  throw roleNotAvailable(spec, roles);
}

export function roleNotAvailable(spec: RoleSpec, roles: Role[]): AuthError {
  return new AuthError('ROLE_NOT_AVAILABLE', 'account.error.roleNotAvailable', {
    params: {
      role: spec.roleName ? `${spec.request}:${spec.roleName}` : spec.request,
      roles: roles.map(roleId).join(', '),
    },
    hintKey: 'account.hint.leList',
  });
}
