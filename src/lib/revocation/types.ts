/** The revocation area's vocabulary (a leaf: sign, keys and the CLI import it). */
import type { RevocationReason } from '../pki/index.js';

/** `auto` checks when it can and warns when it cannot; `require` fails; `off` does no network. */
export type RevocationMode = 'auto' | 'require' | 'off';
export const REVOCATION_MODES: readonly RevocationMode[] = ['auto', 'require', 'off'];

/** One certificate's revocation status, as the checker found it. */
export interface RevocationResult {
  status: 'good' | 'revoked' | 'unknown' | 'not-checked';
  /** The certificate it is about (serial, hex). */
  serial?: string;
  /** The OCSP URL, or the CRL's URL or file, that answered (or failed to). */
  source?: string;
  via?: 'ocsp' | 'crl';
  /** ISO time of the revocation. */
  revokedAt?: string;
  reason?: RevocationReason;
  /** Unknown / not checked: why (a code of `WHY_KEYS`, or `ocsp-<responseStatus>`). */
  why?: string;
  /** The transport's own words (`ECONNREFUSED`, `HTTP 503`, `timeout`). */
  detail?: string;
}
