/**
 * The doctor's portal checks, through the portal client (so a portal under a path prefix,
 * `https://host/oneid`, is probed at `https://host/oneid/api/v1/health`): reachability and the
 * portal's clock, and its CA certificate as the trust anchor when no --ca is given.
 */
import { isOneIdError } from '../errors/index.js';
import { parseCertificate, type Certificate } from '../pki/index.js';
import { getCaCertificates, getHealth, PortalHttp } from '../portal/index.js';
import type { DoctorCheck } from './doctor.js';

export interface PortalProbe {
  check: DoctorCheck;
  serverDate?: Date;
}

/** The portal client for a URL, or the one given. */
export const portalClient = (portal: string | PortalHttp): PortalHttp =>
  typeof portal === 'string' ? new PortalHttp({ baseUrl: portal }) : portal;

export async function probePortal(http: PortalHttp, timeoutMs: number): Promise<PortalProbe> {
  const url = http.baseUrl;
  const fail = (reason: string, serverDate?: Date): PortalProbe => ({
    check: {
      id: 'portal',
      status: 'fail',
      key: 'keys.doctor.portal.fail',
      params: { url, reason },
      fixKey: 'keys.doctor.portal.fix',
    },
    serverDate,
  });
  try {
    const health = await getHealth(http, { timeoutMs });
    if (health.status === 'ok')
      return {
        check: { id: 'portal', status: 'pass', key: 'keys.doctor.portal.pass', params: { url } },
        serverDate: health.date,
      };
    return fail(`status ${health.status || '?'}`, health.date);
  } catch (e) {
    if (!isOneIdError(e)) return fail(e instanceof Error ? e.message : String(e));
    const p = e.params;
    if (e.code === 'PORTAL_TIMEOUT') return fail(`timeout ${timeoutMs} ms`);
    if (p.status !== undefined) return fail(`HTTP ${String(p.status)}`);
    return fail(String(p.reason ?? p.code ?? e.code));
  }
}

/** The portal's CA certificate (`GET /api/v1/ca/certificates`); none on any error. */
export async function fetchPortalCa(http: PortalHttp): Promise<Certificate[]> {
  try {
    const body = await getCaCertificates(http);
    return typeof body?.ca === 'string' ? [parseCertificate(Buffer.from(body.ca, 'base64'))] : [];
  } catch {
    return [];
  }
}
