/**
 * The company side of an account and the password endpoints (docs/portal-api.yaml, tags
 * `legal entity`, `recovery`, `account`, `reference data`): one typed function per endpoint.
 */
import type { PortalHttp } from './http.js';
import type { KeyApplicationView } from './key-applications.js';

// ---- the company the session acts for, its employees (issue 17) --------------------------------

export interface CompanyCard {
  tin: string;
  name: string;
  acronym: string;
  address: string;
  director: { fullName: string };
  /** The session's role in the company. */
  yourRole: string;
  employees: Array<{ fullName: string; role: string; bound: boolean }>;
}

export interface Employee {
  pinfl: string;
  fullName: string;
  role: string;
  grantedAt: string;
  /** The employee's account has bound the company (can sign in with the role). */
  bound: boolean;
}

export const getCompanyCard = (http: PortalHttp, token: string): Promise<CompanyCard> =>
  http.request('/api/v1/legal-entity', { token });

export const listEmployees = (
  http: PortalHttp,
  token: string,
): Promise<{ tin: string; employees: Employee[] }> =>
  http.request('/api/v1/legal-entity/employees', { token });

export const addEmployee = (
  http: PortalHttp,
  token: string,
  employee: { pinfl: string; role: string },
): Promise<Employee> => http.request('/api/v1/legal-entity/employees', { token, json: employee });

export const removeEmployee = (
  http: PortalHttp,
  token: string,
  pinfl: string,
): Promise<{ pinfl: string; sessionsEnded: number; certificatesRevoked: number }> =>
  http.request(`/api/v1/legal-entity/employees/${encodeURIComponent(pinfl)}`, { token, method: 'DELETE' });

// ---- password: change while signed in, recover ("Forgot login or password?") --------------------

export const changePassword = (
  http: PortalHttp,
  token: string,
  passwords: { password: string; newPassword: string },
): Promise<{ status: 'ok'; sessionsEnded: number }> =>
  http.request('/api/v1/account/password', { token, json: passwords });

export interface RecoveryStarted {
  id: string;
  codeExpiresIn: number;
  /** Masked; only when a key proved who asks. */
  phone?: string;
}

export const startRecovery = (
  http: PortalHttp,
  identity: { pinfl: string; passport: string },
): Promise<RecoveryStarted> => http.request('/api/v1/recovery', { json: identity });

export const startKeyRecovery = (http: PortalHttp, pkcs7: string): Promise<RecoveryStarted> =>
  http.request('/api/v1/recovery/key', { json: { pkcs7 } });

export const completeRecovery = (
  http: PortalHttp,
  id: string,
  answer: { code: string; password: string },
): Promise<{ login: string; sessionsEnded: number }> =>
  http.request(`/api/v1/recovery/${encodeURIComponent(id)}/complete`, { json: answer });

// ---- reference data, "Mening arizalarim" -------------------------------------------------------

export interface PlaceEntry {
  /** SOATO code. */
  code: string;
  name: string;
}

export interface RegionEntry extends PlaceEntry {
  districts: PlaceEntry[];
}

/** The portal's regions and districts with their SOATO codes (portal data, not compiled in). */
export const listRegions = (http: PortalHttp): Promise<{ regions: RegionEntry[] }> =>
  http.request('/api/v1/regions');

/** The signed-in account's key applications, from every computer. */
export const listMyKeyApplications = (
  http: PortalHttp,
  token: string,
): Promise<{ applications: KeyApplicationView[] }> => http.request('/api/v1/key-applications', { token });
