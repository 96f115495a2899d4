/**
 * The revocation area: is a certificate revoked? An OCSP client and CRL fetch/parse/cache behind
 * one per-run checker, and the policy for keys (`key sign`, `key doctor`). The rules for
 * signatures (revoked later, after a trusted timestamp) are the sign area's, over these results.
 */
export { RevocationChecker, type CheckerOptions } from './checker.js';
export { crlProblem, crlUrls, ocspUrls, parseCrl, type Crl, type CrlEntry } from './crl.js';
export { checkOcspResponse, queryOcsp, type OcspAnswer } from './ocsp-client.js';
export { established, keyVerdict, reasonText, sourceText, whyText } from './policy.js';
export { REVOCATION_MODES, type RevocationMode, type RevocationResult } from './types.js';

import { configDir } from '../config/index.js';
import path from 'node:path';

/** Where fetched CRLs are cached: `<config folder>/crl`. */
export function crlCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), 'crl');
}
