/**
 * Start the real sandbox portal as a child process on a free port with its own data dir, for any
 * area's tests:
 *
 *   const sb = await startSandbox({ autoApproveMs: 0 });
 *   ... process.env.ONEID_PORTAL = sb.url ...
 *   const code = await sb.lastSmsCode('+998901234567');
 *   await sb.stop();
 *
 * The child runs `src/sandbox/main.ts` through tsx (no build needed), listens on port 0 and
 * reports its URL on stdout; `stop()` sends SIGTERM (SIGKILL after 5 s) and removes a temporary
 * data dir. Children still running when the test process exits are killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = path.join(ROOT, 'src', 'sandbox', 'main.ts');

export interface SandboxOptions {
  /** Data dir to use (kept); default: a new temporary dir, removed by `stop()`. */
  dataDir?: string;
  /** Approve paid key applications after this many ms (0 = at once); default: the portal's setting. */
  autoApproveMs?: number;
  /** Raise the per-IP limits so that many parallel clients from 127.0.0.1 are not throttled. */
  relaxedLimits?: boolean;
  /** Any other portal settings (see src/sandbox/settings.ts). */
  settings?: Record<string, number>;
  /** Log requests to this test process's stderr. */
  verbose?: boolean;
  /** Port to listen on; default 0 (a free port). */
  port?: number;
  /** Root CA algorithm of a new data dir: O'z DSt 1092 (default) or ECDSA P-256 (for plain OpenSSL). */
  caAlgorithm?: 'ozdst-1092' | 'ecdsa-p256';
}

export interface SandboxHandle {
  url: string;
  port: number;
  dataDir: string;
  pid: number;
  /** SIGTERM, wait for exit; removes the data dir if the helper created it. */
  stop(): Promise<void>;
  /** SIGKILL without cleanup (crash tests); the data dir stays. */
  kill(): Promise<void>;
  /** JSON request helper: returns status and parsed body. */
  request(
    method: string,
    urlPath: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  /** The newest SMS sent to `phone` (from the loopback outbox), or undefined. */
  lastSms(phone: string): Promise<string | undefined>;
  /** The 6-digit code in the newest SMS to `phone`. */
  lastSmsCode(phone: string): Promise<string>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'oneid-sandbox-'));
  const args = ['--import', 'tsx', MAIN, '--port', String(opts.port ?? 0), '--data', dataDir];
  if (!opts.verbose) args.push('--quiet');
  if (opts.caAlgorithm) args.push('--ca-algorithm', opts.caAlgorithm);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', opts.verbose ? 'inherit' : 'pipe'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(
    () => live.delete(child),
    () => undefined,
  );

  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sandbox did not start within 30 s: ${stderr}`));
    }, 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"listening"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { listening: string }).listening);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}: ${stderr}`));
    });
  });
  child.stdout!.resume();

  const request: SandboxHandle['request'] = async (method, urlPath, body, headers = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      if (Buffer.isBuffer(body) || typeof body === 'string') init.body = body as string;
      else {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
    }
    const res = await fetch(url + urlPath, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  };

  // Health must answer before the handle is returned.
  for (let i = 0; ; i++) {
    try {
      const h = await request('GET', '/api/v1/health');
      if (h.status === 200) break;
    } catch (e) {
      if (i > 100) throw e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const settings: Record<string, number> = { ...(opts.settings ?? {}) };
  if (opts.autoApproveMs !== undefined) settings.reviewDelayMs = opts.autoApproveMs;
  if (opts.relaxedLimits) Object.assign(settings, { ipMaxSms: 1_000_000, ipMaxFailures: 1_000_000 });
  if (Object.keys(settings).length) {
    const r = await request('PATCH', '/api/v1/sandbox/settings', settings);
    if (r.status !== 200) throw new Error(`sandbox settings refused: ${JSON.stringify(r.body)}`);
  }

  const waitExit = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };

  const lastSms = async (phone: string): Promise<string | undefined> => {
    const r = await request(
      'GET',
      `/api/v1/sandbox/outbox?phone=${encodeURIComponent(phone)}&channel=sms&last=1`,
    );
    return (r.body as { messages: Array<{ body: string }> }).messages[0]?.body;
  };

  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    pid: child.pid!,
    request,
    lastSms,
    async lastSmsCode(phone) {
      const text = await lastSms(phone);
      const code = text && /\b(\d{6})\b/.exec(text)?.[1];
      if (!code) throw new Error(`no SMS code for ${phone}`);
      return code;
    },
    async stop() {
      await waitExit('SIGTERM');
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      await waitExit('SIGKILL');
    },
  };
}
