// A real browser: headless Chromium (Debian's, through playwright-core) in a throw-away HOME, a
// test page served over https from https://localhost:<port>, and the agent's wss://127.0.0.1 port
// trusted only through `oneid agent trust` (no ignore-certificate flags anywhere).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { Browser } from 'playwright-core';
import { WebSocketServer } from 'ws';

import { agentTlsPem, createAgentTls } from '../../src/lib/agent-trust/index.js';
import { OID } from '../../src/lib/crypto/index.js';
import {
  derToPem,
  encodePrivateKey,
  generatePrivateKey,
  issueCertificate,
  publicKeyOf,
} from '../../src/lib/pki/index.js';
import {
  AGENT_CLIENT_JS,
  launchChromium,
  nssTrust,
  startPageServer,
  type PageServer,
} from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../pki/helpers.js';

const PAGE = `<!doctype html><meta charset="utf-8"><title>oneid agent test page</title>
<script>${AGENT_CLIENT_JS}</script><h1>test page</h1>`;

describe('a real browser trusts the agent port through `agent trust` only', function () {
  this.timeout(90_000);
  let page: PageServer;
  const browsers: Browser[] = [];
  const servers: Server[] = [];

  /** A plain node https + WebSocket server on 127.0.0.1 with the given certificate: echoes, closes with 1000. */
  async function echoServer(cert: string, key: string): Promise<string> {
    const server = createServer({ cert, key });
    const wss = new WebSocketServer({ server, path: '/service/cryptapi' });
    wss.on('connection', (ws, req) => {
      ws.on('message', (data) => {
        ws.send(
          JSON.stringify({ success: true, echo: JSON.parse(String(data)), origin: req.headers.origin }),
        );
        ws.close(1000);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return `wss://127.0.0.1:${(server.address() as AddressInfo).port}/service/cryptapi`;
  }

  /** Chromium in `home`, on the test page; returns what `call(agent, request)` gave or the error. */
  async function callFromPage(home: string, agent: string): Promise<unknown> {
    const browser = await launchChromium(home);
    browsers.push(browser);
    const tab = await browser.newPage();
    await tab.goto(`${page.origin}/`, { timeout: 15_000 });
    assert.equal(await tab.textContent('h1'), 'test page');
    return tab.evaluate(
      ([url]) =>
        (globalThis as unknown as { call(a: string, r: unknown): Promise<unknown> })
          .call(url!, { name: 'version' })
          .catch((e: Error) => ({ error: e.message })),
      [agent],
    );
  }

  before(async () => {
    page = await startPageServer((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
  });
  after(async () => {
    for (const b of browsers) await b.close();
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
    await page?.close();
  });

  it('a wss server with server.pem / server-key.pem is trusted after `agent trust`, and not without it', async () => {
    const trusted = tempDir('oneid-browser-home-');
    const config = tempDir('oneid-browser-cfg-');
    const r = await runCli(['agent', 'trust'], { env: { HOME: trusted, ONEID_CONFIG_DIR: config } });
    assert.equal(r.code, 0, r.stderr);
    nssTrust(trusted, 'oneid test page CA', page.caPem);
    const tls = path.join(config, 'agent', 'tls');
    const agent = await echoServer(
      readFileSync(path.join(tls, 'server.pem'), 'utf8'),
      readFileSync(path.join(tls, 'server-key.pem'), 'utf8'),
    );
    assert.deepEqual(await callFromPage(trusted, agent), {
      success: true,
      echo: { name: 'version' },
      origin: page.origin,
    });

    // The control: the same page (its CA trusted) and the same server, in a HOME without `agent trust`.
    const untrusted = tempDir('oneid-browser-home-');
    nssTrust(untrusted, 'oneid test page CA', page.caPem);
    const refused = (await callFromPage(untrusted, agent)) as { error?: string };
    assert.match(refused.error ?? '', /^error connecting to E-IMZO/);
    // …and the reason is the certificate: opened directly, the agent port is an unknown authority.
    const tab = await browsers.at(-1)!.newPage();
    await assert.rejects(
      tab.goto(agent.replace(/^wss:/, 'https:'), { timeout: 15_000 }),
      /net::ERR_CERT_AUTHORITY_INVALID/,
    );
  });

  it('Chromium enforces the name constraints too: a certificate for another site under such a CA is refused', async () => {
    const home = tempDir('oneid-browser-home-');
    const made = createAgentTls({ name: 'constrained test CA' });
    nssTrust(home, 'constrained test CA', agentTlsPem(made).ca);
    const key = generatePrivateKey({ alg: 'ec' });
    const cert = issueCertificate(made.ca, {
      subject: { CN: 'example.com' },
      publicKey: publicKeyOf(key),
      keyUsage: ['digitalSignature'],
      extKeyUsage: [OID.serverAuth],
      subjectAltNames: [{ dns: 'example.com' }],
    });
    const good = createServer(
      {
        cert: derToPem(cert.raw, 'CERTIFICATE'),
        key: derToPem(encodePrivateKey(key), 'PRIVATE KEY'),
      },
      (_req, res) => res.end('<h1>example</h1>'),
    );
    await new Promise<void>((resolve) => good.listen(0, '127.0.0.1', resolve));
    servers.push(good);
    const browser = await launchChromium(home, ['--host-resolver-rules=MAP example.com 127.0.0.1']);
    browsers.push(browser);
    const tab = await browser.newPage();
    await assert.rejects(
      tab.goto(`https://example.com:${(good.address() as AddressInfo).port}/`, { timeout: 15_000 }),
      /net::ERR_CERT_INVALID/,
    );
  });
});
