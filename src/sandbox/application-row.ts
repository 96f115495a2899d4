/** A key application as stored (table `applications`): a leaf, so the CA and the access checks need not import the service. */
export type ApplicationStatus =
  'awaiting_sms' | 'draft' | 'awaiting_payment' | 'in_review' | 'issued' | 'rejected';

export interface ApplicationRow {
  id: string;
  type: 'individual' | 'legal';
  pinfl: string;
  tin: string | null;
  phone: string;
  status: ApplicationStatus;
  pkcs10: Buffer | null;
  key_algorithm: string | null;
  photo_type: string | null;
  selfie_type: string | null;
  invoice_id: string | null;
  fee_amount: number | null;
  fee_percent: number | null;
  bhm: number | null;
  paid_at: number | null;
  review_due_at: number | null;
  reject_reason: string | null;
  certificate_serial: string | null;
  created_at: number;
  updated_at: number;
  /** SHA-256 of the application-scoped secret issued at SMS confirmation. */
  secret_hash: string | null;
  /** The name of the computer that started it (told by the client; shown in "Mening arizalarim"). */
  machine: string | null;
}
