// A real browser: headless Chromium (Debian's, through playwright-core) in a throw-away HOME, a
// test page served over https from https://localhost:<port>, and the agent's wss://127.0.0.1 port
// trusted only through `oneid agent trust` (no ignore-certificate flags anywhere). First the trust
// alone (a plain wss server, and the control without `agent trust`), then the real agent: the page
// lists the keys, loads one, signs, posts the signature back; `key verify` and OpenSSL check it.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
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
import { PW } from '../keys/fixtures.js';
import { tempDir, testCa } from '../pki/helpers.js';
import { startAgent, type AgentHandle } from './helpers.js';

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

// The page a website would be: the vendor's way of talking to E-IMZO (version, apikey, the key
// list, load_key, create_pkcs7, one socket per call), then the signature posted back to its server.
const SIGNING_PAGE = `<!doctype html><meta charset="utf-8"><title>oneid agent signing page</title>
<script>${AGENT_CLIENT_JS}
window.sign = async function (serial, detached, text) {
  var q = new URLSearchParams(location.search);
  var agent = q.get('agent');
  var ok = function (request) {
    return window.call(agent, request).then(function (r) {
      if (!r.success) throw new Error(r.reason);
      return r;
    });
  };
  try {
    var version = await ok({ name: 'version' });
    await ok({ name: 'apikey', arguments: [location.hostname, 'test-api-key'] });
    var list = await ok({ plugin: 'pfx', name: 'list_all_certificates' });
    var c = list.certificates.filter(function (x) { return x.alias.indexOf('serialnumber=' + serial + ',') >= 0; })[0];
    if (!c) throw new Error('key ' + serial + ' not listed');
    var key = await ok({ plugin: 'pfx', name: 'load_key', arguments: [c.disk, c.path, c.name, c.alias] });
    var bytes = new TextEncoder().encode(text);
    var data64 = btoa(String.fromCharCode.apply(null, Array.from(bytes)));
    var s = await ok({ plugin: 'pkcs7', name: 'create_pkcs7', arguments: [data64, key.keyId, detached ? 'yes' : 'no'] });
    await fetch('/result', { method: 'POST', body: JSON.stringify({
      version: version.major * 100 + Number(version.minor), listed: list.certificates.length, name: c.name,
      pkcs7_64: s.pkcs7_64, signer: s.signer_serial_number })});
  } catch (e) {
    await fetch('/result', { method: 'POST', body: JSON.stringify({ error: e.message }) });
  }
  document.querySelector('h1').textContent = 'done';
};
</script><h1>signing page</h1>`;

describe('a test page signs through the real agent in Chromium', function () {
  this.timeout(120_000);
  const home = tempDir('oneid-browser-home-');
  const cfg = tempDir('oneid-browser-cfg-');
  const dir = tempDir('oneid-browser-out-');
  const caFile = path.join(dir, 'root-ca.pem');
  let page: PageServer;
  let agent: AgentHandle;
  let browser: Browser;
  let tab: Page;
  let posted: ((body: any) => void) | undefined;
  const TEXT = 'Hisob-faktura № 17: 1 250 000 soʻm — счёт-фактура';

  before(async () => {
    page = await startPageServer((req, body, res) => {
      if (req.method === 'POST' && req.url === '/result') {
        posted?.(JSON.parse(body.toString('utf8')));
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(SIGNING_PAGE);
    });
    const trust = await runCli(['agent', 'trust'], { env: { HOME: home, ONEID_CONFIG_DIR: cfg } });
    assert.equal(trust.code, 0, trust.stderr);
    nssTrust(home, 'oneid test page CA', page.caPem);
    agent = await startAgent({ cfg, args: ['--allow-origin', page.origin], env: { HOME: home } });
    assert.ok(agent.wss, 'the agent listens on wss (it found agent/tls/server.pem)');
    writeFileSync(caFile, derToPem(testCa().root.certificate.raw, 'CERTIFICATE'));
    for (const key of ['company', 'gost']) {
      const r = await agent.cli(
        ['agent', 'unlock', agent.stick.files[key]!, '--for', '5m', '--origin', page.origin],
        {
          env: { ONEID_KEY_PASSWORD: PW },
        },
      );
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
    browser = await launchChromium(home);
    tab = await browser.newPage();
    await tab.goto(`${page.origin}/?agent=${encodeURIComponent(agent.wss!)}`, { timeout: 15_000 });
  });
  after(async () => {
    await browser?.close();
    if (agent) {
      await agent.stop();
      // Stopped by `agent stop`; should it not have, by its PID.
      try {
        process.kill(agent.pid, 'SIGKILL');
      } catch {
        // gone, as it should be
      }
    }
    await page?.close();
  });

  /** Click through the page's signing flow; what the page posted back to its server. */
  async function signOnPage(serial: string, detached: boolean): Promise<any> {
    const result = new Promise<any>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the page posted nothing within 20 s')), 20_000);
      posted = (body) => {
        clearTimeout(timer);
        resolve(body);
      };
    });
    await tab.evaluate(([s, d, text]) => void (globalThis as any).sign(s, d, text), [
      serial,
      detached,
      TEXT,
    ] as const);
    return result;
  }

  it('RSA, attached: the page lists the keys, loads one, signs over wss; key verify and openssl cms -verify agree', async () => {
    const company = agent.stick.keys.company!.certificate;
    const r = await signOnPage(company.serialHex, false);
    assert.equal(r.error, undefined, r.error);
    assert.ok(r.version >= 412);
    assert.ok(r.listed >= 3, `${r.listed} keys listed`);
    assert.equal(r.signer.toLowerCase(), company.serialHex.toLowerCase());
    const sig = path.join(dir, 'invoice.p7s');
    writeFileSync(sig, r.pkcs7_64);
    const v = await runCli(['key', 'verify', sig, '--ca', caFile, '--json']);
    assert.equal(v.code, 0, v.stdout + v.stderr);
    assert.match(JSON.stringify(v.json.result), new RegExp(company.serialHex, 'i'));
    const der = path.join(dir, 'invoice.p7s.der');
    writeFileSync(der, Buffer.from(r.pkcs7_64, 'base64'));
    const content = execFileSync(
      'openssl',
      ['cms', '-verify', '-inform', 'DER', '-in', der, '-CAfile', caFile, '-purpose', 'any'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    assert.equal(content.toString('utf8'), TEXT);
  });

  it('a key not unlocked gets a reason naming `oneid agent unlock`; a page of an origin not allowed gets only a reason', async () => {
    const locked = await signOnPage(agent.stick.keys.person!.certificate.serialHex, false);
    assert.match(locked.error ?? '', /oneid agent unlock/);

    // The same page server, reached as https://127.0.0.1:<port>: another origin, never allowed.
    const other = await browser.newPage();
    const otherOrigin = `https://127.0.0.1:${page.port}`;
    await other.goto(`${otherOrigin}/?agent=${encodeURIComponent(agent.wss!)}`, { timeout: 15_000 });
    const refused = await other.evaluate(
      ([url]) => (globalThis as any).call(url, { name: 'version' }),
      [agent.wss!],
    );
    assert.equal(refused.success, false);
    assert.match(refused.reason, new RegExp(`${otherOrigin}.*oneid agent allow ${otherOrigin}`));
    await other.close();
  });

  it("O'z DSt 1092, detached: key verify checks it against the page's text; the agent's log names the site", async () => {
    const gost = agent.stick.keys.gost!.certificate;
    const r = await signOnPage(gost.serialHex, true);
    assert.equal(r.error, undefined, r.error);
    const sig = path.join(dir, 'text.p7s');
    const content = path.join(dir, 'text.txt');
    writeFileSync(sig, r.pkcs7_64);
    writeFileSync(content, TEXT);
    const v = await runCli(['key', 'verify', sig, '--content', content, '--ca', caFile, '--json']);
    assert.equal(v.code, 0, v.stdout + v.stderr);
    writeFileSync(content, TEXT + '.');
    const tampered = await runCli(['key', 'verify', sig, '--content', content, '--ca', caFile, '--json']);
    assert.equal(tampered.code, 6, tampered.stdout);

    const log = await agent.cli(['agent', 'log', '--json']);
    assert.equal(log.code, 0, log.stderr);
    const sha = createHash('sha256').update(TEXT).digest('hex');
    assert.deepEqual(
      log.json.result.entries.map((e: any) => [e.origin, e.serial.toLowerCase(), e.mode, e.sha256]),
      [
        [page.origin, agent.stick.keys.company!.certificate.serialHex.toLowerCase(), 'attached', sha],
        [page.origin, gost.serialHex.toLowerCase(), 'detached', sha],
      ],
    );
  });
});
