/**
 * Process entry of the agent: `node dist/lib/agent/main.js --dir DIR [--port] [--tls-port] …`
 * (AGENT_OPTIONS). `oneid agent start` starts this file as a child process (the daemon area).
 * Once it listens it writes its run files into the agent folder, prints one JSON line
 * `{"listening": ws-url}` on stdout, and serves the control socket; SIGINT/SIGTERM (or `stop` on the
 * control socket) drop every unlocked key and stop it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isOneIdError } from '../errors/index.js';
import { writeFileAtomicSync } from '../files/index.js';
import { isLanguage, setLanguage } from '../i18n/index.js';
import { AuditLog } from './audit.js';
import { Asker, consentChannel } from './consent.js';
import {
  AGENT_OPTIONS,
  AUDIT_FILE,
  controlPath,
  INFO_FILE,
  PID_FILE,
  SERVICE_PATH,
  type AgentListeningLine,
  type AgentRunInfo,
  type AgentStatus,
  type ControlReply,
  type ControlRequest,
} from './contract.js';
import { serveControl } from './control.js';
import type { KeyStore } from './keystore.js';
import type { AgentCore } from './protocol/index.js';
import { startServers } from './server.js';
import { normalizeOrigin, SitePolicy } from './sites.js';

const CONTROL_ERROR: ControlReply = {
  ok: false,
  category: 'internal',
  code: 'AGENT_CONTROL',
  key: 'agent.error.control',
  params: {},
};

const { values } = parseArgs({ options: AGENT_OPTIONS, strict: true });

const log = (line: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);

function number(name: string, v: string | undefined, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`bad --${name} ${v}`);
  return n;
}

async function main(): Promise<void> {
  if (!values.dir) throw new Error('--dir is required');
  const dir = path.resolve(values.dir);
  if (isLanguage(values.lang)) setLanguage(values.lang);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const sites = new SitePolicy(dir, values['allow-origin']);
  const asker = new Asker(consentChannel({ foreground: values.foreground }));
  const audit = new AuditLog(path.join(dir, AUDIT_FILE));
  // The key store (keys, pki, sign) loads after listening; until then nothing can be unlocked.
  let keysP: Promise<KeyStore> | undefined;
  const loadKeys = () =>
    (keysP ??= import('./keystore.js').then(({ KeyStore: Store }) => {
      keys = new Store({ roots: values['key-root'] });
      return keys;
    }));
  let keys: KeyStore | undefined;
  let coreP: Promise<AgentCore> | undefined;
  const core = () => (coreP ??= loadKeys().then((k) => ({ keys: k, sites, asker, audit })));
  const servers = await startServers({ sites, asker }, core, {
    dir,
    port: number('port', values.port, 0, 65535),
    tlsPort: number('tls-port', values['tls-port'], 0, 65535),
    maxMessageSize: number('max-message-size', values['max-message-size'], 1024, 1 << 30),
    rateLimit: number('rate-limit', values['rate-limit'], 1, 1_000_000),
    log,
  });
  const startedAt = new Date().toISOString();
  const info: AgentRunInfo = {
    pid: process.pid,
    ws: `ws://127.0.0.1:${servers.port}${SERVICE_PATH}`,
    wss: servers.tlsPort ? `wss://127.0.0.1:${servers.tlsPort}${SERVICE_PATH}` : undefined,
    control: controlPath(dir),
    startedAt,
  };
  const status = (): AgentStatus => ({
    pid: process.pid,
    ws: info.ws,
    wss: info.wss,
    tlsMissing: !info.wss,
    startedAt,
    unlocked: keys?.views() ?? [],
    allowedOrigins: sites.allowed(),
    deniedOrigins: sites.denied(),
    signatures: audit.count,
  });

  const pidFile = path.join(dir, PID_FILE);
  const infoFile = path.join(dir, INFO_FILE);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    keys?.lock();
    audit.close();
    rmSync(pidFile, { force: true });
    rmSync(infoFile, { force: true });
    void Promise.all([servers.close(), controlServer.close()]).finally(() => process.exit(0));
  };

  const handle = async (req: ControlRequest): Promise<ControlReply> => {
    try {
      switch (req.op) {
        case 'status':
          return { ok: true, status: status() };
        case 'unlock':
          return {
            ok: true,
            unlocked: await (
              await loadKeys()
            ).unlock(req.path, req.password, {
              forMs: req.forSeconds * 1000,
              origins: req.origins.map(normalizeOrigin),
              maxSignatures: req.maxSignatures,
              source: 'cli',
            }),
          };
        case 'lock':
          return { ok: true, locked: keys?.lock(req.all ? undefined : req.path) ?? 0 };
        case 'allow':
        case 'deny':
          sites.set(req.origin, req.op === 'allow' ? 'allowed' : 'denied');
          return { ok: true, status: status() };
        case 'stop':
          setImmediate(stop);
          return { ok: true };
        default:
          return CONTROL_ERROR;
      }
    } catch (e) {
      if (isOneIdError(e))
        return {
          ok: false,
          category: e.category,
          code: e.code,
          key: e.key,
          params: e.params as Record<string, string | number>,
        };
      return CONTROL_ERROR;
    }
  };
  const controlServer = await serveControl(info.control, handle);

  writeFileAtomicSync(pidFile, Buffer.from(`${process.pid}\n`), { durable: false, syncDir: false });
  writeFileAtomicSync(infoFile, Buffer.from(JSON.stringify(info)), { durable: false, syncDir: false });
  const listening: AgentListeningLine = { listening: info.ws, pid: process.pid, wss: info.wss };
  process.stdout.write(`${JSON.stringify(listening)}\n`);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  setImmediate(() => void servers.warmUp());
}

main().catch((err: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: err instanceof Error ? err.message : String(err) })}\n`);
  process.exit(1);
});
