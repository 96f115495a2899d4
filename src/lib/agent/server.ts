/**
 * The WebSocket endpoints: ws on 127.0.0.1:<port> for http pages, wss on 127.0.0.1:<tls-port> for
 * https pages (with the certificate `oneid agent trust` made, when it exists). Before a socket is
 * accepted: the path is the vendor's, the `Host` is this loopback port (127.0.0.1, ::1 or
 * localhost: no DNS rebinding) and the `Origin` is present and not denied. Every message: size
 * limit (`maxPayload`, close 1009), a per-site request budget, the site's consent, then the
 * protocol. After its reply the socket is closed with 1000, as the vendor's client does, unless the
 * URL asks to keep it (`keepConnection`).
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import type { WebSocket, WebSocketServer } from 'ws';
import { t } from '../i18n/index.js';
import { SERVICE_PATH, TLS_CERT_FILE, TLS_KEY_FILE } from './contract.js';
import type { Asker } from './consent.js';
import type * as Protocol from './protocol/index.js';
import type { AgentCore } from './protocol/index.js';
import { refusal } from './refusal.js';
import type { SitePolicy } from './sites.js';
import { normalizeOrigin } from './sites.js';

/** What the handshake and the consent need (light); the protocol and the keys load after listening. */
export interface Gate {
  sites: SitePolicy;
  asker: Asker;
}

export interface ServerOptions {
  dir: string;
  port: number;
  tlsPort: number;
  maxMessageSize: number;
  /** Requests per second per site (bursts of twice that). */
  rateLimit: number;
  /** Connections refused before the WebSocket handshake (the agent's log). */
  log: (line: Record<string, unknown>) => void;
}

export interface RunningServers {
  port: number;
  tlsPort?: number;
  /** Load what the first request needs (right after listening). */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** `Host` must name this loopback port: a page on a rebound DNS name sends its own name. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return LOOPBACK_HOSTS.some((name) => h === `${name}:${port}`);
}

/** A token bucket per site. */
class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly perSecond: number) {}
  take(site: string): boolean {
    const now = Date.now();
    const cap = this.perSecond * 2;
    const b = this.buckets.get(site) ?? { tokens: cap, at: now };
    b.tokens = Math.min(cap, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(site, b);
    return ok;
  }
}

function reject(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The TLS files of `oneid agent trust`, or undefined when it has not been run. */
export function tlsFiles(dir: string): { cert: Buffer; key: Buffer } | undefined {
  const cert = path.join(dir, TLS_CERT_FILE);
  const key = path.join(dir, TLS_KEY_FILE);
  if (!existsSync(cert) || !existsSync(key)) return undefined;
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

export async function startServers(
  gate: Gate,
  core: () => Promise<AgentCore>,
  o: ServerOptions,
): Promise<RunningServers> {
  // `ws` and the protocol (keys, pki, sign) load after the ports listen (main.ts warms them up
  // at once): start to listening costs only node and these few modules (bench/agent.ts).
  let wssLoaded: WebSocketServer | undefined;
  let wssP: Promise<WebSocketServer> | undefined;
  const wsServer = () =>
    (wssP ??= import('ws').then(({ WebSocketServer: Server }) => {
      wssLoaded = new Server({ noServer: true, maxPayload: o.maxMessageSize, perMessageDeflate: false });
      return wssLoaded;
    }));
  let protocolP: Promise<typeof Protocol> | undefined;
  const protocol = () => (protocolP ??= import('./protocol/index.js'));
  const limiter = new RateLimiter(o.rateLimit);

  const onMessage = async (ws: WebSocket, origin: string, keep: boolean, data: Buffer, binary: boolean) => {
    let reply: Record<string, unknown>;
    if (binary) reply = refusal('agent.reason.badRequest');
    else if (!limiter.take(origin)) reply = refusal('agent.reason.tooMany');
    else {
      const site = await siteConsent(gate, origin);
      reply = site ?? (await (await protocol()).answer(await core(), origin, data.toString('utf8')));
    }
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(reply), () => {
      if (!keep) ws.close(1000);
    });
  };

  const upgrade = (port: () => number) => (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    const refuse = (status: number, text: string, why: string) => {
      o.log({ refused: why, host: req.headers.host, origin: req.headers.origin, path: url.pathname });
      reject(socket, status, text);
    };
    if (url.pathname !== SERVICE_PATH) return refuse(404, 'Not Found', 'path');
    if (!hostAllowed(req.headers.host, port())) return refuse(403, 'Forbidden', 'host');
    const raw = req.headers.origin;
    if (raw === undefined) return refuse(403, 'Forbidden', 'no origin');
    let origin: string;
    try {
      origin = normalizeOrigin(raw);
    } catch {
      return refuse(403, 'Forbidden', 'origin');
    }
    if (gate.sites.decide(origin) === 'denied') return refuse(403, 'Forbidden', 'denied');
    const keep = url.searchParams.has('keepConnection');
    void wsServer().then((wss) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('message', (data: Buffer, binary: boolean) => void onMessage(ws, origin, keep, data, binary));
        ws.on('error', () => ws.terminate());
      }),
    );
  };

  const plain = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(426, { 'content-type': 'text/plain', connection: 'close' });
    res.end('WebSocket only\n');
  };

  const listen = (server: http.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });

  const servers: http.Server[] = [];
  const ws = http.createServer(plain);
  let wsPort = 0;
  ws.on(
    'upgrade',
    upgrade(() => wsPort),
  );
  wsPort = await listen(ws, o.port);
  servers.push(ws);

  let tlsPort: number | undefined;
  const tls = tlsFiles(o.dir);
  if (tls) {
    const s = https.createServer({ cert: tls.cert, key: tls.key }, plain);
    s.on(
      'upgrade',
      upgrade(() => tlsPort ?? 0),
    );
    tlsPort = await listen(s, o.tlsPort);
    servers.push(s);
  }

  return {
    port: wsPort,
    tlsPort,
    warmUp: async () => {
      await Promise.all([wsServer(), protocol(), core()]);
    },
    close: async () => {
      for (const c of wssLoaded?.clients ?? []) c.terminate();
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((r) => {
              s.close(() => r());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}

/**
 * An allowed site goes on; a new one is asked about once (the answer is kept in `sites.json`);
 * without anyone to ask, or when refused, the reply says how to allow it.
 */
async function siteConsent(core: Gate, origin: string): Promise<Record<string, unknown> | undefined> {
  const d = core.sites.decide(origin);
  if (d === 'allowed') return undefined;
  if (d === 'unknown' && core.asker.available) {
    const yes = await core.asker.ask(`site ${origin}`, async (ch) => {
      if (core.sites.decide(origin) !== 'unknown') return core.sites.decide(origin) === 'allowed';
      const ok = await ch.confirm(t('agent.dialog.site', { origin }));
      core.sites.set(origin, ok ? 'allowed' : 'denied');
      return ok;
    });
    if (yes) return undefined;
  }
  return core.sites.decide(origin) === 'denied'
    ? refusal('agent.reason.siteDenied', { origin })
    : refusal('agent.reason.siteUnknown', { origin });
}
