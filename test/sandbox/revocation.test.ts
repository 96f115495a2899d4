import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { OID } from '../../src/lib/crypto/index.js';
import {
  buildOcspRequest,
  derToPem,
  ocspCertId,
  parseCertificate,
  parseOcspResponse,
  verifyWith,
  decodePublicKey,
} from '../../src/lib/pki/index.js';
import { runCommand } from '../helpers/run-command.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { applyForKey, opensslCsr, plainCitizens, registry, type Person } from './flows.js';

/** `openssl ocsp` against the sandbox's responder; its stdout and stderr together. */
export function opensslOcsp(url: string, dir: string, extra: string[] = []): string {
  const r = spawnSync(
    'openssl',
    [
      'ocsp',
      '-issuer',
      path.join(dir, 'ca.pem'),
      '-cert',
      path.join(dir, 'user.pem'),
      '-url',
      `${url}/api/v1/ca/ocsp`,
      '-CAfile',
      path.join(dir, 'ca.pem'),
      '-resp_text',
      ...extra,
    ],
    { encoding: 'utf8' },
  );
  return r.stdout + r.stderr;
}

describe('sandbox: revocation (CRL, OCSP)', function () {
  let sb: SandboxHandle;
  let people: Person[];
  let caPem: string;
  let caDer: Buffer;

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true, autoApproveMs: -1, caAlgorithm: 'ecdsa-p256' });
    people = plainCitizens(await registry(sb));
    const certs = await sb.request('GET', '/api/v1/ca/certificates');
    caPem = certs.body.pem as string;
    caDer = Buffer.from(certs.body.ca as string, 'base64');
  });
  after(async () => sb?.stop());

  /** A fresh certificate from the sandbox, with ca.pem and user.pem written beside its key. */
  async function issue(i: number): Promise<{ dir: string; serial: string; der: Buffer }> {
    const p = people[i]!;
    const key = opensslCsr('ec');
    const { certificate } = await applyForKey(
      sb,
      { type: 'individual', pinfl: p.pinfl, phone: p.phone },
      key.csrPem,
    );
    const der = Buffer.from(certificate.certificate as string, 'base64');
    writeFileSync(path.join(key.dir, 'ca.pem'), caPem);
    writeFileSync(path.join(key.dir, 'user.pem'), derToPem(der, 'CERTIFICATE'));
    return { dir: key.dir, serial: certificate.serialNumber as string, der };
  }

  async function crlText(dir: string): Promise<string> {
    const res = await fetch(`${sb.url}/api/v1/ca/crl`);
    assert.equal(res.headers.get('content-type'), 'application/pkix-crl');
    const file = path.join(dir, 'x.crl');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const verify = spawnSync(
      'openssl',
      ['crl', '-inform', 'DER', '-in', file, '-CAfile', path.join(dir, 'ca.pem'), '-noout'],
      { encoding: 'utf8' },
    );
    assert.equal(verify.status, 0, verify.stderr);
    assert.match(verify.stderr + verify.stdout, /verify OK/);
    return execFileSync('openssl', ['crl', '-inform', 'DER', '-in', file, '-noout', '-text']).toString();
  }

  it('names the address it really listens on in the CRL DP and the AIA OCSP URL (started on port 0)', async () => {
    const { der } = await issue(30);
    const text = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text'], {
      input: der,
    }).toString();
    assert.ok(sb.port !== 8765);
    assert.match(text, new RegExp(`URI:${sb.url}/api/v1/ca/crl`));
    assert.match(text, new RegExp(`OCSP - URI:${sb.url}/api/v1/ca/ocsp`));
  });

  it('OpenSSL: good, then revoked with the reason; the CRL verifies and lists it with the reason at once', async () => {
    const { dir, serial } = await issue(31);
    const before = opensslOcsp(sb.url, dir);
    assert.match(before, /Response verify OK/);
    assert.match(before, /user\.pem: good/);
    const rev = await sb.request('POST', `/api/v1/sandbox/certificates/${serial}/revoke`, {
      reason: 'keyCompromise',
    });
    assert.equal(rev.status, 200, JSON.stringify(rev.body));
    assert.equal(rev.body.serial, serial);
    assert.equal(rev.body.reason, 'keyCompromise');
    assert.ok(Math.abs(Date.parse(rev.body.revokedAt as string) - Date.now()) < 60_000);
    const after = opensslOcsp(sb.url, dir);
    assert.match(after, /Response verify OK/);
    assert.match(after, /user\.pem: revoked/);
    assert.match(after, /Reason: keyCompromise/);
    assert.match(after, /This Update: .*\n\s*Next Update: /);
    assert.doesNotMatch(after, /Status times invalid/);

    const text = await crlText(dir);
    assert.match(text, new RegExp(`Serial Number: ${serial.toUpperCase()}`));
    assert.match(text, /Key Compromise/);
    const thisUpdate = Date.parse(/Last Update: (.+)/.exec(text)![1]!);
    const nextUpdate = Date.parse(/Next Update: (.+)/.exec(text)![1]!);
    assert.ok(Math.abs(thisUpdate - Date.now()) < 120_000, 'thisUpdate is now');
    assert.ok(
      nextUpdate > thisUpdate && nextUpdate - thisUpdate <= 86_400_000 + 1000,
      'nextUpdate within a day',
    );
  });

  it('echoes the nonce, answers GET, says unknown for a serial it never issued, good for the TSA certificate, and SHA-256 CertIDs match', async () => {
    const { serial } = await issue(32);
    const ca = parseCertificate(caDer);
    const tsa = parseCertificate(
      Buffer.from((await sb.request('GET', '/api/v1/ca/certificates')).body.tsa as string, 'base64'),
    );
    const nonce = randomBytes(16);
    const ids = [
      ocspCertId(ca, Buffer.from(serial, 'hex'), OID.sha256),
      ocspCertId(ca, Buffer.from('1122334455667788', 'hex')),
      ocspCertId(ca, Buffer.from(tsa.serialHex, 'hex')),
    ];
    const req = buildOcspRequest(ids, nonce);
    const post = await fetch(`${sb.url}/api/v1/ca/ocsp`, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: req,
    });
    assert.equal(post.headers.get('content-type'), 'application/ocsp-response');
    const r = parseOcspResponse(Buffer.from(await post.arrayBuffer()));
    assert.equal(r.status, 'successful');
    assert.deepEqual(
      r.responses.map((x) => x.status),
      ['good', 'unknown', 'good'],
    );
    // the nonce extension's value is the OCTET STRING the request carried
    assert.ok(r.nonce?.subarray(2).equals(nonce));
    assert.ok(verifyWith(decodePublicKey(ca.spki), r.signatureAlgorithm!, r.tbs!, r.signature!));

    const get = await fetch(`${sb.url}/api/v1/ca/ocsp/${encodeURIComponent(req.toString('base64'))}`);
    assert.equal(get.status, 200);
    assert.deepEqual(
      parseOcspResponse(Buffer.from(await get.arrayBuffer())).responses.map((x) => x.status),
      ['good', 'unknown', 'good'],
    );

    const bad = await fetch(`${sb.url}/api/v1/ca/ocsp`, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request' },
      body: Buffer.from('not der'),
    });
    assert.equal(parseOcspResponse(Buffer.from(await bad.arrayBuffer())).status, 'malformedRequest');
  });

  describe('oneid sandbox revoke', () => {
    const pfx = (dir: string, readable: boolean): string => {
      const out = path.join(dir, readable ? 'open.pfx' : 'closed.pfx');
      execFileSync('openssl', [
        'pkcs12',
        '-export',
        '-inkey',
        path.join(dir, 'key.pem'),
        '-in',
        path.join(dir, 'user.pem'),
        '-passout',
        'pass:secret12',
        ...(readable ? ['-certpbe', 'NONE'] : []),
        '-out',
        out,
      ]);
      return out;
    };

    it('by serial: --json { serial, revokedAt, reason }; OpenSSL OCSP says revoked, the CRL lists it', async () => {
      const { dir, serial } = await issue(33);
      const r = await runCommand([
        'sandbox',
        'revoke',
        serial,
        '--reason',
        'superseded',
        '--url',
        sb.url,
        '--json',
      ]);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      const result = (r.json as { result: { serial: string; revokedAt: string; reason: string } }).result;
      assert.deepEqual(Object.keys(result).sort(), ['reason', 'revokedAt', 'serial']);
      assert.equal(result.serial, serial);
      assert.equal(result.reason, 'superseded');
      const ocsp = opensslOcsp(sb.url, dir);
      assert.match(ocsp, /Response verify OK/);
      assert.match(ocsp, /user\.pem: revoked/);
      assert.match(ocsp, /Reason: superseded/);
      const crl = await crlText(dir);
      assert.match(
        crl,
        new RegExp(
          `Serial Number: ${serial.toUpperCase()}\\s+Revocation Date: [^\\n]+\\s+CRL entry extensions:\\s+X509v3 CRL Reason Code:\\s+Superseded`,
        ),
      );

      const again = await runCommand(['sandbox', 'revoke', serial, '--url', sb.url, '--json']);
      assert.notEqual(again.code, 0);
      assert.match(again.stdout, /CERTIFICATE_NOT_FOUND/);
    });

    it('by key file: the serial is read without the password (human output in Russian)', async () => {
      const { dir, serial } = await issue(34);
      const r = await runCommand(['sandbox', 'revoke', pfx(dir, true), '--url', sb.url, '--lang', 'ru']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`Сертификат ${serial} отозван \\(unspecified\\)`));
      assert.match(opensslOcsp(sb.url, dir), /user\.pem: revoked/);
    });

    it('refuses a key file whose certificate needs the password, and a target that is neither (exit 2)', async () => {
      const { dir } = await issue(35);
      const hidden = await runCommand(['sandbox', 'revoke', pfx(dir, false), '--url', sb.url, '--json']);
      assert.equal(hidden.code, 2);
      assert.match(hidden.stdout, /KEY_SERIAL_HIDDEN/);
      assert.match(opensslOcsp(sb.url, dir), /user\.pem: good/);
      const neither = await runCommand(['sandbox', 'revoke', 'not-a-serial', '--url', sb.url, '--json']);
      assert.equal(neither.code, 2);
      assert.match(neither.stdout, /REVOKE_TARGET_INVALID/);
    });
  });

  it("with the O'z DSt 1092 root: the OCSP answer carries a GOST signature that verifies, with the reason", async () => {
    const gost = await startSandbox({ relaxedLimits: true, autoApproveMs: -1 });
    try {
      const p = plainCitizens(await registry(gost))[36]!;
      const { certificate } = await applyForKey(
        gost,
        { type: 'individual', pinfl: p.pinfl, phone: p.phone },
        opensslCsr('ec').csrPem,
      );
      const ca = parseCertificate(
        Buffer.from((await gost.request('GET', '/api/v1/ca/certificates')).body.ca, 'base64'),
      );
      const serial = certificate.serialNumber as string;
      await gost.request('POST', `/api/v1/sandbox/certificates/${serial}/revoke`, {
        reason: 'cessationOfOperation',
      });
      const res = await fetch(`${gost.url}/api/v1/ca/ocsp`, {
        method: 'POST',
        headers: { 'content-type': 'application/ocsp-request' },
        body: buildOcspRequest([ocspCertId(ca, Buffer.from(serial, 'hex'))]),
      });
      const r = parseOcspResponse(Buffer.from(await res.arrayBuffer()));
      assert.equal(r.responses[0]!.status, 'revoked');
      assert.equal(r.responses[0]!.status === 'revoked' && r.responses[0]!.reason, 5);
      assert.equal(r.nonce, undefined);
      assert.equal(ca.publicKeyAlgorithm.name, 'OZDST-1092');
      assert.equal(r.signatureAlgorithm, ca.signatureAlgorithmOid);
      assert.ok(verifyWith(decodePublicKey(ca.spki), r.signatureAlgorithm!, r.tbs!, r.signature!));
    } finally {
      await gost.stop();
    }
  });
});
