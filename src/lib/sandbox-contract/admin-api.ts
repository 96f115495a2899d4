/**
 * Wire shapes of the sandbox's loopback administration API (docs/portal-api.yaml, "sandbox
 * administration"): the portal answers them, `SandboxAdmin` and the `oneid sandbox` commands read
 * them. Registry records travel as the registry holds them (snake_case columns); the other answers
 * use the portal's camelCase.
 */

import type { KeyApplicationView } from '../portal/index.js';

export type PersonKind = 'citizen' | 'foreign' | 'stateless';

/** A person of the population registry (`GET /api/v1/sandbox/registry`, `persons`). */
export interface RegistryPerson {
  pinfl: string;
  passport: string;
  surname: string;
  first_name: string;
  patronymic: string | null;
  sex: 'M' | 'F';
  birth_date: string;
  birth_place: string;
  birth_country: string;
  nationality: string;
  citizenship: string;
  kind: PersonKind;
  passport_issued_by: string;
  passport_issue_date: string;
  passport_expiry_date: string;
  address: string;
  region: string;
  phone: string;
  tin: string | null;
}

/** A company of the company registry with the people who hold roles in it. */
export interface RegistryCompany {
  tin: string;
  name: string;
  acronym: string;
  director_pinfl: string;
  address: string;
  phone: string;
  roles: Array<{ pinfl: string; role: string }>;
}

/** A message the portal "sent" (`GET /api/v1/sandbox/outbox`), newest first. */
export interface OutboxMessage {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  createdAt: string;
}

/** A key application as the portal shows it (also the answer of pay, approve and reject). */
export type ApplicationView = KeyApplicationView;

/** `GET /api/v1/sandbox/status`. */
export interface SandboxStatus {
  status: string;
  version: string;
  pid: number;
  dataDir: string;
  uptimeSeconds: number;
  integrity: 'ok' | 'damaged';
  counts: Record<string, number>;
}

/** `GET /api/v1/sandbox/registry` query (a type, not an interface: it is a query-string record). */
export type RegistryQuery = {
  kind?: PersonKind;
  free?: boolean;
  limit?: number;
};
/** `GET /api/v1/sandbox/registry` answer. */
export interface RegistryAnswer {
  persons: RegistryPerson[];
  companies: RegistryCompany[];
}

/** `GET /api/v1/sandbox/outbox` query (`phone` also takes an e-mail address). */
export type OutboxQuery = {
  phone?: string;
  channel?: 'sms' | 'email';
  last?: number;
};

/** The revocation reasons `POST /api/v1/sandbox/certificates/:id/revoke` takes (RFC 5280 CRLReason names). */
export const REVOKE_REASONS = [
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

/** `POST /api/v1/sandbox/certificates/:id/revoke` answer: the serial (hex), when, and why. */
export interface RevokeAnswer {
  serial: string;
  revokedAt: string;
  reason: RevokeReason;
}
