/**
 * What the CLI and the agent process both know: the agent folder in the config folder and the
 * names of its files, the defaults, the process's command line and run file, and the control
 * socket's wire shapes. Pure: no sockets, no keys.
 */
import path from 'node:path';
import { configDir } from '../config/index.js';

/** The vendor's ports (REFERENCES.md §4): ws for http pages, wss for https pages. */
export const DEFAULT_PORT = 64646;
export const DEFAULT_TLS_PORT = 64443;
/** The one WebSocket path the vendor's browser script opens. */
export const SERVICE_PATH = '/service/cryptapi';
/** Largest WebSocket message accepted (a base64 document of ~12 MB); `--max-message-size`. */
export const DEFAULT_MAX_MESSAGE = 16 * 1024 * 1024;
/** Requests per second one site may make (bursts of twice that); `--rate-limit`. */
export const DEFAULT_RATE_LIMIT = 500;
/** How long a key unlocked through a page's password dialog stays unlocked (for that site only). */
export const PAGE_UNLOCK_MS = 10 * 60_000;

/** The agent's folder: `<config folder>/agent` (0700). */
export function agentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), 'agent');
}

/** Written by `oneid agent trust`, read by the agent at start: the TLS port's certificate chain and key. */
export const TLS_CERT_FILE = path.join('tls', 'server.pem');
export const TLS_KEY_FILE = path.join('tls', 'server-key.pem');
/** The run file (`AgentRunInfo`), written once the agent listens, removed when it stops. */
export const INFO_FILE = 'agent.json';
export const PID_FILE = 'agent.pid';
export const RUN_FILES = [INFO_FILE, PID_FILE];
/** The detached agent's own log (start-up errors, refused connections). */
export const LOG_FILE = 'agent.log';
/** Every signature made, one JSON line each (append-only, 0600): `AuditEntry`. */
export const AUDIT_FILE = 'audit.log';
/** Sites allowed or denied for good (`agent allow` / `agent deny`, answered consent): `SiteList`. */
export const SITES_FILE = 'sites.json';
/** The control socket's folder (0700) and the socket (0600). */
export const CONTROL_DIR = 'run';

/** The control socket: a Unix socket in the agent folder, a per-user named pipe on Windows. */
export function controlPath(dir: string, platform = process.platform): string {
  if (platform === 'win32') {
    const tag = Buffer.from(dir).toString('base64url').slice(-40);
    return `\\\\.\\pipe\\oneid-agent-${tag}`;
  }
  return path.join(dir, CONTROL_DIR, 'control.sock');
}

/** `node:util` parseArgs options of the agent process's command line. */
export const AGENT_OPTIONS = {
  dir: { type: 'string' },
  port: { type: 'string', default: String(DEFAULT_PORT) },
  'tls-port': { type: 'string', default: String(DEFAULT_TLS_PORT) },
  'allow-origin': { type: 'string', multiple: true, default: [] as string[] },
  'key-root': { type: 'string', multiple: true, default: [] as string[] },
  lang: { type: 'string', default: 'en' },
  'max-message-size': { type: 'string', default: String(DEFAULT_MAX_MESSAGE) },
  'rate-limit': { type: 'string', default: String(DEFAULT_RATE_LIMIT) },
  foreground: { type: 'boolean', default: false },
} as const;

export interface AgentArgs {
  dir: string;
  port: number;
  tlsPort: number;
  allowOrigins: string[];
  keyRoots: string[];
  lang: string;
  maxMessageSize: number;
  rateLimit: number;
  /** Runs in the user's terminal: it may ask there when no desktop dialog exists. */
  foreground: boolean;
}

export function agentArgv(a: AgentArgs): string[] {
  const out = ['--dir', a.dir, '--port', String(a.port), '--tls-port', String(a.tlsPort), '--lang', a.lang];
  out.push('--max-message-size', String(a.maxMessageSize), '--rate-limit', String(a.rateLimit));
  for (const o of a.allowOrigins) out.push('--allow-origin', o);
  for (const r of a.keyRoots) out.push('--key-root', r);
  if (a.foreground) out.push('--foreground');
  return out;
}

/** What `INFO_FILE` holds. */
export interface AgentRunInfo {
  pid: number;
  /** `ws://127.0.0.1:<port>/service/cryptapi` */
  ws: string;
  /** The wss address, absent when no certificate from `oneid agent trust` was found. */
  wss?: string;
  control: string;
  startedAt: string;
}

/** The line the agent prints on stdout once it listens (the daemon area's readiness handshake). */
export interface AgentListeningLine {
  listening: string;
  pid: number;
  wss?: string;
}

/** A key unlocked in the agent, as `status` shows it (never the key). */
export interface UnlockedKeyView {
  /** The key file. */
  path: string;
  owner?: string;
  serial: string;
  /** Seconds left before it is dropped. */
  secondsLeft: number;
  /** Sites that may use it (empty: every allowed site). */
  origins: string[];
  signatures: number;
  maxSignatures?: number;
  /** `cli`: `oneid agent unlock`; `page`: a password dialog a page caused. */
  source: 'cli' | 'page';
}

export interface AgentStatus {
  pid: number;
  ws: string;
  wss?: string;
  /** Why there is no wss address (`oneid agent trust` not run). */
  tlsMissing: boolean;
  startedAt: string;
  unlocked: UnlockedKeyView[];
  allowedOrigins: string[];
  deniedOrigins: string[];
  signatures: number;
}

/** Requests over the control socket: one JSON line each way. */
export type ControlRequest =
  | { op: 'status' }
  | {
      op: 'unlock';
      path: string;
      password: string;
      forSeconds: number;
      origins: string[];
      maxSignatures?: number;
    }
  | { op: 'lock'; path?: string; all?: boolean }
  | { op: 'allow'; origin: string }
  | { op: 'deny'; origin: string }
  | { op: 'stop' };

export type ControlReply =
  | { ok: true; status?: AgentStatus; unlocked?: UnlockedKeyView; locked?: number }
  | {
      ok: false;
      /** The error's exit-code category (src/lib/errors), so that the CLI exits as if it failed itself. */
      category: string;
      code: string;
      key: string;
      params: Record<string, string | number>;
    };

/** One line of `AUDIT_FILE`. */
export interface AuditEntry {
  time: string;
  origin: string;
  /** The key file's name and its certificate serial. */
  key: string;
  serial: string;
  owner?: string;
  /** SHA-256 (hex) of the bytes that were signed. */
  sha256: string;
  bytes: number;
  mode: 'attached' | 'detached';
  /** A signature added to an existing one (append_pkcs7_*). */
  cosign: boolean;
}

/** `SITES_FILE`. */
export interface SiteList {
  allowed: string[];
  denied: string[];
}
