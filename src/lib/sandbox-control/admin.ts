/** The loopback administration API of a running sandbox (docs/portal-api.yaml, "sandbox administration"). */
import { NetworkError } from '../errors/index.js';
import { PortalHttp } from '../portal/index.js';
import { runningSandbox } from './process.js';

export interface OutboxMessage {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  createdAt: string;
}

export interface RegistryPerson {
  pinfl: string;
  passport: string;
  surname: string;
  first_name: string;
  patronymic: string | null;
  kind: 'citizen' | 'foreign' | 'stateless';
  phone: string;
  passport_expiry_date: string;
  tin: string | null;
  [k: string]: unknown;
}

export interface RegistryCompany {
  tin: string;
  name: string;
  director_pinfl: string;
  phone: string;
  roles: Array<{ pinfl: string; role: string }>;
  [k: string]: unknown;
}

export interface ApplicationView {
  id: string;
  status: string;
  invoice: { id: string; amount: number; paid: boolean } | null;
  certificateSerial: string | null;
  rejectReason: string | null;
  [k: string]: unknown;
}

export interface SandboxStatus {
  status: string;
  version: string;
  pid: number;
  dataDir: string;
  uptimeSeconds: number;
  integrity: 'ok' | 'damaged';
  counts: Record<string, number>;
}

/** Admin client for the sandbox of `dataDir` (or an explicit URL). */
export class SandboxAdmin {
  private readonly http: PortalHttp;
  constructor(readonly url: string) {
    this.http = new PortalHttp({ baseUrl: url, timeoutMs: 15_000 });
  }

  static forDataDir(dataDir: string, url?: string): SandboxAdmin {
    if (url) return new SandboxAdmin(url);
    const info = runningSandbox(dataDir);
    if (!info) {
      throw new NetworkError('SANDBOX_NOT_RUNNING', 'sandbox.error.notRunning', {
        params: { dir: dataDir },
        hintKey: 'sandbox.hint.start',
      });
    }
    return new SandboxAdmin(info.url);
  }

  status(): Promise<SandboxStatus> {
    return this.http.request('/api/v1/sandbox/status');
  }
  registry(
    q: { kind?: string; free?: boolean; limit?: number } = {},
  ): Promise<{ persons: RegistryPerson[]; companies: RegistryCompany[] }> {
    return this.http.request('/api/v1/sandbox/registry', { searchParams: q });
  }
  outbox(
    q: { phone?: string; last?: number; channel?: string } = {},
  ): Promise<{ messages: OutboxMessage[] }> {
    return this.http.request('/api/v1/sandbox/outbox', { searchParams: q });
  }
  approve(id: string): Promise<ApplicationView> {
    return this.http.request(`/api/v1/sandbox/key-applications/${encodeURIComponent(id)}/approve`, {
      method: 'POST',
    });
  }
  reject(id: string, reason: string): Promise<ApplicationView> {
    return this.http.request(`/api/v1/sandbox/key-applications/${encodeURIComponent(id)}/reject`, {
      method: 'POST',
      json: { reason },
    });
  }
  pay(invoice: string): Promise<ApplicationView> {
    return this.http.request(`/api/v1/sandbox/invoices/${encodeURIComponent(invoice)}/pay`, {
      method: 'POST',
    });
  }
  reset(): Promise<{ status: string }> {
    return this.http.request('/api/v1/sandbox/reset', { method: 'POST' });
  }
}
