/**
 * The key-applications endpoints of the portal (docs/portal-api.yaml, tag "key applications"):
 * the online key application of DOMAIN.md flow 2. One function per endpoint; transport failures
 * and refusals are typed by `PortalHttp` (exit 7 / 8, the portal's code kept in `error.code`).
 * No session is needed: the application id is the applicant's handle.
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
  /** Legal entities: the company TIN (the portal finds the director). */
  tin?: string;
  /** E.164, `+998…`. */
  phone: string;
}

export interface IssuedCertificate {
  serialNumber: string;
  /** The holder's certificate, DER. */
  certificate: Buffer;
  /** Issuer certificates, DER, nearest first. */
  chain: Buffer[];
}

export type KeyDocumentKind = 'photo' | 'selfie';

const base = '/api/v1/key-applications';
const at = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Start an application; the portal sends an SMS code to the phone registered to the holder. */
export function startKeyApplication(
  http: PortalHttp,
  input: KeyApplicationStart,
): Promise<KeyApplicationStarted> {
  return http.request<KeyApplicationStarted>(base, { method: 'POST', json: input });
}

export function getKeyApplication(http: PortalHttp, id: string): Promise<KeyApplicationView> {
  return http.request<KeyApplicationView>(at(id));
}

export function resendKeyApplicationSms(http: PortalHttp, id: string): Promise<KeyApplicationStarted> {
  return http.request<KeyApplicationStarted>(`${at(id)}/sms/resend`, { method: 'POST', json: {} });
}

export function confirmKeyApplication(
  http: PortalHttp,
  id: string,
  code: string,
): Promise<KeyApplicationView> {
  return http.request<KeyApplicationView>(`${at(id)}/confirm`, { method: 'POST', json: { code } });
}

/** Attach the PKCS#10 request (DER; sent as base64). */
export function attachKeyRequest(
  http: PortalHttp,
  id: string,
  pkcs10: Uint8Array,
): Promise<KeyApplicationView> {
  return http.request<KeyApplicationView>(`${at(id)}/request`, {
    method: 'PUT',
    json: { pkcs10: Buffer.from(pkcs10).toString('base64') },
  });
}

/** Upload the photo or the selfie (the image bytes; the portal recognises JPEG/PNG by content). */
export function uploadKeyDocument(
  http: PortalHttp,
  id: string,
  kind: KeyDocumentKind,
  image: Uint8Array,
  contentType = 'application/octet-stream',
): Promise<KeyApplicationView> {
  return http.request<KeyApplicationView>(`${at(id)}/documents/${kind}`, {
    method: 'PUT',
    body: Buffer.from(image),
    headers: { 'content-type': contentType },
    timeoutMs: 60_000,
  });
}

/** Send the application; the answer carries the invoice. */
export function submitKeyApplication(http: PortalHttp, id: string): Promise<KeyApplicationView> {
  return http.request<KeyApplicationView>(`${at(id)}/submit`, { method: 'POST', json: {} });
}

/** The issued certificate and its chain (only once the application is `issued`). */
export async function getIssuedCertificate(http: PortalHttp, id: string): Promise<IssuedCertificate> {
  const a = await http.request<{ serialNumber: string; certificate: string; chain: string[] }>(
    `${at(id)}/certificate`,
  );
  return {
    serialNumber: a.serialNumber,
    certificate: Buffer.from(a.certificate, 'base64'),
    chain: (a.chain ?? []).map((c) => Buffer.from(c, 'base64')),
  };
}
