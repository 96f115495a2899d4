/**
 * Keychain calls run in a short-lived child process, so that a timeout is real.
 *
 * `@napi-rs/keyring` talks to the OS keychain synchronously in native code: on Linux a locked
 * keyring waits for an unlock prompt, and a bus that accepts the connection but never answers
 * blocks even the `Entry` constructor. Neither the async API (its AbortSignal only abandons the
 * promise: the thread-pool thread stays blocked and keeps the process from exiting) nor a worker
 * thread (`terminate()` cannot interrupt native code, and the process then hangs at exit) can stop
 * that; killing a child process can. Cost: one `node` start (~80-100 ms) per store operation, which
 * batches its calls over one child (see docs/decisions.md).
 *
 * Protocol: one JSON request per line on the child's stdin, one JSON reply per line on its stdout.
 * Secrets travel only through the pipe, never in argv or the environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

import { StorageError } from '../errors/index.js';

export type KeychainRequest =
  | { op: 'get'; service: string; account: string }
  | { op: 'set'; service: string; account: string; secret: string }
  | { op: 'delete'; service: string; account: string };

/** The child: a CommonJS script run with `node -e`, the keyring module's path as its argument. */
const CHILD = `'use strict';
let keyring;
// Linux: require the Secret Service; never fall back silently to the volatile kernel keyring.
const options = process.platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined;
const reply = (r) => process.stdout.write(JSON.stringify(r) + '\\n');
require('node:readline').createInterface({ input: process.stdin, crlfDelay: Infinity }).on('line', (line) => {
  try {
    const q = JSON.parse(line);
    keyring ??= require(process.argv[1]);
    const entry = new keyring.Entry(q.service, q.account, options);
    if (q.op === 'get') reply({ ok: true, value: entry.getPassword() ?? null });
    else if (q.op === 'set') reply({ ok: true, value: (entry.setPassword(q.secret), null) });
    else if (q.op === 'delete') reply({ ok: true, value: entry.deleteCredential() });
    else reply({ ok: false, message: 'unknown operation' });
  } catch (e) {
    reply({ ok: false, message: String((e && e.message) || e), loading: !keyring });
  }
});
`;

interface Reply {
  ok: boolean;
  value?: string | boolean | null;
  message?: string;
  /** The failure happened while loading the native module. */
  loading?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 3000;

const HINT_UNAVAILABLE = 'session.hint.keychainUnavailable';
const HINT_LOCKED = 'session.hint.keychainLocked';

export function unavailable(reason: string): StorageError {
  return new StorageError('KEYCHAIN_UNAVAILABLE', 'session.error.keychainUnavailable', {
    params: { reason },
    hintKey: HINT_UNAVAILABLE,
  });
}

/**
 * Map a keyring error to exit 9 with a fix. keyring-rs words its errors as
 * "Platform failure: …" (no keychain service: no D-Bus, no Secret Service, no native binding)
 * and "Couldn't access platform storage: …" (the keychain is there but refuses: locked, the
 * unlock prompt dismissed or impossible, no default keyring to write into).
 */
export function classify(message: string, loading = false): StorageError {
  if (loading || /^Platform failure|native binding/i.test(message)) return unavailable(message);
  if (/^Couldn't access platform storage/i.test(message)) {
    return new StorageError('KEYCHAIN_LOCKED', 'session.error.keychainLocked', {
      params: { reason: message },
      hintKey: HINT_LOCKED,
    });
  }
  return new StorageError('KEYCHAIN_FAILED', 'session.error.keychainFailed', {
    params: { reason: message },
    hintKey: HINT_UNAVAILABLE,
  });
}

function timedOut(timeoutMs: number): StorageError {
  return new StorageError('KEYCHAIN_LOCKED', 'session.error.keychainTimeout', {
    params: { seconds: Math.round(timeoutMs / 100) / 10 },
    hintKey: HINT_LOCKED,
    data: { timeoutMs },
  });
}

let modulePath: string | undefined;
function keyringModule(): string {
  modulePath ??= createRequire(import.meta.url).resolve('@napi-rs/keyring');
  return modulePath;
}

/** One child process serving the keychain calls of one store operation. */
export class KeychainProcess {
  private child?: ChildProcess;
  private buffered = '';
  private stderr = '';
  private waiting?: { resolve: (r: Reply) => void; reject: (e: Error) => void };
  private failure?: StorageError;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly timeoutMs: number = DEFAULT_TIMEOUT_MS,
  ) {}

  private start(): ChildProcess {
    let module: string;
    try {
      module = keyringModule();
    } catch (e) {
      throw unavailable(e instanceof Error ? e.message : String(e));
    }
    const child = spawn(process.execPath, ['-e', CHILD, module], {
      env: this.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      this.buffered += chunk;
      let nl: number;
      while ((nl = this.buffered.indexOf('\n')) >= 0) {
        const line = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        const w = this.waiting;
        this.waiting = undefined;
        try {
          w?.resolve(JSON.parse(line) as Reply);
        } catch {
          w?.reject(unavailable(`unreadable reply from the keychain process: ${line.slice(0, 200)}`));
        }
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-2000);
    });
    // Broken pipe when the child died: reported through 'exit' below.
    child.stdin!.on('error', () => {});
    const lost = (why: string) => {
      const tail = this.stderr.trim().split('\n').pop() ?? '';
      this.failure ??= unavailable(tail ? `${why}: ${tail}` : why);
      const w = this.waiting;
      this.waiting = undefined;
      w?.reject(this.failure);
    };
    child.on('error', (e) => lost(e.message));
    child.on('exit', (code, signal) => lost(`keychain process ended (${signal ?? `exit ${code}`})`));
    this.child = child;
    return child;
  }

  /** Run one request; rejects with a StorageError (exit 9) on failure or after the timeout. */
  async call(request: KeychainRequest): Promise<string | boolean | null> {
    if (this.failure) throw this.failure;
    const child = this.child ?? this.start();
    const reply = await new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failure = timedOut(this.timeoutMs);
        this.waiting = undefined;
        child.kill('SIGKILL');
        reject(this.failure);
      }, this.timeoutMs);
      this.waiting = {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
      child.stdin!.write(`${JSON.stringify(request)}\n`);
    });
    if (!reply.ok) throw classify(reply.message ?? 'unknown error', reply.loading);
    return reply.value ?? null;
  }

  /** Let the child finish: it exits when its stdin closes. */
  close(): void {
    const child = this.child;
    if (!child) return;
    this.failure ??= unavailable('closed');
    child.removeAllListeners('exit');
    child.stdin!.end();
    // A child still blocked in a keychain call must not outlive us.
    if (child.exitCode === null && this.waiting) child.kill('SIGKILL');
  }
}

/** Run `fn` with one keychain process, always closed afterwards. */
export async function withKeychain<T>(
  env: NodeJS.ProcessEnv,
  timeoutMs: number | undefined,
  fn: (k: KeychainProcess) => Promise<T>,
): Promise<T> {
  const k = new KeychainProcess(env, timeoutMs);
  try {
    return await fn(k);
  } finally {
    k.close();
  }
}
