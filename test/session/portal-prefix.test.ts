// A portal mounted under a path prefix (`http://host/oneid`, here a small proxy in front of the
// sandbox that answers only under /oneid/): sessions keep the full URL, and login, whoami, a
// timestamped `key sign --timestamp` and logout (also of another portal's session) all reach it
// under /oneid/….
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { runDoctor } from '../../src/lib/keys/index.js';
import { runCli } from '../helpers/cli.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { PASSWORD, plainCitizens, register, registry } from '../sandbox/flows.js';
import { fixtures, pfxFor } from '../sign/openssl-fixtures.js';

describe('session: a portal under a path prefix', function () {
  this.timeout(120_000);
  let sb: SandboxHandle;
  let proxy: http.Server;
  let base: string;
  let key: string;
  const seen: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-prefix-'));
  const config = path.join(dir, 'config');
  const passwordFile = path.join(dir, 'password');
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });

  before(async () => {
    sb = await startSandbox();
    const target = new URL(sb.url);
    proxy = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (!req.url?.startsWith('/oneid/')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ status: 404, code: 'NOT_UNDER_PREFIX', message: `not under /oneid: ${req.url}` }),
        );
        return;
      }
      const up = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url.slice('/oneid'.length),
          headers: req.headers,
        },
        (r) => {
          res.writeHead(r.statusCode!, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}/oneid`;
    key = `127.0.0.1:${port}/oneid`;
  });
  after(async () => {
    proxy?.close();
    await sb?.stop();
  });

  const env = (portal: string) => ({ ONEID_PORTAL: portal, ONEID_CONFIG_DIR: config });

  it('login, whoami, key sign --timestamp and logout of another portal all go to /oneid/…', async () => {
    const person = plainCitizens(await registry(sb))[0]!;
    const login = `prefix${process.pid % 10_000}`;
    await register(sb, person, login);

    const li = await runCli(
      ['login', login, '--password-file', passwordFile, '--insecure-storage', '--json'],
      {
        env: env(`${base}/`),
      },
    );
    assert.equal(li.code, 0, li.stdout + li.stderr);
    const stored = JSON.parse(readFileSync(path.join(config, 'sessions.json'), 'utf8')).sessions;
    assert.deepEqual(Object.keys(stored), [key]);
    assert.equal(stored[key].default.portal, base, 'the session keeps the full URL');

    const who = await runCli(['whoami', '--json'], { env: env(base) });
    assert.equal(who.code, 0, who.stdout + who.stderr);
    assert.equal(who.json.result.login, login);

    const fx = fixtures();
    const pfx = pfxFor(fx.rsa, 'correct horse', path.join(dir, 'key.pfx'));
    const keyPassword = path.join(dir, 'key-password');
    writeFileSync(keyPassword, 'correct horse\n');
    const doc = path.join(dir, 'doc.txt');
    writeFileSync(doc, 'signed under a prefix\n');
    const sign = await runCli(
      ['key', 'sign', doc, '--key', pfx, '--key-password-file', keyPassword, '--timestamp', '--json'],
      { env: env(base) },
    );
    assert.equal(sign.code, 0, sign.stdout + sign.stderr);

    // Logged out from another portal's point of view: the session is ended at its own full URL.
    const out = await runCli(['logout', '--all', '--insecure-storage', '--json'], { env: env(sb.url) });
    assert.equal(out.code, 0, out.stdout + out.stderr);
    assert.deepEqual(out.json.result.loggedOut, [
      { portal: key, endedOnPortal: true, login, profile: 'default' },
    ]);

    const paths = seen.map((s) => s.split(' ')[1]!);
    assert.deepEqual(
      paths.filter((p) => !p.startsWith('/oneid/')),
      [],
      'every request went under the prefix',
    );
    for (const p of [
      '/oneid/api/v1/auth/login',
      '/oneid/api/v1/auth/session',
      '/oneid/api/v1/tsa',
      '/oneid/api/v1/auth/logout',
    ])
      assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
  });

  it("key doctor checks the portal's health under the prefix", async () => {
    const report = await runDoctor({ roots: [dir], systemRoots: false, env: {}, portal: base });
    const portal = report.checks.find((c) => c.id === 'portal');
    assert.equal(portal?.status, 'pass', JSON.stringify(portal));
    assert.ok(seen.includes('GET /oneid/api/v1/health'), seen.join(', '));
  });
});
