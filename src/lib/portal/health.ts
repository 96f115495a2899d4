/** `GET /api/v1/health`: liveness and version; the answer's Date header serves the clock check. */
import type { PortalHttp } from './http.js';

export interface PortalHealth {
  status: string;
  version?: string;
  /** The portal's clock (its Date header), when it sent one. */
  date?: Date;
}

export async function getHealth(http: PortalHttp, o: { timeoutMs?: number } = {}): Promise<PortalHealth> {
  let date: Date | undefined;
  const body = await http.request<Omit<PortalHealth, 'date'> | undefined>('/api/v1/health', {
    timeoutMs: o.timeoutMs,
    headers: { accept: 'application/json' },
    onHeaders: (h) => {
      const d = typeof h.date === 'string' ? new Date(h.date) : undefined;
      if (d && !Number.isNaN(d.getTime())) date = d;
    },
  });
  return { status: body?.status ?? '', ...(body?.version ? { version: body.version } : {}), date };
}
