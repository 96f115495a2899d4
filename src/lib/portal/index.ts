/**
 * The typed client of the portal API (docs/portal-api.yaml): one function per endpoint, errors
 * mapped to exit codes in `http.ts`. It knows nothing but HTTP and identifiers.
 */
export { PortalHttp, type RequestOptions, type PortalClientOptions, type PortalErrorBody } from './http.js';
export { portalEndpoint } from './url.js';
export * from './accounts.js';
export * from './key-applications.js';
export * from './ca.js';
export * from './health.js';
export * from './company.js';
