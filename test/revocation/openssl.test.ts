// Revocation against peers no one here wrote: OpenSSL's `openssl ocsp -index` responder (with a
// delegated responder certificate) and CRLs made by `openssl ca -gencrl`, given with --crl FILE,
// --crl URL or found through the certificate's CRL distribution point; the modes auto, require and
// off; the CRL cache in the config folder.
import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { RevocationChecker } from '../../src/lib/revocation/index.js';
import { verifyBatch } from '../../src/lib/sign/index.js';
import { runCli, tempConfigDir } from '../helpers/cli.js';
import { freePort, OpensslCa, type Party } from './openssl-ca.js';

/** Until the responder says it waits for clients (a bare TCP probe would hold its one thread). */
/** What the responder wrote on stderr (one "Received request" line per request). */
let responderLog = '';
async function ready(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`openssl ocsp did not start: ${responderLog}`)), 20_000);
    child.stderr!.on('data', (c: Buffer) => {
      responderLog += c.toString();
      const seen = responderLog;
      if (seen.includes('waiting for OCSP client connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

describe('revocation: OpenSSL responder and OpenSSL CRLs', function () {
  this.timeout(120_000);
  const ca = new OpensslCa();
  let ocspPort: number;
  let deadPort: number;
  let crlPort: number;
  let responder: ChildProcess;
  let crlServer: Server;
  let crlHits = 0;
  let good: Party;
  let revoked: Party;
  let offline: Party;
  let viaDp: Party;
  let revokedViaDp: Party;
  let unreachable: Party;
  const doc = ca.p('doc.txt');
  writeFileSync(doc, 'revocation test document\n');

  const sign = (p: Party, extra: string[] = []) =>
    runCli([
      'key',
      'sign',
      doc,
      '--key',
      p.pfx,
      '--key-password-file',
      ca.passwordFile,
      '--detached',
      '--force',
      ...extra,
    ]);
  /** A detached signature by `p` (made with --revocation off), at `out`. */
  async function signatureBy(p: Party): Promise<string> {
    const r = await sign(p, ['--revocation', 'off', '--out-dir', ca.p(`sig-${p.name}`)]);
    assert.equal(r.code, 0, r.stderr);
    return path.join(ca.p(`sig-${p.name}`), 'doc.txt.p7s');
  }
  const verify = (sig: string, extra: string[] = [], env: Record<string, string> = {}) =>
    runCli(['key', 'verify', sig, '--content', doc, '--ca', ca.caFile, '--json', ...extra], { env });

  before(async () => {
    ocspPort = await freePort();
    deadPort = await freePort();
    const ocspUrl = `http://127.0.0.1:${ocspPort}`;
    crlServer = createServer((req, res) => {
      crlHits++;
      if (req.url === '/ca.crl') res.end(readFileSync(ca.p('ca.crl')));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => crlServer.listen(0, '127.0.0.1', r));
    crlPort = (crlServer.address() as { port: number }).port;
    const crlUrl = `http://127.0.0.1:${crlPort}/ca.crl`;
    const ocspSigner = ca.issue('ocsp-signer', [
      'basicConstraints=CA:false',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=OCSPSigning',
    ]);
    good = ca.signer('good', { ocsp: ocspUrl });
    revoked = ca.signer('revoked', { ocsp: ocspUrl });
    offline = ca.signer('offline');
    viaDp = ca.signer('via-dp', { crl: crlUrl });
    revokedViaDp = ca.signer('revoked-via-dp', { crl: crlUrl });
    unreachable = ca.signer('unreachable', { ocsp: `http://127.0.0.1:${deadPort}` });
    ca.revoke(revoked, 'keyCompromise');
    ca.revoke(offline, 'superseded');
    ca.revoke(revokedViaDp, 'affiliationChanged');
    ca.gencrl();
    responder = ca.responder(ocspPort, ocspSigner);
    await ready(responder);
  });
  after(async () => {
    if (responder?.pid) process.kill(responder.pid, 'SIGTERM');
    await new Promise((r) => crlServer?.close(r));
  });

  it('OCSP (delegated responder): a good key signs and its signature verifies as not revoked', async () => {
    const s = await sign(good, ['--out-dir', ca.p('out-good'), '--json']);
    assert.equal(s.code, 0, s.stdout + s.stderr);
    assert.equal(s.json.result.revocation.status, 'good', JSON.stringify(s.json.result.revocation));
    assert.equal(s.json.result.revocation.via, 'ocsp');
    const v = await verify(path.join(ca.p('out-good'), 'doc.txt.p7s'));
    assert.equal(v.code, 0, v.stdout + v.stderr);
    const signer = v.json.result.files[0].signers[0];
    assert.equal(signer.revocation.status, 'good');
    assert.equal(signer.revocation.source, `http://127.0.0.1:${ocspPort}`);
    assert.equal(signer.chainCertificates, undefined, 'the path DER is not in --json');
  });

  it('OCSP: a revoked key is refused by key sign (exit 5, nothing written); its signature is invalid (-11)', async () => {
    const out = ca.p('out-revoked');
    const s = await sign(revoked, ['--out-dir', out]);
    assert.equal(s.code, 5, s.stdout + s.stderr);
    assert.match(s.stderr, /revoked .*key compromise/i);
    assert.ok(!existsSync(out) || readdirSync(out).length === 0, 'no output, no temp');
    const sig = await signatureBy(revoked);
    const v = await verify(sig);
    assert.equal(v.code, 6, v.stdout);
    assert.equal(v.json.error.code, 'SIGNATURE_CERT_REVOKED');
    const signer = v.json.result.files[0].signers[0];
    assert.equal(signer.status, -11);
    assert.equal(signer.revocation.status, 'revoked');
    assert.equal(signer.revocation.reason, 'keyCompromise');
    const human = await runCli(['key', 'verify', sig, '--content', doc, '--ca', ca.caFile, '--lang', 'ru']);
    assert.equal(human.code, 6);
    assert.match(human.stdout + human.stderr, /компрометация ключа/);
  });

  it('CRL from openssl ca -gencrl with --crl FILE and --crl URL; without it a key naming no source is not checked', async () => {
    const sig = await signatureBy(offline);
    const plain = await verify(sig);
    assert.equal(plain.code, 0, plain.stdout);
    assert.equal(plain.json.result.files[0].signers[0].revocation.status, 'not-checked');
    const file = await verify(sig, ['--crl', ca.p('ca.crl')]);
    assert.equal(file.code, 6, file.stdout);
    assert.equal(file.json.error.code, 'SIGNATURE_CERT_REVOKED');
    assert.match(file.json.error.message, /superseded/);
    const url = await verify(sig, ['--crl', `http://127.0.0.1:${crlPort}/ca.crl`]);
    assert.equal(url.code, 6, url.stdout);
    const s = await sign(offline, ['--crl', ca.p('ca.crl'), '--out-dir', ca.p('out-offline')]);
    assert.equal(s.code, 5, s.stderr);
    assert.ok(!existsSync(ca.p('out-offline')) || readdirSync(ca.p('out-offline')).length === 0);
  });

  it('CRL distribution point over http: fetched once, then reused from the config folder until nextUpdate', async () => {
    const sig = await signatureBy(viaDp);
    const revokedSig = await signatureBy(revokedViaDp);
    const config = tempConfigDir();
    const before = crlHits;
    const first = await verify(sig, [], { ONEID_CONFIG_DIR: config });
    assert.equal(first.code, 0, first.stdout);
    assert.equal(first.json.result.files[0].signers[0].revocation.status, 'good');
    assert.equal(first.json.result.files[0].signers[0].revocation.via, 'crl');
    assert.equal(crlHits, before + 1);
    const second = await verify(sig, [], { ONEID_CONFIG_DIR: config });
    assert.equal(second.code, 0);
    const third = await verify(revokedSig, [], { ONEID_CONFIG_DIR: config });
    assert.equal(third.code, 6, third.stdout);
    assert.equal(third.json.error.code, 'SIGNATURE_CERT_REVOKED');
    assert.equal(crlHits, before + 1, 'the cached CRL served the next runs');
    // A batch of both: still no request.
    const both = await runCli(
      ['key', 'verify', sig, revokedSig, '--content-dir', ca.dir, '--ca', ca.caFile, '--json'],
      { env: { ONEID_CONFIG_DIR: config } },
    );
    assert.equal(both.code, 6);
    assert.equal(crlHits, before + 1);
  });

  it('responder down: require fails (sign 5, doctor 5, verify 6); auto warns and exits 0', async () => {
    const sig = await signatureBy(unreachable);
    const auto = await runCli(['key', 'verify', sig, '--content', doc, '--ca', ca.caFile]);
    assert.equal(auto.code, 0, auto.stderr);
    assert.match(auto.stderr, /revocation status unknown: .*cannot be reached/);
    const req = await verify(sig, ['--revocation', 'require']);
    assert.equal(req.code, 6, req.stdout);
    assert.equal(req.json.error.code, 'SIGNATURE_REVOCATION_UNKNOWN');
    const env = await verify(sig, [], { ONEID_REVOCATION: 'require' });
    assert.equal(env.code, 6, 'ONEID_REVOCATION=require');
    const s = await sign(unreachable, ['--revocation', 'require', '--out-dir', ca.p('out-down')]);
    assert.equal(s.code, 5, s.stderr);
    assert.ok(!existsSync(ca.p('out-down')) || readdirSync(ca.p('out-down')).length === 0);
    const sAuto = await sign(unreachable, ['--out-dir', ca.p('out-down-auto')]);
    assert.equal(sAuto.code, 0, sAuto.stderr);
    assert.match(sAuto.stderr, /unknown/);
    const runDoctor = (extra: string[]) =>
      runCli([
        'key',
        'doctor',
        unreachable.pfx,
        '--key-password-file',
        ca.passwordFile,
        '--ca',
        ca.caFile,
        '--portal',
        `http://127.0.0.1:${deadPort}`,
        '--json',
        ...extra,
      ]);
    const line = (r: { json?: any }) =>
      r.json.result.checks.find((c: { id: string }) => c.id === 'revocation') as {
        status: string;
        message: string;
      };
    const doctor = await runDoctor(['--revocation', 'require']);
    assert.equal(doctor.code, 5, doctor.stdout);
    assert.equal(line(doctor).status, 'fail');
    assert.match(line(doctor).message, /cannot be reached/);
    // auto: a warning line; only the (dead) portal fails, so the exit is the portal's 7.
    const doctorAuto = await runDoctor([]);
    assert.equal(doctorAuto.code, 7, doctorAuto.stdout);
    assert.equal(line(doctorAuto).status, 'warn');
  });

  it('a batch of 200 signatures by one key makes one OCSP request (cache per certificate, lookups shared in flight)', async () => {
    const one = readFileSync(await signatureBy(good));
    const batch = ca.p('batch');
    mkdirSync(batch);
    const signatures = [];
    for (let i = 0; i < 200; i++) {
      writeFileSync(path.join(batch, `doc${i}.txt`), readFileSync(doc));
      writeFileSync(path.join(batch, `doc${i}.txt.p7s`), one);
      signatures.push({ path: path.join(batch, `doc${i}.txt.p7s`), root: batch });
    }
    const checker = new RevocationChecker({ mode: 'require' });
    const requestsBefore = responderLog.split('Received request').length;
    const r = await verifyBatch({ signatures, trusted: [readFileSync(ca.caFile)], revocation: checker });
    assert.equal(r.valid, true);
    assert.ok(r.files.every((f) => f.signers[0]!.revocation?.status === 'good'));
    assert.equal(checker.requests, 1);
    // The responder's log reaches us through a pipe, a little after its answer: wait for it.
    const seen = () => responderLog.split('Received request').length - requestsBefore;
    for (let waited = 0; seen() < 1 && waited < 5_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200)); // and a moment for any second request to show
    assert.equal(seen(), 1, responderLog);
  });

  it('off does no network at all', async () => {
    const sig = await signatureBy(viaDp);
    const before = crlHits;
    const off = await verify(sig, ['--revocation', 'off']);
    assert.equal(off.code, 0);
    assert.equal(off.json.result.files[0].signers[0].revocation.status, 'not-checked');
    assert.equal(crlHits, before);
  });
});
