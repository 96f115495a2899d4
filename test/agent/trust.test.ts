// `oneid agent trust`: the local CA and the agent's server certificate, checked by OpenSSL (the
// constraints bite: a certificate for another name under that CA is refused), installed into and
// removed from NSS databases in a throw-away HOME, read back with certutil; the Windows lines and
// the macOS tool check in-process.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { OID } from '../../src/lib/crypto/index.js';
import {
  AGENT_TLS_DAYS,
  agentCaName,
  agentTlsPem,
  createAgentTls,
  installAgentTrust,
  uninstallAgentTrust,
} from '../../src/lib/agent-trust/index.js';
import { StorageError } from '../../src/lib/errors/index.js';
import { derToPem, generatePrivateKey, issueCertificate, publicKeyOf } from '../../src/lib/pki/index.js';
import { runCli } from '../helpers/cli.js';
import { opensslTry, tempDir } from '../pki/helpers.js';

/** The certificates under a nickname in an NSS database, as PEM (none: empty list). */
function nssCertificates(db: string, nickname: string): string[] {
  try {
    const pem = execFileSync('certutil', ['-L', '-d', `sql:${db}`, '-n', nickname, '-a'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  } catch {
    return [];
  }
}

const sha256 = (pem: string) => new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();

describe('oneid agent trust', function () {
  this.timeout(60_000);
  const home = tempDir('oneid-trust-home-');
  const config = tempDir('oneid-trust-cfg-');
  const env = { HOME: home, ONEID_CONFIG_DIR: config };
  const tls = path.join(config, 'agent', 'tls');
  const nssdb = path.join(home, '.pki', 'nssdb');
  const firefox = path.join(home, '.mozilla', 'firefox', 'x1y2z3.default-release');
  const nickname = agentCaName();

  before(() => {
    // A Firefox profile's database, as Firefox leaves it: the command must find and use it.
    mkdirSync(firefox, { recursive: true });
    execFileSync('certutil', ['-N', '-d', `sql:${firefox}`, '--empty-password']);
  });

  it('writes ca.pem, server.pem (chain) and server-key.pem (0600); OpenSSL verifies the server for 127.0.0.1, ::1 and localhost', async () => {
    const r = await runCli(['agent', 'trust', '--json'], { env });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const res = r.json.result;
    assert.equal(res.action, 'install');
    assert.equal(res.files.server, path.join(tls, 'server.pem'));
    assert.equal(res.files.serverKey, path.join(tls, 'server-key.pem'));
    assert.deepEqual(res.ca.permitted, ['IP:127.0.0.1/32', 'IP:::1/128', 'DNS:localhost']);
    assert.equal(res.ca.privateKeyKept, false);
    assert.equal(statSync(tls).mode & 0o777, 0o700);
    assert.equal(statSync(res.files.ca).mode & 0o777, 0o644);
    assert.equal(statSync(res.files.server).mode & 0o777, 0o644);
    assert.equal(statSync(res.files.serverKey).mode & 0o777, 0o600);

    for (const check of [
      ['-verify_ip', '127.0.0.1'],
      ['-verify_ip', '::1'],
      ['-verify_hostname', 'localhost'],
    ]) {
      const v = opensslTry([
        'verify',
        '-CAfile',
        res.files.ca,
        '-purpose',
        'sslserver',
        ...check,
        res.files.server,
      ]);
      assert.equal(v.code, 0, `${check.join(' ')}: ${v.out}`);
    }
    // The chain file is the server certificate, then the CA; the key is the server certificate's.
    const chain = readFileSync(res.files.server, 'utf8').match(
      /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g,
    )!;
    assert.equal(chain.length, 2);
    assert.equal(sha256(chain[1]!), sha256(readFileSync(res.files.ca, 'utf8')));
    assert.equal(sha256(chain[0]!), res.server.sha256);
    const server = new X509Certificate(chain[0]!);
    assert.ok(
      createPublicKey(readFileSync(res.files.serverKey)).equals(server.publicKey),
      'server-key.pem is the server certificate key',
    );
    assert.equal(server.subjectAltName, 'IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:localhost');
    const days = (Date.parse(server.validTo) - Date.parse(server.validFrom)) / 86_400_000;
    assert.ok(days <= 825 && days >= AGENT_TLS_DAYS - 1, `validity ${days} days`);
    // Nothing in the folder holds another private key: the CA's was not kept.
    const keys = ['ca.pem', 'server.pem', 'trust.json'].filter((f) =>
      /PRIVATE KEY/.test(readFileSync(path.join(tls, f), 'utf8')),
    );
    assert.deepEqual(keys, []);
    const ext = execFileSync(
      'openssl',
      ['x509', '-in', res.files.ca, '-noout', '-ext', 'basicConstraints,nameConstraints,extendedKeyUsage'],
      { encoding: 'utf8' },
    );
    assert.match(ext, /Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    assert.match(
      ext,
      /Name Constraints: critical\s+Permitted:\s+IP:127\.0\.0\.1\/255\.255\.255\.255\s+IP:0:0:0:0:0:0:0:1\/FFFF(:FFFF){7}\s+DNS:localhost\s*$/,
    );
    assert.match(ext, /TLS Web Server Authentication/);
  });

  it('the constraints bite: OpenSSL refuses certificates for other names issued under such a CA', () => {
    const dir = tempDir('oneid-trust-nc-');
    const made = createAgentTls({ name: 'test agent CA' });
    const caFile = path.join(dir, 'ca.pem');
    writeFileSync(caFile, agentTlsPem(made).ca);
    for (const names of [
      [{ dns: 'example.com' }],
      [{ dns: 'my.gov.uz' }],
      [{ ip: '192.168.1.10' }],
      [{ ip: '::2' }],
    ]) {
      const key = generatePrivateKey({ alg: 'ec' });
      const cert = issueCertificate(made.ca, {
        subject: { CN: 'localhost' },
        publicKey: publicKeyOf(key),
        keyUsage: ['digitalSignature'],
        extKeyUsage: [OID.serverAuth],
        subjectAltNames: names,
      });
      const file = path.join(dir, 'other.pem');
      writeFileSync(file, derToPem(cert.raw, 'CERTIFICATE'));
      const v = opensslTry(['verify', '-CAfile', caFile, file]);
      assert.notEqual(v.code, 0, `${JSON.stringify(names)} was accepted`);
      assert.match(v.out, /permitted subtree violation/);
    }
  });

  it('installs the CA into ~/.pki/nssdb and each Firefox profile (trusted for TLS only); a second run replaces it', async () => {
    assert.equal(nssCertificates(nssdb, nickname).length, 1);
    assert.equal(nssCertificates(firefox, nickname).length, 1);
    const listed = execFileSync('certutil', ['-L', '-d', `sql:${nssdb}`], { encoding: 'utf8' });
    assert.match(listed, new RegExp(`${nickname.replace(/[()]/g, '\\$&')}\\s+C,,\\s*$`, 'm'));

    const r = await runCli(['agent', 'trust'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Added the CA to ${nssdb.replace(/[.]/g, '\\.')} \\(chromium\\)`));
    assert.match(r.stdout, /\(firefox\)/);
    assert.match(r.stderr, /oneid agent trust --uninstall/);
    const ca = readFileSync(path.join(tls, 'ca.pem'), 'utf8');
    for (const db of [nssdb, firefox]) {
      const certs = nssCertificates(db, nickname);
      assert.equal(certs.length, 1, `${db}: the old CA was replaced, not kept beside the new`);
      assert.equal(sha256(certs[0]!), sha256(ca));
    }
  });

  it('--uninstall removes the CA from every database and the files; a second time finds nothing', async () => {
    const r = await runCli(['agent', 'trust', '--uninstall', '--json'], { env });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.deepEqual(
      r.json.result.stores.map((s: { location: string; action: string }) => [s.location, s.action]),
      [
        [nssdb, 'removed'],
        [firefox, 'removed'],
      ],
    );
    assert.equal(nssCertificates(nssdb, nickname).length, 0);
    assert.equal(nssCertificates(firefox, nickname).length, 0);
    for (const f of ['ca.pem', 'server.pem', 'server-key.pem', 'trust.json'])
      assert.ok(!existsSync(path.join(tls, f)), f);
    const again = await runCli(['agent', 'trust', '--uninstall'], { env });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /The CA was not in .*nssdb \(chromium\)/);
  });

  it('without certutil: exit 9 naming the package, nothing written', async () => {
    const cfg = tempDir('oneid-trust-cfg-');
    const r = await runCli(['agent', 'trust', '--json', '--lang', 'ru'], {
      env: { HOME: tempDir('oneid-trust-home-'), ONEID_CONFIG_DIR: cfg, PATH: tempDir('oneid-empty-path-') },
    });
    assert.equal(r.code, 9, r.stdout + r.stderr);
    assert.equal(r.json.error.code, 'TRUST_TOOL_MISSING');
    assert.match(r.json.error.message, /certutil не установлен/);
    assert.match(r.json.error.hint, /sudo apt install libnss3-tools/);
    assert.ok(!existsSync(path.join(cfg, 'agent')), 'nothing written');
  });
  it('Windows: writes the files and gives the certutil.exe lines that add and remove the CA (nothing run)', async () => {
    const env = { ONEID_CONFIG_DIR: tempDir('oneid-trust-cfg-') };
    const home = tempDir('oneid-trust-home-');
    const r = await installAgentTrust({ env, home, platform: 'win32' });
    assert.deepEqual(r.stores, [
      {
        kind: 'windows',
        location: 'Cert:\\CurrentUser\\Root',
        reader: 'windows',
        action: 'manual',
        command: `certutil.exe -user -addstore Root "${r.files.ca}"`,
      },
    ]);
    assert.ok(existsSync(r.files.server) && existsSync(r.files.serverKey));
    assert.ok(!existsSync(path.join(home, '.pki')), 'no NSS database touched');
    const u = await uninstallAgentTrust({ env, home, platform: 'win32' });
    assert.deepEqual(
      u.stores.map((s) => s.command),
      [`certutil.exe -user -delstore Root ${r.ca!.serial}`],
    );
    assert.ok(!existsSync(r.files.ca));
  });

  it('macOS without `security` on PATH: exit 9 before anything is written', async () => {
    const env = { ONEID_CONFIG_DIR: tempDir('oneid-trust-cfg-') };
    const saved = process.env.PATH;
    process.env.PATH = tempDir('oneid-empty-path-');
    try {
      await assert.rejects(
        installAgentTrust({ env, home: tempDir('oneid-trust-home-'), platform: 'darwin' }),
        (e) => {
          assert.ok(e instanceof StorageError);
          assert.equal(e.code, 'TRUST_TOOL_MISSING');
          assert.equal(e.params.tool, 'security');
          assert.equal(e.hintKey, undefined, 'no package to install on macOS');
          return true;
        },
      );
    } finally {
      process.env.PATH = saved;
    }
    assert.ok(!existsSync(path.join(env.ONEID_CONFIG_DIR, 'agent')), 'nothing written');
  });
});
