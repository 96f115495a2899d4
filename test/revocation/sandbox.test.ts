// Revocation against the sandbox CA (OCSP named in every certificate it issues): a signature
// timestamped by the trusted TSA before the revocation stays valid ("revoked later"); one
// without a timestamp is invalid (E-IMZO -11); `key sign` refuses the revoked key (exit 5,
// nothing written); `key doctor` has a revocation line.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { derToPem } from '../../src/lib/pki/index.js';
import { runCli } from '../helpers/cli.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { openssl } from '../sign/openssl-fixtures.js';
import { applyForKey, opensslCsr, plainCitizens, registry, type Person } from '../sandbox/flows.js';

const PASSWORD = 'Pfx-pass1';

describe('revocation: sandbox OCSP, timestamps, key sign and key doctor', function () {
  this.timeout(120_000);
  let sb: SandboxHandle;
  let people: Person[];
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-rev-sb-'));
  const caFile = path.join(dir, 'ca.pem');
  const passwordFile = path.join(dir, 'password.txt');
  const doc = path.join(dir, 'contract.txt');
  writeFileSync(passwordFile, PASSWORD + '\n');
  writeFileSync(doc, 'a contract\n');

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true, autoApproveMs: -1, caAlgorithm: 'ecdsa-p256' });
    people = plainCitizens(await registry(sb));
    writeFileSync(caFile, (await sb.request('GET', '/api/v1/ca/certificates')).body.pem as string);
  });
  after(async () => sb?.stop());

  /** A key issued by the sandbox, packed by OpenSSL into a .pfx. */
  async function issue(i: number): Promise<{ pfx: string; serial: string }> {
    const p = people[i]!;
    const key = opensslCsr('ec');
    const { certificate } = await applyForKey(
      sb,
      { type: 'individual', pinfl: p.pinfl, phone: p.phone },
      key.csrPem,
    );
    const certFile = path.join(key.dir, 'cert.pem');
    writeFileSync(
      certFile,
      derToPem(Buffer.from(certificate.certificate as string, 'base64'), 'CERTIFICATE'),
    );
    const pfx = path.join(key.dir, 'key.pfx');
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      key.keyFile,
      '-in',
      certFile,
      '-certfile',
      caFile,
      '-passout',
      `pass:${PASSWORD}`,
      '-out',
      pfx,
    ]);
    return { pfx, serial: certificate.serialNumber as string };
  }
  const revoke = async (serial: string, reason: string) => {
    const r = await sb.request('POST', `/api/v1/sandbox/certificates/${serial}/revoke`, { reason });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  const sign = (pfx: string, outDir: string, extra: string[] = []) =>
    runCli([
      'key',
      'sign',
      doc,
      '--key',
      pfx,
      '--key-password-file',
      passwordFile,
      '--detached',
      '--out-dir',
      outDir,
      '--portal',
      sb.url,
      ...extra,
    ]);
  const verify = (sig: string, extra: string[] = []) =>
    runCli(['key', 'verify', sig, '--content', doc, '--ca', caFile, ...extra]);

  let signed: { pfx: string; serial: string };
  const stamped = path.join(dir, 'stamped');
  const plain = path.join(dir, 'plain');

  it('before the revocation: signs (status good from the OCSP URL) and verifies as not revoked', async () => {
    signed = await issue(40);
    const a = await sign(signed.pfx, stamped, ['--timestamp', '--json']);
    assert.equal(a.code, 0, a.stdout + a.stderr);
    assert.equal(a.json.result.revocation.status, 'good');
    assert.equal(a.json.result.revocation.source, `${sb.url}/api/v1/ca/ocsp`);
    const b = await sign(signed.pfx, plain);
    assert.equal(b.code, 0, b.stderr);
    const v = await verify(path.join(stamped, 'contract.txt.p7s'), ['--json']);
    assert.equal(v.code, 0, v.stdout);
    const s = v.json.result.files[0].signers[0];
    assert.equal(s.revocation.status, 'good');
    assert.equal(s.timestamp.trusted, true, 'the sandbox TSA chains to the sandbox CA and may stamp time');
  });

  it('after it: the timestamped signature stays valid ("revoked later"), the other is invalid (-11)', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // revocation times have whole seconds
    await revoke(signed.serial, 'keyCompromise');
    const ok = await verify(path.join(stamped, 'contract.txt.p7s'), ['--json']);
    assert.equal(ok.code, 0, ok.stdout);
    const s = ok.json.result.files[0].signers[0];
    assert.equal(s.status, 1);
    assert.equal(s.revocation.status, 'revoked-later');
    assert.equal(s.revocation.reason, 'keyCompromise');
    assert.ok(Date.parse(s.timestamp.time) < Date.parse(s.revocation.revokedAt));
    const human = await verify(path.join(stamped, 'contract.txt.p7s'));
    assert.match(human.stdout, /valid — .*revocation: revoked later, at .*key compromise/);

    const bad = await verify(path.join(plain, 'contract.txt.p7s'), ['--json']);
    assert.equal(bad.code, 6, bad.stdout);
    assert.equal(bad.json.error.code, 'SIGNATURE_CERT_REVOKED');
    const b = bad.json.result.files[0].signers[0];
    assert.equal(b.status, -11);
    assert.equal(b.revocation.status, 'revoked');
    const uz = await verify(path.join(plain, 'contract.txt.p7s'), ['--lang', 'uz']);
    assert.equal(uz.code, 6);
    assert.match(uz.stdout + uz.stderr, /kalit obro‘sizlangan/);
  });

  it('key sign refuses the revoked key: exit 5, no output file, no temp', async () => {
    const out = path.join(dir, 'after');
    const r = await sign(signed.pfx, out, ['--json']);
    assert.equal(r.code, 5, r.stdout);
    assert.equal(r.json.error.code, 'KEY_REVOKED');
    assert.ok(!existsSync(out) || readdirSync(out).length === 0, 'nothing written');
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('oneid-tmp')),
      [],
    );
  });

  it('key doctor: the revocation line passes, then fails once the key is revoked (exit 5)', async () => {
    const k = await issue(41);
    const doctor = (extra: string[] = []) =>
      runCli([
        'key',
        'doctor',
        k.pfx,
        '--key-password-file',
        passwordFile,
        '--portal',
        sb.url,
        '--json',
        ...extra,
      ]);
    const before = await doctor();
    const line = (r: { json?: any }) =>
      r.json.result.checks.find((c: { id: string }) => c.id === 'revocation') as {
        status: string;
        message: string;
      };
    assert.equal(line(before).status, 'pass', before.stdout);
    await revoke(k.serial, 'superseded');
    const after = await doctor();
    assert.equal(after.code, 5, after.stdout);
    assert.equal(line(after).status, 'fail');
    assert.match(line(after).message, /REVOKED .*superseded/);
    const ru = await doctor(['--lang', 'ru']);
    assert.match(line(ru).message, /ОТОЗВАН .*заменён/);
  });
});
