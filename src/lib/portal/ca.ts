/** The portal's public CA material (`GET /api/v1/ca/certificates`): trust anchors for verification. */
import type { PortalHttp } from './http.js';

export interface CaCertificates {
  /** The root CA certificate, base64 DER. */
  ca: string;
  /** The time-stamping authority's certificate, base64 DER. */
  tsa: string;
}

export const getCaCertificates = (http: PortalHttp): Promise<CaCertificates> =>
  http.request('/api/v1/ca/certificates');
