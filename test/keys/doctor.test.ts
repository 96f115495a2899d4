// `key doctor` checks on real folders, real key files and a real local HTTP server as the portal.
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import path from 'node:path';

import { chainCheck, runDoctor, type DoctorCheck } from '../../src/lib/keys/index.js';
import { parseCertificate } from '../../src/lib/pki/index.js';
import { openssl, tempDir, testCa } from '../pki/helpers.js';
import { discovery, makeStick, PW } from './fixtures.js';

function startPortal(handler: (path: string) => [number, unknown]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const [status, body] = handler(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

const pick = (checks: DoctorCheck[], id: string, path?: string) =>
  checks.filter((c) => c.id === id && (path === undefined || c.path === path));

describe('key doctor', () => {
  const fx = makeStick();
  let portal: { url: string; server: Server };
  before(async () => {
    portal = await startPortal((p) => (p === '/api/v1/health' ? [200, { status: 'ok' }] : [404, {}]));
  });
  after(() => portal.server.close());

  it('checks every key found: parse, expiry (fail expired, warn soon), chain with --ca', async () => {
    const report = await runDoctor({
      ...discovery(fx),
      trusted: [testCa().root.certificate],
      portal: portal.url,
    });
    const c = report.checks;
    assert.equal(pick(c, 'roots')[0]!.status, 'pass');
    assert.equal(pick(c, 'usb')[0]!.status, 'skip');
    // A damaged file is found and read, but the files check does not say "all readable".
    const files = pick(c, 'files')[0]!;
    assert.equal(files.status, 'warn');
    assert.equal(files.key, 'keys.doctor.files.damaged');
    assert.equal(files.params.bad, 1);
    assert.equal(pick(c, 'parse', fx.files.damaged)[0]!.status, 'fail');
    assert.equal(pick(c, 'expiry', fx.files.expired)[0]!.status, 'fail');
    assert.equal(pick(c, 'expiry', fx.files.soon)[0]!.status, 'warn');
    assert.equal(pick(c, 'expiry', fx.files.person)[0]!.status, 'pass');
    assert.equal(pick(c, 'chain', fx.files.person)[0]!.status, 'pass');
    assert.equal(pick(c, 'password', fx.files.person)[0]!.status, 'skip');
    assert.equal(pick(c, 'portal')[0]!.status, 'pass');
    assert.equal(pick(c, 'clock')[0]!.status, 'pass');
    assert.equal(report.ok, false);
  });

  it('one key with the right password: password and key/certificate match pass; no --ca → untrusted root warns', async () => {
    const report = await runDoctor({
      ...discovery(fx),
      ref: fx.files.person,
      password: PW,
      portal: portal.url,
    });
    const c = report.checks;
    assert.equal(pick(c, 'password')[0]!.status, 'pass');
    assert.equal(pick(c, 'match')[0]!.status, 'pass');
    assert.equal(pick(c, 'chain')[0]!.status, 'warn');
    assert.equal(pick(c, 'chain')[0]!.key, 'keys.doctor.chain.untrusted');
    assert.ok(report.ok, JSON.stringify(c.filter((x) => x.status === 'fail')));
  });

  it("without --ca, the portal's CA (/api/v1/ca/certificates) is the trust anchor", async () => {
    const withCa = await startPortal((p) =>
      p === '/api/v1/health'
        ? [200, { status: 'ok' }]
        : p === '/api/v1/ca/certificates'
          ? [200, { ca: Buffer.from(testCa().root.certificate.raw).toString('base64') }]
          : [404, {}],
    );
    try {
      const report = await runDoctor({ ...discovery(fx), ref: fx.files.person, portal: withCa.url });
      assert.equal(pick(report.checks, 'chain')[0]!.status, 'pass');
      assert.equal(pick(report.checks, 'chain')[0]!.params.root, 'CN=Test Root CA,O=OneID Test,C=UZ');
    } finally {
      withCa.server.close();
    }
  });

  it('a wrong password fails the password check', async () => {
    const report = await runDoctor({ ...discovery(fx), ref: '31234567890123', password: 'bad' });
    assert.equal(pick(report.checks, 'password')[0]!.status, 'fail');
    assert.equal(pick(report.checks, 'portal')[0]!.status, 'skip');
    assert.equal(report.ok, false);
  });

  it('an unreachable or unhealthy portal fails; a clock far from the portal date warns', async () => {
    const sick = await startPortal(() => [503, { status: 'down' }]);
    try {
      const r1 = await runDoctor({ ...discovery(fx), ref: fx.files.person, portal: sick.url });
      assert.equal(pick(r1.checks, 'portal')[0]!.status, 'fail');
      const r2 = await runDoctor({
        ...discovery(fx),
        ref: fx.files.person,
        portal: portal.url,
        now: new Date(Date.now() + 3600_000),
      });
      assert.equal(pick(r2.checks, 'clock')[0]!.status, 'warn');
    } finally {
      sick.server.close();
    }
    // A port that was just listening and is now closed: connection refused.
    const gone = await startPortal(() => [200, {}]);
    await new Promise((r) => gone.server.close(r));
    const closed = await runDoctor({
      ...discovery(fx),
      ref: fx.files.person,
      portal: gone.url,
      timeoutMs: 500,
    });
    const check = pick(closed.checks, 'portal')[0]!;
    assert.equal(check.status, 'fail');
    assert.equal(check.params.reason, 'ECONNREFUSED');
  });

  it('a signature algorithm we do not verify (RSA-PSS) warns instead of failing', () => {
    const dir = tempDir();
    const crt = path.join(dir, 'pss.crt');
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path.join(dir, 'pss.key'),
      '-out',
      crt,
      '-subj',
      '/CN=PSS',
      '-days',
      '5',
      '-sigopt',
      'rsa_padding_mode:pss',
    ]);
    const cert = parseCertificate(openssl(['x509', '-in', crt, '-outform', 'DER']));
    const check = chainCheck(cert, [], []);
    assert.equal(check.status, 'warn');
    assert.equal(check.key, 'keys.doctor.chain.unverifiable');
  });

  it('no key folders at all: roots and files fail', async () => {
    const report = await runDoctor({
      roots: [tempDir('oneid-empty-') + '/missing'],
      systemRoots: false,
      env: {},
    });
    assert.equal(pick(report.checks, 'roots')[0]!.status, 'fail');
    assert.equal(pick(report.checks, 'files')[0]!.status, 'fail');
  });
});
