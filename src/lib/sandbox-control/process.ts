/**
 * The sandbox portal as a child process: `node <dist>/sandbox/main.js --port --data`, in the
 * foreground (logs on this terminal, Ctrl-C stops it) or detached (log file and pid file in the
 * data dir). The CLI talks to it only through the process table, those files and HTTP.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetworkError, UsageError } from '../errors/index.js';
import {
  DB_FILES,
  INFO_FILE,
  LOG_FILE,
  portalArgv,
  RUN_FILES,
  type ListeningLine,
  type SandboxRunInfo,
} from '../sandbox-contract/index.js';

/** The running portal, as its run file (`sandbox.json`) describes it. */
export type SandboxInfo = SandboxRunInfo;

/** The portal entry point next to this module: dist/sandbox/main.js, or src/…/main.ts under tsx. */
function entry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ts = here.endsWith('.ts');
  const file = path.resolve(path.dirname(here), '..', '..', 'sandbox', ts ? 'main.ts' : 'main.js');
  return { file, execArgv: ts ? ['--import', 'tsx'] : [] };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Where the process table can be read (Linux /proc), make sure the pid is still a sandbox portal
 * and not an unrelated process that reused the number after a crash.
 */
function isSandboxProcess(pid: number): boolean {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /sandbox[/\\]main\.(js|ts)/.test(cmd);
  } catch {
    return true; // no /proc (macOS, Windows): trust the pid file
  }
}

/** The running portal of a data dir, or undefined (stale files of a dead process are ignored). */
export function runningSandbox(dataDir: string): SandboxInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path.join(dataDir, INFO_FILE), 'utf8')) as SandboxInfo;
    return Number.isInteger(info.pid) && isAlive(info.pid) && isSandboxProcess(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

function removeRunFiles(dataDir: string): void {
  for (const f of RUN_FILES) rmSync(path.join(dataDir, f), { force: true });
}

export async function health(
  url: string,
  timeoutMs = 2000,
): Promise<{ status: string; version: string } | undefined> {
  try {
    const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? ((await res.json()) as { status: string; version: string }) : undefined;
  } catch {
    return undefined;
  }
}

export interface StartOptions {
  dataDir: string;
  port: number;
  host?: string;
  detach: boolean;
  /** Root CA algorithm when the data dir is new: `ozdst-1092` (portal default) or `ecdsa-p256`. */
  caAlgorithm?: string;
  /** Foreground only: called once the portal listens. */
  onListening?: (info: SandboxInfo) => void;
}

/** Refuse a bad port or a live portal; forget run files of a dead one (or of a reused pid). */
async function assertStartable(o: StartOptions): Promise<void> {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) {
    throw new UsageError('SANDBOX_BAD_PORT', 'sandbox.error.badPort', { params: { port: String(o.port) } });
  }
  const running = runningSandbox(o.dataDir);
  if (running && (await health(running.url))) {
    throw new UsageError('SANDBOX_RUNNING', 'sandbox.error.running', {
      params: { url: running.url, pid: running.pid },
      hintKey: 'sandbox.hint.stop',
    });
  }
  removeRunFiles(o.dataDir);
}

/** Both modes log requests: the foreground one to this terminal, the detached one to sandbox.log. */
const args = (o: StartOptions): string[] => {
  const e = entry();
  return [...e.execArgv, e.file, ...portalArgv(o)];
};

/** Detached: returns once the portal answers /api/v1/health (or fails with its log's last line). */
export async function startDetached(o: StartOptions): Promise<SandboxInfo> {
  await assertStartable(o);
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  const logFile = path.join(o.dataDir, LOG_FILE);
  const fd = openSync(logFile, 'a', 0o600);
  const child = spawn(process.execPath, args(o), { detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  child.unref();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited !== null) break;
    const info = runningSandbox(o.dataDir);
    if (info && info.pid === child.pid && (await health(info.url))) return info;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (exited === null && child.pid) process.kill(child.pid, 'SIGKILL');
  throw new NetworkError('SANDBOX_START_FAILED', 'sandbox.error.startFailed', {
    params: { reason: lastLogLine(logFile) },
  });
}

function lastLogLine(logFile: string): string {
  try {
    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    const last = lines[lines.length - 1] ?? '';
    try {
      const j = JSON.parse(last) as { error?: string; msg?: string };
      return j.error ?? j.msg ?? last;
    } catch {
      return last;
    }
  } catch {
    return 'no log';
  }
}

/**
 * Foreground: the portal's request log goes to this terminal; SIGINT/SIGTERM are passed on and the
 * promise settles when the portal has stopped.
 */
export async function runForeground(o: StartOptions): Promise<{ exitCode: number }> {
  await assertStartable(o);
  const child = spawn(process.execPath, args(o), { stdio: ['ignore', 'pipe', 'inherit'] });
  const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  let announced = false;
  let buffered = '';
  child.stdout!.on('data', (d: Buffer) => {
    if (!announced) {
      buffered += d.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('{"listening"'));
      if (line) {
        announced = true;
        const j = JSON.parse(line) as ListeningLine;
        o.onListening?.({ pid: j.pid, url: j.listening, port: Number(new URL(j.listening).port) });
        const rest = buffered.slice(buffered.indexOf(line) + line.length + 1);
        if (rest) process.stderr.write(rest);
      }
      return;
    }
    // Request log lines go to stderr: stdout carries only the command's result.
    process.stderr.write(d);
  });
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 0)));
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  if (!announced) {
    throw new NetworkError('SANDBOX_START_FAILED', 'sandbox.error.startFailed', {
      params: { reason: buffered.trim() || `exit ${code}` },
    });
  }
  return { exitCode: code };
}

/** SIGTERM, wait up to `timeoutMs`, then SIGKILL. Undefined when nothing was running. */
export async function stopSandbox(dataDir: string, timeoutMs = 10_000): Promise<SandboxInfo | undefined> {
  const info = runningSandbox(dataDir);
  if (!info) {
    removeRunFiles(dataDir);
    return undefined;
  }
  process.kill(info.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(info.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(info.pid)) process.kill(info.pid, 'SIGKILL');
  removeRunFiles(dataDir);
  return info;
}

/** Remove the database of a stopped sandbox (the next start seeds fresh registries and a new CA). */
export function clearData(dataDir: string): string[] {
  const removed: string[] = [];
  for (const f of DB_FILES) {
    const p = path.join(dataDir, f);
    if (existsSync(p)) {
      rmSync(p, { force: true });
      removed.push(p);
    }
  }
  return removed;
}
