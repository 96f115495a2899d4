/**
 * A long-running child process of the CLI (the sandbox portal, the E-IMZO agent): started in the
 * foreground (its log on this terminal, Ctrl-C stops it) or detached (log file, run files), found
 * again through its run file and the process table, stopped by PID. The process itself writes its
 * run file once it is ready and prints one JSON line whose first key is `listening`; this module
 * knows nothing else about it.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OneIdError } from '../errors/index.js';

/** How to start and recognise one kind of long-running process. */
export interface DaemonSpec {
  /** Folder of its run files and log (created 0700). */
  dir: string;
  /** The JSON run file the process writes once it is ready (holds at least `pid`). */
  infoFile: string;
  /** Files that exist only while it runs (removed after it stopped or died). */
  runFiles: string[];
  /** The detached process's stdout and stderr. */
  logFile: string;
  /** Entry script and node options (`--import tsx` under the TypeScript sources). */
  entry: { file: string; execArgv: string[] };
  /** Arguments after the entry script. */
  argv: string[];
  /** The command line of a live process of this kind (guards against a reused pid). */
  cmdline: RegExp;
  /** Answers once the process serves (the run file alone may be written a moment early). */
  ready: (info: { pid: number }) => Promise<boolean>;
  /** The error to throw when it did not start, given the reason (last log line, exit status). */
  startFailed: (reason: string) => OneIdError;
}

/** The entry script beside `moduleUrl`'s folder + `rel`: `.js` in dist/, `.ts` with tsx under src/. */
export function entryBeside(moduleUrl: string, rel: string): { file: string; execArgv: string[] } {
  const here = fileURLToPath(moduleUrl);
  const ts = here.endsWith('.ts');
  const file = path.resolve(path.dirname(here), `${rel}.${ts ? 'ts' : 'js'}`);
  return { file, execArgv: ts ? ['--import', 'tsx'] : [] };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An exited process not yet reaped by its (new) parent is a zombie: gone for our purposes.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS, Windows)
  }
}

/**
 * Where the process table can be read (Linux /proc), make sure the pid still runs `cmdline` and
 * is not an unrelated process that reused the number after a crash.
 */
function isOwnProcess(pid: number, cmdline: RegExp): boolean {
  try {
    return cmdline.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc (macOS, Windows): trust the run file
  }
}

/** The run file of the live process, or undefined (stale files of a dead process are ignored). */
export function runningDaemon<I extends { pid: number }>(
  spec: Pick<DaemonSpec, 'dir' | 'infoFile' | 'cmdline'>,
): I | undefined {
  try {
    const info = JSON.parse(readFileSync(path.join(spec.dir, spec.infoFile), 'utf8')) as I;
    return Number.isInteger(info.pid) && isAlive(info.pid) && isOwnProcess(info.pid, spec.cmdline)
      ? info
      : undefined;
  } catch {
    return undefined;
  }
}

export function removeRunFiles(spec: Pick<DaemonSpec, 'dir' | 'runFiles'>): void {
  for (const f of spec.runFiles) rmSync(path.join(spec.dir, f), { force: true });
}

/** Detached: returns the run file once `ready` answers (or fails with its log's last line). */
export async function startDetached<I extends { pid: number }>(
  spec: DaemonSpec,
  timeoutMs = 30_000,
): Promise<I> {
  mkdirSync(spec.dir, { recursive: true, mode: 0o700 });
  const logFile = path.join(spec.dir, spec.logFile);
  const fd = openSync(logFile, 'a', 0o600);
  const child = spawn(process.execPath, [...spec.entry.execArgv, spec.entry.file, ...spec.argv], {
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  child.unref();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) break;
    const info = runningDaemon<I>(spec);
    if (info && info.pid === child.pid && (await spec.ready(info))) return info;
    await new Promise((r) => setTimeout(r, 25));
  }
  if (exited === null && child.pid) process.kill(child.pid, 'SIGKILL');
  throw spec.startFailed(lastLogLine(logFile));
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
 * Foreground: the process's log goes to this terminal (stderr); SIGINT/SIGTERM are passed on and
 * the promise settles when it has stopped. `onListening` gets the parsed `{"listening"…}` line.
 * `stdin: 'inherit'` lends it this terminal (the agent asks for passwords there).
 */
export async function runForeground<L>(
  spec: DaemonSpec,
  onListening: (line: L) => void,
  o: { stdin?: 'inherit' | 'ignore' } = {},
): Promise<{ exitCode: number }> {
  const stdio: StdioOptions = [o.stdin ?? 'ignore', 'pipe', 'inherit'];
  const child = spawn(process.execPath, [...spec.entry.execArgv, spec.entry.file, ...spec.argv], { stdio });
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
        onListening(JSON.parse(line) as L);
        const rest = buffered.slice(buffered.indexOf(line) + line.length + 1);
        if (rest) process.stderr.write(rest);
      }
      return;
    }
    // Log lines go to stderr: stdout carries only the command's result.
    process.stderr.write(d);
  });
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 0)));
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  if (!announced) throw spec.startFailed(buffered.trim() || `exit ${code}`);
  return { exitCode: code };
}

/** SIGTERM, wait up to `timeoutMs`, then SIGKILL. Undefined when nothing was running. */
export async function stopDaemon<I extends { pid: number }>(
  spec: Pick<DaemonSpec, 'dir' | 'infoFile' | 'cmdline' | 'runFiles'>,
  timeoutMs = 10_000,
): Promise<I | undefined> {
  const info = runningDaemon<I>(spec);
  if (!info) {
    removeRunFiles(spec);
    return undefined;
  }
  process.kill(info.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(info.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(info.pid)) process.kill(info.pid, 'SIGKILL');
  removeRunFiles(spec);
  return info;
}
