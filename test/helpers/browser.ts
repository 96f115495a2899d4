/**
 * A real browser for the agent's tests: Debian's headless Chromium (/usr/bin/chromium) driven by
 * playwright-core (never a downloaded browser), with a throw-away HOME so that it trusts exactly
 * the NSS database `~/.pki/nssdb` the test prepared (no ignore-certificate flags); and an https
 * server for the test pages, with a certificate from a throw-away CA the test adds to that database.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, existsSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { chromium, type Browser } from 'playwright-core';

import { agentTlsPem, createAgentTls } from '../../src/lib/agent-trust/index.js';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium whose HOME (so its NSS database) is `home`; `args` for extra switches. */
export function launchChromium(home: string, args: string[] = []): Promise<Browser> {
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    env: { ...process.env, HOME: home },
    args,
  });
}

/** `~/.pki/nssdb` of `home`, created (empty password) when absent. */
export function nssdb(home: string): string {
  const dir = path.join(home, '.pki', 'nssdb');
  if (!existsSync(path.join(dir, 'cert9.db'))) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  }
  return dir;
}

/** Trust a CA (PEM) for TLS servers in `home`'s NSS database, as `agent trust` does. */
export function nssTrust(home: string, nickname: string, caPem: string): void {
  const file = path.join(home, `${nickname.replace(/\W+/g, '-')}.pem`);
  writeFileSync(file, caPem);
  execFileSync('certutil', ['-A', '-d', `sql:${nssdb(home)}`, '-t', 'C,,', '-n', nickname, '-i', file]);
}

export interface PageServer {
  /** `https://localhost:<port>` */
  origin: string;
  port: number;
  /** The CA of the page's certificate (PEM): trust it with `nssTrust`. */
  caPem: string;
  close(): Promise<void>;
}

export type PageHandler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;

/** An https server on 127.0.0.1 for `https://localhost:<port>`, its certificate from a fresh CA. */
export async function startPageServer(handler: PageHandler): Promise<PageServer> {
  const tls = agentTlsPem(createAgentTls({ name: 'oneid test page CA' }));
  const server: Server = createServer({ cert: tls.server, key: tls.serverKey }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `https://localhost:${port}`,
    port,
    caPem: tls.ca,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The page's client, as the vendor's script works: one WebSocket per call to `agent`, one JSON
 * request, one JSON reply, and a close code other than 1000 is a connection error.
 */
export const AGENT_CLIENT_JS = `
window.call = function (agent, request) {
  return new Promise(function (resolve, reject) {
    var reply;
    var ws = new WebSocket(agent);
    ws.onopen = function () { ws.send(JSON.stringify(request)); };
    ws.onmessage = function (e) { reply = JSON.parse(e.data); };
    ws.onerror = function () { reject(new Error('error connecting to E-IMZO')); };
    ws.onclose = function (e) {
      if (e.code === 1000 && reply) resolve(reply);
      else reject(new Error('error connecting to E-IMZO (close code ' + e.code + ')'));
    };
  });
};
`;
