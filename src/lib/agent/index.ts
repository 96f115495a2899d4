/**
 * The E-IMZO agent from the CLI's side: start it (foreground or detached, the daemon area's
 * machinery), stop it, and talk to it over its control socket (status, unlock, lock, allow, deny);
 * the signature log; start at login. The agent process itself is `main.ts`; the CLI never imports
 * its server, only this face and the contract.
 */
import {
  entryBeside,
  removeRunFiles,
  runForeground,
  runningDaemon,
  startDetached,
  stopDaemon,
  type DaemonSpec,
} from '../daemon/index.js';
import {
  AuthError,
  BatchError,
  InternalError,
  KeyPasswordError,
  KeyUnusableError,
  NetworkError,
  PortalRefusedError,
  SignatureError,
  StorageError,
  UsageError,
  type OneIdError,
} from '../errors/index.js';
import path from 'node:path';
import { readAudit } from './audit.js';
import {
  agentArgv,
  agentDir,
  AUDIT_FILE,
  controlPath,
  INFO_FILE,
  LOG_FILE,
  RUN_FILES,
  type AgentArgs,
  type AgentListeningLine,
  type AgentRunInfo,
  type AgentStatus,
  type AuditEntry,
  type ControlReply,
  type ControlRequest,
  type UnlockedKeyView,
} from './contract.js';
import { control } from './control.js';
import type { InstallOptions, InstallResult } from './install.js';
import { normalizeOrigin, writeSiteDecision } from './sites.js';

export {
  agentDir,
  DEFAULT_MAX_MESSAGE,
  DEFAULT_PORT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_TLS_PORT,
  TLS_CERT_FILE,
  TLS_KEY_FILE,
  type AgentRunInfo,
  type AgentStatus,
  type AuditEntry,
  type UnlockedKeyView,
} from './contract.js';
export { parseDuration, parseSince } from './audit.js';
export { normalizeOrigin } from './sites.js';
export type { InstallResult } from './install.js';

/**
 * The agent's entry with a small young generation: a long-lived idle process should not keep the
 * garbage of a burst of signatures (measured in bench/agent.ts: RSS after 2,100 signatures).
 */
function agentEntry(): DaemonSpec['entry'] {
  const e = entryBeside(import.meta.url, 'main');
  return { file: e.file, execArgv: [...e.execArgv, '--max-semi-space-size=1'] };
}

function spec(dir: string, args?: AgentArgs): DaemonSpec {
  return {
    dir,
    infoFile: INFO_FILE,
    runFiles: RUN_FILES,
    logFile: LOG_FILE,
    entry: agentEntry(),
    argv: args ? agentArgv(args) : [],
    cmdline: /agent[/\\]main\.(js|ts)/,
    ready: async () => true,
    startFailed: (reason) =>
      new NetworkError('AGENT_START_FAILED', 'agent.error.startFailed', { params: { reason } }),
  };
}

/** The running agent of an agent folder, or undefined. */
export function runningAgent(dir = agentDir()): AgentRunInfo | undefined {
  return runningDaemon<AgentRunInfo>(spec(dir));
}

export interface StartAgentOptions extends Omit<AgentArgs, 'foreground'> {
  detach: boolean;
  /** Foreground only: called once the agent listens. */
  onListening?: (line: AgentListeningLine) => void;
}

async function assertStartable(dir: string): Promise<void> {
  const running = runningAgent(dir);
  if (running)
    throw new UsageError('AGENT_RUNNING', 'agent.error.running', {
      params: { url: running.ws, pid: running.pid },
      hintKey: 'agent.hint.stop',
    });
  removeRunFiles(spec(dir));
}

/** Detached: returns once the agent listens. */
export async function startAgentDetached(o: StartAgentOptions): Promise<AgentRunInfo> {
  await assertStartable(o.dir);
  return startDetached<AgentRunInfo>(spec(o.dir, { ...o, foreground: false }));
}

/** Foreground: this terminal is the agent's (its log, and its questions when there is no desktop). */
export async function runAgentForeground(o: StartAgentOptions): Promise<{ exitCode: number }> {
  await assertStartable(o.dir);
  return runForeground<AgentListeningLine>(
    spec(o.dir, { ...o, foreground: true }),
    (l) => o.onListening?.(l),
    {
      stdin: process.stdin.isTTY ? 'inherit' : 'ignore',
    },
  );
}

/** SIGTERM by PID (the run file), SIGKILL after the timeout; undefined when none ran. */
export function stopAgent(dir = agentDir(), timeoutMs = 10_000): Promise<AgentRunInfo | undefined> {
  return stopDaemon<AgentRunInfo>(spec(dir), timeoutMs);
}

const CATEGORIES: Record<
  string,
  new (code: string, key: string, d: { params: ControlReplyParams }) => OneIdError
> = {
  usage: UsageError,
  auth: AuthError,
  'key-password': KeyPasswordError,
  'key-unusable': KeyUnusableError,
  signature: SignatureError,
  network: NetworkError,
  'portal-refused': PortalRefusedError,
  storage: StorageError,
  batch: BatchError,
};
type ControlReplyParams = Record<string, string | number>;

/** One control request to the running agent; its refusal is thrown as the error it was there. */
async function ask(dir: string, req: ControlRequest): Promise<Extract<ControlReply, { ok: true }>> {
  const info = runningAgent(dir);
  if (!info)
    throw new NetworkError('AGENT_NOT_RUNNING', 'agent.error.notRunning', { hintKey: 'agent.hint.start' });
  const reply = await control(info.control ?? controlPath(dir), req);
  if (reply.ok) return reply;
  const Cls = CATEGORIES[reply.category] ?? InternalError;
  throw new Cls(reply.code, reply.key, { params: reply.params });
}

export async function agentStatus(dir = agentDir()): Promise<AgentStatus | undefined> {
  if (!runningAgent(dir)) return undefined;
  return (await ask(dir, { op: 'status' })).status!;
}

/** The keys area (pki, crypto) loads only for the commands that name a key. */
async function resolveKey(ref: string, roots: string[]) {
  const { resolveKeyRef } = await import('../keys/index.js');
  return resolveKeyRef(ref, { roots });
}

export interface UnlockRequest {
  /** `<file|alias|serial|PINFL|TIN>` as `key sign` takes it. */
  ref: string;
  password: () => Promise<string>;
  forSeconds: number;
  origins: string[];
  maxSignatures?: number;
  keyRoots: string[];
}

/** Unlock a key in the running agent (its password asked only once the key and the agent are found). */
export async function unlockKey(u: UnlockRequest, dir = agentDir()): Promise<UnlockedKeyView> {
  if (!runningAgent(dir))
    throw new NetworkError('AGENT_NOT_RUNNING', 'agent.error.notRunning', { hintKey: 'agent.hint.start' });
  const origins = u.origins.map(normalizeOrigin);
  const { path: file } = await resolveKey(u.ref, u.keyRoots);
  const reply = await ask(dir, {
    op: 'unlock',
    path: file,
    password: await u.password(),
    forSeconds: u.forSeconds,
    origins,
    maxSignatures: u.maxSignatures,
  });
  return reply.unlocked!;
}

/** Lock one key (by reference) or all; how many were unlocked. */
export async function lockKeys(o: { ref?: string; keyRoots: string[] }, dir = agentDir()): Promise<number> {
  const file = o.ref === undefined ? undefined : (await resolveKey(o.ref, o.keyRoots)).path;
  return (
    (await ask(dir, file === undefined ? { op: 'lock', all: true } : { op: 'lock', path: file })).locked ?? 0
  );
}

/** Allow or deny a site for good: through the running agent, else straight into its file. */
export async function decideSite(
  origin: string,
  decision: 'allow' | 'deny',
  dir = agentDir(),
): Promise<string> {
  const o = normalizeOrigin(origin);
  if (runningAgent(dir)) await ask(dir, { op: decision, origin: o });
  else writeSiteDecision(dir, o, decision === 'allow' ? 'allowed' : 'denied');
  return o;
}

/** The signature log (oldest first). */
export function signatureLog(
  o: { since?: Date } = {},
  dir = agentDir(),
): { file: string; entries: AuditEntry[] } {
  const file = path.join(dir, AUDIT_FILE);
  return { file, entries: readAudit(file, o.since) };
}

/** Start at login (or stop doing so): the platform's service manager. */
export async function installAtLogin(o: Omit<InstallOptions, 'env' | 'platform'>): Promise<InstallResult> {
  const { installAgent } = await import('./install.js');
  return installAgent(o);
}
