/**
 * The key-applications endpoints of the portal (docs/portal-api.yaml, tag "key applications"):
 * the online key application of DOMAIN.md flow 2. One function per endpoint; transport failures
 * and refusals are typed by `PortalHttp` (exit 7 / 8, the portal's code kept in `error.code`).
 * Once the SMS code is confirmed, every call needs the application-scoped secret the
 * confirmation answered (header `X-Application-Secret`) or a session of the key holder
 * (`Authorization: Bearer`): without them the portal answers APPLICATION_NOT_FOUND, as for an
 * unknown id. Before the confirmation the id alone is enough.
 */
import type { PortalHttp } from './http.js';

export type KeyApplicationType = 'individual' | 'legal';

export type KeyApplicationStatus =
  'awaiting_sms' | 'draft' | 'awaiting_payment' | 'in_review' | 'issued' | 'rejected';

export interface KeyApplicationInvoice {
  id: string;
  amount: number;
  currency: string;
  /** Percent of the base calculation amount (portal data, never hard-coded). */
  percent: number;
  bhm: number;
  paid: boolean;
}

/** The application as the portal shows it (`GET /api/v1/key-applications/:id`). */
export interface KeyApplicationView {
  id: string;
  type: KeyApplicationType;
  pinfl: string;
  tin: string | null;
  status: KeyApplicationStatus;
  keyAlgorithm: string | null;
  request: boolean;
  photo: boolean;
  selfie: boolean;
  invoice: KeyApplicationInvoice | null;
  reviewDueAt: string | null;
  rejectReason: string | null;
  certificateSerial: string | null;
  /** The name of the computer the application was started on (its private key stays there). */
  machine?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface KeyApplicationStarted {
  id: string;
  status: KeyApplicationStatus;
  /** The phone the code went to, masked by the portal. */
  phone: string;
  codeExpiresIn: number;
}

export interface KeyApplicationStart {
  type: KeyApplicationType;
  /** Individuals: the holder's PINFL. */
  pinfl?: string;
  /**
   * Legal entities: the company TIN (the portal finds the director, or the signed-in authorized
   * employee); individuals without `pinfl`: their personal TIN, linked to the PINFL by the registry.
   */
  tin?: string;
  /** E.164, `+998…`. */
  phone: string;
  /** The computer's name, so that the account's list says where the private key is. */
  machine?: string;
  /** SOATO codes of the region and district ("viloyat va tuman"). */
  region?: string;
  district?: string;
}

export interface IssuedCertificate {
  serialNumber: string;
  /** The holder's certificate, DER. */
  certificate: Buffer;
  /** Issuer certificates, DER, nearest first. */
  chain: Buffer[];
}

/** The SMS confirmation's answer: the application (maybe one opened earlier) and its secret. */
export interface KeyApplicationConfirmed extends KeyApplicationView {
  /** Application-scoped secret (`kas_…`): keep it like a password, send it with every later call. */
  secret: string;
  /** true: the key holder already had an open application; this is that one (`id` differs). */
  recovered: boolean;
}

/** What proves the caller may touch an application (either one). */
export interface KeyApplicationAccess {
  /** The application secret from the SMS confirmation. */
  secret?: string;
  /** A portal session token of the key holder's account. */
  token?: string;
}

export type KeyDocumentKind = 'photo' | 'selfie';

export const APPLICATION_SECRET_HEADER = 'x-application-secret';

const base = '/api/v1/key-applications';
const at = (id: string) => `${base}/${encodeURIComponent(id)}`;
const headersFor = (access: KeyApplicationAccess = {}): Record<string, string> =>
  access.secret ? { [APPLICATION_SECRET_HEADER]: access.secret } : {};

/** Start an application; the portal sends an SMS code to the phone registered to the holder. */
/**
 * Start an application. `token`: a session of the applicant; a person the company has authorized
 * applies for its key signed in (the portal takes who applies from the session, never the body).
 */
export function startKeyApplication(
  http: PortalHttp,
  input: KeyApplicationStart,
  token?: string,
): Promise<KeyApplicationStarted> {
  return http.request<KeyApplicationStarted>(base, { method: 'POST', json: input, token });
}

export function getKeyApplication(
  http: PortalHttp,
  id: string,
  access: KeyApplicationAccess = {},
): Promise<KeyApplicationView> {
  return http.request<KeyApplicationView>(at(id), { headers: headersFor(access), token: access.token });
}

export function resendKeyApplicationSms(http: PortalHttp, id: string): Promise<KeyApplicationStarted> {
  return http.request<KeyApplicationStarted>(`${at(id)}/sms/resend`, { method: 'POST', json: {} });
}

/** Confirm the phone; the answer carries the application secret (shown once). */
export function confirmKeyApplication(
  http: PortalHttp,
  id: string,
  code: string,
): Promise<KeyApplicationConfirmed> {
  return http.request<KeyApplicationConfirmed>(`${at(id)}/confirm`, { method: 'POST', json: { code } });
}

/** Attach the PKCS#10 request (DER; sent as base64). */
export function attachKeyRequest(
  http: PortalHttp,
  id: string,
  pkcs10: Uint8Array,
  access: KeyApplicationAccess = {},
): Promise<KeyApplicationView> {
  return http.request<KeyApplicationView>(`${at(id)}/request`, {
    method: 'PUT',
    json: { pkcs10: Buffer.from(pkcs10).toString('base64') },
    headers: headersFor(access),
    token: access.token,
  });
}

/** Upload the photo or the selfie (the image bytes; the portal recognises JPEG/PNG by content). */
export function uploadKeyDocument(
  http: PortalHttp,
  id: string,
  kind: KeyDocumentKind,
  image: Uint8Array,
  contentType = 'application/octet-stream',
  access: KeyApplicationAccess = {},
): Promise<KeyApplicationView> {
  return http.request<KeyApplicationView>(`${at(id)}/documents/${kind}`, {
    method: 'PUT',
    body: Buffer.from(image),
    headers: { ...headersFor(access), 'content-type': contentType },
    token: access.token,
    timeoutMs: 60_000,
  });
}

/** Send the application; the answer carries the invoice. */
export function submitKeyApplication(
  http: PortalHttp,
  id: string,
  access: KeyApplicationAccess = {},
): Promise<KeyApplicationView> {
  return http.request<KeyApplicationView>(`${at(id)}/submit`, {
    method: 'POST',
    json: {},
    headers: headersFor(access),
    token: access.token,
  });
}

/** The issued certificate and its chain (only once the application is `issued`). */
export async function getIssuedCertificate(
  http: PortalHttp,
  id: string,
  access: KeyApplicationAccess = {},
): Promise<IssuedCertificate> {
  const a = await http.request<{ serialNumber: string; certificate: string; chain: string[] }>(
    `${at(id)}/certificate`,
    { headers: headersFor(access), token: access.token },
  );
  return {
    serialNumber: a.serialNumber,
    certificate: Buffer.from(a.certificate, 'base64'),
    chain: (a.chain ?? []).map((c) => Buffer.from(c, 'base64')),
  };
}
