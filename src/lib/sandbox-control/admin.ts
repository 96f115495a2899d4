/** The loopback administration API of a running sandbox (docs/portal-api.yaml, "sandbox administration"). */
import { existsSync } from 'node:fs';
import { NetworkError, UsageError } from '../errors/index.js';
import { PortalHttp } from '../portal/index.js';
import type {
  ApplicationView,
  OutboxMessage,
  OutboxQuery,
  RegistryAnswer,
  RegistryQuery,
  RevokeAnswer,
  RevokeReason,
  SandboxStatus,
} from '../sandbox-contract/index.js';
import { runningSandbox } from './process.js';

export type {
  ApplicationView,
  RevokeAnswer,
  RevokeReason,
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
  /** Revoke a certificate named by its serial (hex) or by a key file holding it (read without the password). */
  async revoke(target: string, reason: RevokeReason = 'unspecified'): Promise<RevokeAnswer> {
    const serial = await revocationSerial(target);
    return this.http.request(`/api/v1/sandbox/certificates/${encodeURIComponent(serial)}/revoke`, {
      method: 'POST',
      json: { reason },
    });
  }
  reset(): Promise<{ status: string }> {
    return this.http.request('/api/v1/sandbox/reset', { method: 'POST' });
  }
}

/**
 * The serial (hex) `sandbox revoke` means: an existing file is a key file whose certificate serial
 * is read without the password (from the certificate, else from the E-IMZO alias); otherwise the
 * argument must be a hex serial.
 */
export async function revocationSerial(target: string): Promise<string> {
  if (existsSync(target)) {
    // Loaded only here: the other sandbox commands start without the key and PKCS#12 code.
    const [{ readKeyFile, summarizePfx }, { readPfxPublic }] = await Promise.all([
      import('../keys/index.js'),
      import('../pki/index.js'),
    ]);
    const summary = summarizePfx(target, '', readPfxPublic(await readKeyFile(target)));
    if (!summary.serial) {
      throw new UsageError('KEY_SERIAL_HIDDEN', 'sandbox.error.keySerialHidden', {
        params: { path: target },
      });
    }
    return summary.serial.toLowerCase();
  }
  const hex = target.replace(/[\s:]/g, '');
  if (!/^[0-9a-f]{1,40}$/i.test(hex)) {
    throw new UsageError('REVOKE_TARGET_INVALID', 'sandbox.error.revokeTarget', { params: { target } });
  }
  return hex.toLowerCase();
}
