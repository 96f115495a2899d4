/** The loopback administration API of a running sandbox (docs/portal-api.yaml, "sandbox administration"). */
import { NetworkError } from '../errors/index.js';
import { PortalHttp } from '../portal/index.js';
import type {
  ApplicationView,
  OutboxMessage,
  OutboxQuery,
  RegistryAnswer,
  RegistryQuery,
  SandboxStatus,
} from '../sandbox-contract/index.js';
import { runningSandbox } from './process.js';

export type {
  ApplicationView,
  OutboxMessage,
  RegistryCompany,
  RegistryPerson,
  SandboxStatus,
} from '../sandbox-contract/index.js';

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
  registry(q: RegistryQuery = {}): Promise<RegistryAnswer> {
    return this.http.request('/api/v1/sandbox/registry', { searchParams: q });
  }
  outbox(q: OutboxQuery = {}): Promise<{ messages: OutboxMessage[] }> {
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
