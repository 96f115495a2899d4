/**
 * The sandbox portal as a child process: `node <dist>/sandbox/main.js --port --data`, in the
 * foreground (logs on this terminal, Ctrl-C stops it) or detached (log file and pid file in the
 * data dir). The CLI talks to it only through the process table, those files and HTTP; the
 * process machinery is the daemon area's, shared with the E-IMZO agent.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  entryBeside,
  isAlive,
  removeRunFiles,
  runForeground as runDaemonForeground,
  runningDaemon,
  startDetached as startDaemon,
  stopDaemon,
  type DaemonSpec,
} from '../daemon/index.js';
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

export { isAlive };

/** The running portal, as its run file (`sandbox.json`) describes it. */
export type SandboxInfo = SandboxRunInfo;

/** Files and the command line of the portal of a data dir (`--port` etc. only when starting). */
function spec(dataDir: string, o?: StartOptions): DaemonSpec {
  return {
    dir: dataDir,
    infoFile: INFO_FILE,
    runFiles: RUN_FILES,
    logFile: LOG_FILE,
    // The portal entry point next to this module: dist/sandbox/main.js, or src/…/main.ts under tsx.
    entry: entryBeside(import.meta.url, '../../sandbox/main'),
    argv: o ? portalArgv(o) : [],
    cmdline: /sandbox[/\\]main\.(js|ts)/,
    ready: async (info) => !!(await health((info as SandboxInfo).url)),
    startFailed: (reason) =>
      new NetworkError('SANDBOX_START_FAILED', 'sandbox.error.startFailed', { params: { reason } }),
  };
}

/** The running portal of a data dir, or undefined (stale files of a dead process are ignored). */
export function runningSandbox(dataDir: string): SandboxInfo | undefined {
  return runningDaemon<SandboxInfo>(spec(dataDir));
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
  removeRunFiles(spec(o.dataDir));
}

/** Detached: returns once the portal answers /api/v1/health (or fails with its log's last line). */
export async function startDetached(o: StartOptions): Promise<SandboxInfo> {
  await assertStartable(o);
  return startDaemon<SandboxInfo>(spec(o.dataDir, o));
}

/**
 * Foreground: the portal's request log goes to this terminal; SIGINT/SIGTERM are passed on and the
 * promise settles when the portal has stopped.
 */
export async function runForeground(o: StartOptions): Promise<{ exitCode: number }> {
  await assertStartable(o);
  return runDaemonForeground<ListeningLine>(spec(o.dataDir, o), (j) =>
    o.onListening?.({ pid: j.pid, url: j.listening, port: Number(new URL(j.listening).port) }),
  );
}

/** SIGTERM, wait up to `timeoutMs`, then SIGKILL. Undefined when nothing was running. */
export async function stopSandbox(dataDir: string, timeoutMs = 10_000): Promise<SandboxInfo | undefined> {
  return stopDaemon<SandboxInfo>(spec(dataDir), timeoutMs);
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
