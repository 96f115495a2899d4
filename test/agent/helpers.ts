// The agent as a user runs it: `oneid agent start --detach` on free ports in a throw-away config
// folder, keys on a temporary "USB stick", and the project's own WebSocket client (`ws`) in the
// role of the vendor's browser script: one socket per call, one JSON message, one reply.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

import { runCli, tempConfigDir, type CliResult } from '../helpers/cli.js';
import { makeStick, PW, type KeyFixture } from '../keys/fixtures.js';

export const ORIGIN = 'https://site.example.uz';

export interface AgentHandle {
  ws: string;
  port: number;
  wss?: string;
  pid: number;
  cfg: string;
  env: Record<string, string | undefined>;
  stick: KeyFixture;
  pwFile: string;
  cli(args: string[], o?: { env?: Record<string, string | undefined>; input?: string }): Promise<CliResult>;
  stop(): Promise<void>;
}

export interface StartOptions {
  args?: string[];
  env?: Record<string, string | undefined>;
  cfg?: string;
  stick?: KeyFixture;
}

/** Start an agent (allowed site ORIGIN unless `args` say otherwise). */
export async function startAgent(o: StartOptions = {}): Promise<AgentHandle> {
  const cfg = o.cfg ?? tempConfigDir();
  const stick = o.stick ?? makeStick();
  const pwFile = path.join(cfg, 'pw');
  writeFileSync(pwFile, PW + '\n', { mode: 0o600 });
  const env = {
    ONEID_CONFIG_DIR: cfg,
    ONEID_KEYS_PATH: stick.root,
    ONEID_KEYS_SYSTEM_ROOTS: '0',
    DISPLAY: undefined,
    WAYLAND_DISPLAY: undefined,
    ...o.env,
  };
  const cli = (args: string[], c: { env?: Record<string, string | undefined>; input?: string } = {}) =>
    runCli(args, { env: { ...env, ...c.env }, input: c.input });
  const r = await cli([
    'agent',
    'start',
    '--detach',
    '--port',
    '0',
    '--tls-port',
    '0',
    '--json',
    ...(o.args ?? ['--allow-origin', ORIGIN]),
  ]);
  if (r.code !== 0) throw new Error(`agent start: ${r.stdout}${r.stderr}`);
  const res = r.json.result as { ws: string; wss?: string; pid: number };
  return {
    ...res,
    port: Number(new URL(res.ws).port),
    cfg,
    env,
    stick,
    pwFile,
    cli,
    stop: async () => {
      await cli(['agent', 'stop']);
    },
  };
}

export interface CallResult {
  reply: any;
  /** The close code the agent sent (1000 after every reply). */
  closeCode: number;
}

export interface CallOptions {
  origin?: string | null;
  headers?: Record<string, string>;
  /** TLS trust for wss. */
  ca?: Buffer;
}

/** One request on a fresh socket, as the vendor's script does; rejects when the handshake is refused. */
export function call(url: string, req: unknown, o: CallOptions = {}): Promise<CallResult> {
  return new Promise((resolve, reject) => {
    const origin = o.origin === undefined ? ORIGIN : o.origin;
    const ws = new WebSocket(url, {
      ...(origin === null ? {} : { origin }),
      headers: o.headers,
      ca: o.ca,
    });
    let reply: unknown;
    ws.on('open', () => ws.send(typeof req === 'string' ? req : JSON.stringify(req)));
    ws.on('message', (d: Buffer) => (reply = JSON.parse(d.toString('utf8'))));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
    ws.on('close', (code) => resolve({ reply, closeCode: code }));
  });
}

/** The reply alone. */
export async function rpc(url: string, req: unknown, o: CallOptions = {}): Promise<any> {
  return (await call(url, req, o)).reply;
}

/** The vendor's key picker reading an alias (REFERENCES.md §4). */
export function vendorParse(alias: string): Record<string, string> {
  const up = alias.toUpperCase().replace('1.2.860.3.16.1.1=', 'INN=').replace('1.2.860.3.16.1.2=', 'PINFL=');
  const out: Record<string, string> = {};
  for (const part of up.split(/,(?=[A-Z]+=)/)) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i)] ??= part.slice(i + 1);
  }
  // The certificate serial is the SERIALNUMBER that comes with VALIDFROM (the last one).
  const serials = [...up.matchAll(/,SERIALNUMBER=([^,]*)/g)];
  if (serials.length) out.SERIALNUMBER = serials.at(-1)![1]!;
  return out;
}
