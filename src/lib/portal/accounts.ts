/**
 * The accounts side of the portal API (docs/portal-api.yaml, tags `registration`, `auth`,
 * `account`): one typed function per endpoint. Refusals arrive as the typed errors of `http.ts`
 * (PortalRefusedError with the portal's `code`, AuthError on 401); callers that want a friendlier
 * message per code map them (src/lib/account/refusals.ts), this layer stays a thin mirror.
 */
import type { PortalHttp } from './http.js';

// ---- registration (DOMAIN.md flow 1) -----------------------------------------------------------

export interface Offer {
  version: string;
  title: string;
  text: string;
}

export interface RegistrationStep {
  id: string;
  step: 'identity' | 'confirm' | 'contacts' | 'sms' | 'done';
  expiresAt?: string;
}

/** A person as the population registry shows them at step 3 (all fields may be null). */
export interface RegistryPerson {
  pinfl: string | null;
  surname: string | null;
  firstName: string | null;
  patronymic: string | null;
  sex: string | null;
  birthDate: string | null;
  birthPlace: string | null;
  birthCountry: string | null;
  nationality: string | null;
  citizenship: string | null;
  passport: string | null;
  passportIssuedBy: string | null;
  passportIssueDate: string | null;
  passportExpiryDate: string | null;
  address: string | null;
}

export interface Contacts {
  login: string;
  password: string;
  email: string;
  phone: string;
  notifyByEmail?: boolean;
  actualAddress?: string;
  /** SOATO code of the actual address's region, from the portal's list (`listRegions`). */
  region?: string;
  /** SOATO code of its district. */
  district?: string;
}

export interface SmsSent {
  id: string;
  step: 'sms';
  /** The phone, masked by the portal. */
  phone: string;
  codeExpiresIn: number;
}

export interface NewAccount {
  id: number;
  login: string;
  pin: string;
  status: 'unverified' | 'verified';
}

export const getOffer = (http: PortalHttp): Promise<Offer> =>
  http.request<Offer>('/api/v1/registrations/offer');

export const startRegistration = (http: PortalHttp, offerVersion?: string): Promise<RegistrationStep> =>
  http.request<RegistrationStep>('/api/v1/registrations', { json: { acceptOffer: true, offerVersion } });

const reg = (id: string, tail: string) => `/api/v1/registrations/${encodeURIComponent(id)}/${tail}`;

export const submitIdentity = (
  http: PortalHttp,
  id: string,
  identity: { pinfl: string; passport: string },
): Promise<RegistrationStep & { person: RegistryPerson }> =>
  http.request(reg(id, 'identity'), { json: identity });

/** Where a registration stands (`register --resume`): its step and, once identified, the person. */
export const getRegistration = (
  http: PortalHttp,
  id: string,
): Promise<RegistrationStep & { person: RegistryPerson | null; accountId?: number | null }> =>
  http.request(`/api/v1/registrations/${encodeURIComponent(id)}`);

export const confirmRegistryData = (
  http: PortalHttp,
  id: string,
  confirmed: boolean,
): Promise<RegistrationStep> => http.request(reg(id, 'confirm'), { json: { confirmed } });

export const submitContacts = (http: PortalHttp, id: string, contacts: Contacts): Promise<SmsSent> =>
  http.request(reg(id, 'contacts'), { json: contacts });

export const resendRegistrationSms = (http: PortalHttp, id: string): Promise<SmsSent> =>
  http.request(reg(id, 'sms/resend'), { method: 'POST' });

export const completeRegistration = (
  http: PortalHttp,
  id: string,
  code: string,
): Promise<{ account: NewAccount }> => http.request(reg(id, 'complete'), { json: { code } });

// ---- sessions (flows 4 and 5) ------------------------------------------------------------------

/** A role the user may act in: the individual, or a bound legal entity with a role in it. */
export interface PortalRole {
  type: 'individual' | 'legal';
  tin?: string;
  name?: string;
  role?: string;
}

export interface SessionGrant {
  token: string;
  tokenType?: string;
  expiresAt: string;
  role: PortalRole;
  accountStatus?: 'unverified' | 'verified';
  roles?: PortalRole[];
}

export interface SessionInfo {
  role: PortalRole;
  authMethod: string;
  expiresAt: string;
  roles: PortalRole[];
}

/** The `role` value the portal takes: "individual" or a legal entity's TIN. */
export type RoleRequest = 'individual' | string;

export const loginWithPassword = (
  http: PortalHttp,
  credentials: { login: string; password: string; role?: RoleRequest },
): Promise<SessionGrant> => http.request('/api/v1/auth/login', { json: credentials });

export const getSession = (http: PortalHttp, token: string): Promise<SessionInfo> =>
  http.request('/api/v1/auth/session', { token });

export const switchRole = (
  http: PortalHttp,
  token: string,
  role: RoleRequest,
): Promise<{ role: PortalRole; roles: PortalRole[] }> =>
  http.request('/api/v1/auth/role', { token, json: { role } });

export const logout = (http: PortalHttp, token: string): Promise<{ status: 'ok' }> =>
  http.request('/api/v1/auth/logout', { token, method: 'POST' });

/** The signed-in user in the OneID field vocabulary (REFERENCES.md §5). */
export interface OneIdUser {
  pin: string;
  user_id: string;
  full_name: string;
  first_name?: string;
  sur_name?: string;
  mid_name?: string;
  birth_date?: string;
  tin?: string;
  user_type: 'I' | 'L';
  /** A string, as OneID sends it. */
  valid: 'true' | 'false';
  valid_methods?: string[];
  auth_method?: string;
  pkcs_legal_tin?: string;
  legal_info?: Array<{
    is_basic: boolean;
    tin: string;
    acron_UZ?: string;
    le_tin?: string;
    le_name?: string;
  }>;
  [field: string]: unknown;
}

export const getAccount = (http: PortalHttp, token: string): Promise<OneIdUser> =>
  http.request('/api/v1/account', { token });

// ---- proofs by key: sign-in, registration, verification, legal entities (flows 3, 4, 5) --------

export interface Challenge {
  challenge: string;
  /** Seconds the challenge stays valid. */
  ttl: number;
}

/** A fresh single-use challenge to sign (attached PKCS#7) with a key. */
export const getChallenge = (http: PortalHttp): Promise<Challenge> =>
  http.request('/api/v1/auth/challenge', { method: 'POST' });

/** Sign in with a key: `pkcs7` is base64 attached PKCS#7 of a challenge. */
export const loginWithKey = (
  http: PortalHttp,
  proof: { pkcs7: string; role?: RoleRequest },
): Promise<SessionGrant> => http.request('/api/v1/auth/key', { json: proof });

/** Registration step 2 by key instead of passport data (also for foreign and stateless persons). */
export const submitIdentityByKey = (
  http: PortalHttp,
  id: string,
  pkcs7: string,
): Promise<RegistrationStep & { person: RegistryPerson }> =>
  http.request(reg(id, 'identity-key'), { json: { pkcs7 } });

/** Verify the signed-in account with a personal key: status becomes `verified`. */
export const verifyAccount = (
  http: PortalHttp,
  token: string,
  pkcs7: string,
): Promise<{ status: 'verified'; certificateSerial: string }> =>
  http.request('/api/v1/account/verify', { token, json: { pkcs7 } });

export interface BoundLegalEntity {
  tin: string;
  name: string;
  role: string;
}

export const listLegalEntities = (
  http: PortalHttp,
  token: string,
): Promise<{ legalEntities: Array<PortalRole & { type: 'legal' }> }> =>
  http.request('/api/v1/account/legal-entities', { token });

/** Bind a legal entity by signing a challenge with its key (verified accounts only). */
export const bindLegalEntity = (http: PortalHttp, token: string, pkcs7: string): Promise<BoundLegalEntity> =>
  http.request('/api/v1/account/legal-entities', { token, json: { pkcs7 } });
