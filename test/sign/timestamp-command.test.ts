// `oneid key timestamp`: RFC 3161 tokens added to existing signatures, the CLI as a process, against
// the sandbox portal's TSA and against OpenSSL's own TSA (`openssl ts -reply` behind a minimal HTTP
// server written here). Each stamped file is checked by `openssl ts -verify` on the extracted token,
// by `oneid key verify`, and (RSA) by `openssl cms -verify`.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createCa, generatePrivateKey, issueCertificate, publicKeyOf } from '../../src/lib/pki/index.js';
import { parseSignedData, signFile, type SignerKey } from '../../src/lib/sign/index.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { fixtures, openssl, opensslCa } from './openssl-fixtures.js';

const run = promisify(execFile);
const fx = fixtures();
const work = mkdtempSync(path.join(tmpdir(), 'oneid-tsp-'));
const rsaKey: SignerKey = { privateKey: fx.rsa.privateKey, certificate: fx.rsa.certificate, chain: [fx.ca] };
const ecKey: SignerKey = { privateKey: fx.ec.privateKey, certificate: fx.ec.certificate, chain: [fx.ca] };

/** A test TSA: its own CA, a certificate with critical extendedKeyUsage timeStamping, a config. */
function makeTsa(dir: string): { caFile: string; certFile: string; keyFile: string; config: string } {
  mkdirSync(dir, { recursive: true });
  const p = (n: string) => path.join(dir, n);
  opensslCa(p('ca.key'), p('ca.pem'), 'Test TSA CA');
  openssl([
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    p('tsa.key'),
    '-subj',
    '/CN=Test TSA',
    '-out',
    p('tsa.csr'),
  ]);
  writeFileSync(
    p('ext.cnf'),
    'basicConstraints=CA:false\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n',
  );
  openssl([
    'x509',
    '-req',
    '-in',
    p('tsa.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca.key'),
    '-set_serial',
    '0x7354',
    '-days',
    '365',
    '-extfile',
    p('ext.cnf'),
    '-out',
    p('tsa.pem'),
  ]);
  writeFileSync(p('serial'), '01\n');
  writeFileSync(
    p('tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa1',
      '[ tsa1 ]',
      `serial = ${p('serial')}`,
      'crypto_device = builtin',
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha1, sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  return { caFile: p('ca.pem'), certFile: p('tsa.pem'), keyFile: p('tsa.key'), config: p('tsa.cnf') };
}

interface OpensslTsa {
  url: string;
  requests: number;
  /** Milliseconds each answer waits (to catch a run mid-way). */
  delayMs: number;
  close(): Promise<void>;
}

/** `application/timestamp-query` in, `openssl ts -reply` out; one OpenSSL at a time (it keeps a serial file). */
async function startOpensslTsa(tsa: ReturnType<typeof makeTsa>, dir: string): Promise<OpensslTsa> {
  let queue: Promise<unknown> = Promise.resolve();
  let n = 0;
  const state = { requests: 0, delayMs: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
        res.writeHead(415).end();
        return;
      }
      const q = path.join(dir, `q${++n}.tsq`);
      const r = path.join(dir, `r${n}.tsr`);
      writeFileSync(q, Buffer.concat(chunks));
      const answer = async () => {
        await new Promise((ok) => setTimeout(ok, state.delayMs));
        await run('openssl', [
          'ts',
          '-reply',
          '-queryfile',
          q,
          '-config',
          tsa.config,
          '-inkey',
          tsa.keyFile,
          '-signer',
          tsa.certFile,
          '-out',
          r,
        ]);
        return readFileSync(r);
      };
      const job = queue.then(answer);
      queue = job.catch(() => undefined);
      job.then(
        (body) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(body),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsr`;
  return {
    url,
    get requests() {
      return state.requests;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(v: number) {
      state.delayMs = v;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  } as OpensslTsa;
}

const env = { ONEID_KEYS_SYSTEM_ROOTS: '0' };
let seq = 0;

/** A document and its signature (in `format`) in a fresh folder. */
async function signed(
  key: SignerKey,
  o: { detached?: boolean; format?: 'der' | 'pem' | 'base64'; dir?: string; name?: string } = {},
): Promise<{ doc: string; sig: string }> {
  const dir = o.dir ?? path.join(work, `case${++seq}`);
  mkdirSync(dir, { recursive: true });
  const doc = path.join(dir, o.name ?? `doc${++seq}.txt`);
  writeFileSync(doc, `document ${seq}\n`);
  const r = await signFile(doc, { key, detached: o.detached ?? true, format: o.format });
  assert.equal(r.status, 'signed', r.message);
  return { doc, sig: doc + '.p7s' };
}

/** `openssl ts -verify` on each signer's token against that signer's signature value. */
function opensslTsVerify(sig: string, tsa: ReturnType<typeof makeTsa>): void {
  parseSignedData(readFileSync(sig)).signers.forEach((si, i) => {
    assert.ok(si.timestampToken, `signer ${i} of ${sig} has a token`);
    const token = `${sig}.${i}.tst`;
    const data = `${sig}.${i}.sigvalue`;
    writeFileSync(token, si.timestampToken);
    writeFileSync(data, si.signature);
    const out = openssl([
      'ts',
      '-verify',
      '-in',
      token,
      '-token_in',
      '-data',
      data,
      '-CAfile',
      tsa.caFile,
      '-untrusted',
      tsa.certFile,
    ]).toString();
    assert.match(out, /Verification: OK/);
    rmSync(token);
    rmSync(data);
  });
}

function opensslCmsVerify(sig: string, doc: string, inform = 'DER'): void {
  openssl([
    'cms',
    '-verify',
    '-inform',
    inform,
    '-in',
    sig,
    '-content',
    doc,
    '-CAfile',
    fx.caFile,
    '-binary',
    '-out',
    '/dev/null',
  ]);
}

/** `oneid key verify` as a process: valid, and each signer's timestamp verifies. */
async function oneidVerify(sig: string, doc: string | undefined, cas: string[]): Promise<any[]> {
  const args = ['key', 'verify', sig, ...(doc ? ['--content', doc] : []), ...cas.flatMap((c) => ['--ca', c])];
  const v = await runCli([...args, '--json'], { env });
  assert.equal(v.code, 0, v.stdout + v.stderr);
  const signers = v.json.result.files[0].signers;
  for (const s of signers) {
    assert.equal(s.timestamp?.imprintMatches, true, JSON.stringify(s));
    assert.equal(s.timestamp?.signatureValid, true, JSON.stringify(s));
    assert.ok(Math.abs(Date.parse(s.timestamp.time) - Date.now()) < 300_000);
  }
  return signers;
}

const noTemps = (dir: string) =>
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.oneid-tmp')),
    [],
  );

describe('sign/timestamp-command: oneid key timestamp', function () {
  this.timeout(120_000);
  const tsa = makeTsa(path.join(work, 'tsa'));
  let ossl: OpensslTsa;
  let sb: SandboxHandle;
  before(async () => {
    ossl = await startOpensslTsa(tsa, path.join(work, 'tsa'));
    sb = await startSandbox();
  });
  after(async () => {
    await ossl?.close();
    await sb?.stop();
  });

  it("OpenSSL's TSA: RSA detached and EC attached; openssl ts -verify, openssl cms -verify and key verify accept them", async () => {
    const a = await signed(rsaKey);
    const b = await signed(ecKey, { detached: false });
    const before = [a, b].map((x) => parseSignedData(readFileSync(x.sig)));
    const r = await runCli(['key', 'timestamp', a.sig, b.sig, '--tsa', ossl.url, '--json'], { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.json.result.stamped, 2);
    assert.equal(r.json.result.tokens, 2);
    assert.equal(r.json.result.tsa, ossl.url);
    for (const [i, x] of [a, b].entries()) {
      const now = parseSignedData(readFileSync(x.sig));
      // Every other byte as it was: content, certificates, signed attributes, signature value.
      assert.deepEqual(now.encapContentInfo, before[i]!.encapContentInfo);
      assert.deepEqual(now.certificatesRaw, before[i]!.certificatesRaw);
      assert.deepEqual(now.digestAlgorithms, before[i]!.digestAlgorithms);
      assert.deepEqual(now.signers[0]!.signedAttrs, before[i]!.signers[0]!.signedAttrs);
      assert.deepEqual(now.signers[0]!.signature, before[i]!.signers[0]!.signature);
      opensslTsVerify(x.sig, tsa);
      opensslCmsVerify(x.sig, x.doc);
      await oneidVerify(x.sig, x === a ? x.doc : undefined, [fx.caFile, tsa.caFile]);
    }
    noTemps(path.dirname(a.sig));
  });

  it('the sandbox TSA by default (the portal); PEM and base64 keep their form, --format converts', async () => {
    const pem = await signed(rsaKey, { format: 'pem' });
    const b64 = await signed(rsaKey, { format: 'base64' });
    const conv = await signed(rsaKey, { format: 'base64' });
    const r = await runCli(['key', 'timestamp', pem.sig, b64.sig, '--json'], {
      env: { ...env, ONEID_PORTAL: sb.url },
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(
      r.json.result.results.map((x: { format: string }) => x.format),
      ['pem', 'base64'],
    );
    const pemText = readFileSync(pem.sig, 'utf8');
    assert.match(pemText, /^-----BEGIN PKCS7-----\n/);
    assert.match(readFileSync(b64.sig, 'latin1'), /^[A-Za-z0-9+/]+=*$/);
    opensslCmsVerify(pem.sig, pem.doc, 'PEM');
    const ca = path.join(work, 'sandbox-ca.pem');
    const got = await runCli(['ca', 'get', ca, '--tsa'], { env: { ...env, ONEID_PORTAL: sb.url } });
    assert.equal(got.code, 0, got.stderr);
    const cas = [fx.caFile, ca];
    for (const x of [pem, b64]) {
      const [s] = await oneidVerify(x.sig, x.doc, cas);
      assert.ok(s.timestamp.tsa, 'the TSA is named');
    }
    // --format der: the base64 one comes out as DER, with --portal instead of the variable.
    const d = await runCli(['key', 'timestamp', conv.sig, '--format', 'der', '--portal', sb.url], { env });
    assert.equal(d.code, 0, d.stderr);
    assert.equal(readFileSync(conv.sig)[0], 0x30);
    assert.match(d.stdout, /timestamped \(1 signers\)/);
    assert.match(d.stdout, /Timestamped: 1, skipped: 0, failed: 0/);
  });

  it('a batch with one file already stamped and one corrupt: the others done, exit 10; --resume skips the stamped', async () => {
    const dir = path.join(work, 'batch');
    const files = [];
    for (let i = 0; i < 4; i++) files.push(await signed(rsaKey, { dir, name: `b${i}.txt` }));
    assert.equal((await runCli(['key', 'timestamp', files[0]!.sig, '--tsa', ossl.url], { env })).code, 0);
    const corrupt = path.join(dir, 'broken.p7s');
    writeFileSync(corrupt, Buffer.from('30820100deadbeef', 'hex'));
    const stampedBefore = readFileSync(files[0]!.sig);
    const r = await runCli(['key', 'timestamp', dir, '--tsa', ossl.url, '--json'], { env });
    assert.equal(r.code, 10, r.stdout + r.stderr);
    assert.equal(r.json.error.code, 'SIGN_TIMESTAMP_BATCH_FAILED');
    const res = r.json.result;
    assert.deepEqual([res.total, res.stamped, res.failed, res.skipped], [5, 3, 2, 0]);
    const byName = Object.fromEntries(
      res.results.map((x: { input: string }) => [path.basename(x.input), x]),
    ) as Record<string, { status: string; code?: string; message?: string }>;
    assert.equal(byName['broken.p7s']!.code, 'SIGNATURE_MALFORMED');
    assert.match(byName['broken.p7s']!.message!, /not a readable PKCS#7/);
    assert.equal(byName['b0.txt.p7s']!.code, 'SIGN_ALREADY_TIMESTAMPED');
    assert.deepEqual(readFileSync(files[0]!.sig), stampedBefore); // a failed file is left alone
    assert.deepEqual(readFileSync(corrupt), Buffer.from('30820100deadbeef', 'hex'));
    for (const f of files.slice(1)) opensslTsVerify(f.sig, tsa);
    // Human output: the corrupt file named with its reason on stderr.
    const again = await runCli(['key', 'timestamp', dir, '--tsa', ossl.url, '--resume'], { env });
    assert.equal(again.code, 10);
    assert.match(again.stderr, /broken\.p7s: This is not a readable PKCS#7/);
    assert.match(again.stdout, /Timestamped: 0, skipped: 4, failed: 1/);
    const one = await runCli(['key', 'timestamp', files[0]!.sig, '--tsa', ossl.url], { env });
    assert.equal(one.code, 10);
    assert.match(one.stderr, /b0\.txt\.p7s: Every signer already carries a timestamp \(--resume skips/);
    noTemps(dir);
  });

  it('--out-dir mirrors relative paths and never overwrites unless --force; --resume skips stamped copies', async () => {
    const dir = path.join(work, 'tree');
    const x = await signed(rsaKey, { dir: path.join(dir, 'sub'), name: 'x.txt' });
    const original = readFileSync(x.sig);
    const out = path.join(work, 'stamped');
    const base = ['key', 'timestamp', dir, '-r', '--out-dir', out, '--tsa', ossl.url, '--json'];
    const r = await runCli(base, { env });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const copy = path.join(out, 'sub', 'x.txt.p7s');
    opensslTsVerify(copy, tsa);
    assert.deepEqual(readFileSync(x.sig), original); // the input is untouched
    const second = await runCli(base, { env });
    assert.equal(second.code, 10);
    assert.equal(second.json.result.results[0].code, 'SIGN_OUTPUT_EXISTS');
    assert.equal((await runCli([...base, '--resume'], { env })).json.result.skipped, 1);
    const forced = await runCli([...base, '--force'], { env });
    assert.equal(forced.json.result.stamped, 1);
    assert.equal((await runCli([...base, '--force', '--resume'], { env })).code, 2);
  });

  it('--force re-stamps a stamped file: its token is replaced, not doubled', async () => {
    const x = await signed(rsaKey);
    assert.equal((await runCli(['key', 'timestamp', x.sig, '--tsa', ossl.url], { env })).code, 0);
    const first = parseSignedData(readFileSync(x.sig)).signers[0]!.timestampToken!;
    const r = await runCli(['key', 'timestamp', x.sig, '--tsa', ossl.url, '--force', '--json'], { env });
    assert.equal(r.json.result.stamped, 1, r.stdout);
    const sd = parseSignedData(readFileSync(x.sig));
    assert.ok(!sd.signers[0]!.timestampToken!.equals(first));
    assert.equal(
      sd.signers[0]!.raw.toString('hex').split('060b2a864886f70d010910020e').length - 1,
      1,
      'one id-aa-timeStampToken attribute',
    );
    opensslCmsVerify(x.sig, x.doc);
  });

  it('the TSA down: a clear error (exit 7), no file changed, nothing left behind', async () => {
    const dir = path.join(work, 'down');
    const files = [];
    for (let i = 0; i < 3; i++) files.push(await signed(rsaKey, { dir, name: `d${i}.txt` }));
    const before = files.map((f) => readFileSync(f.sig));
    const dead = await startOpensslTsa(tsa, path.join(work, 'tsa'));
    await dead.close(); // a port nobody listens on any more
    const r = await runCli(['key', 'timestamp', dir, '--tsa', dead.url, '--json'], { env });
    assert.equal(r.code, 7, r.stdout + r.stderr);
    assert.equal(r.json.error.code, 'SIGN_TSA_UNREACHABLE');
    assert.match(r.json.error.message, /cannot be reached/);
    assert.equal(r.json.result.stamped, 0);
    files.forEach((f, i) => assert.deepEqual(readFileSync(f.sig), before[i]));
    const out = path.join(work, 'down-out');
    const h = await runCli(['key', 'timestamp', dir, '--tsa', dead.url, '--out-dir', out], { env });
    assert.equal(h.code, 7);
    assert.match(h.stderr, /Error: The timestamp service .* cannot be reached/);
    assert.deepEqual(readdirSync(out), []);
    noTemps(dir);
    // A TSA address that answers 404: refused, exit 8.
    const refused = await runCli(['key', 'timestamp', dir, '--tsa', sb.url + '/no-such-tsa', '--json'], {
      env,
    });
    assert.equal(refused.code, 8, refused.stdout);
    assert.equal(refused.json.error.code, 'SIGN_TSA_REFUSED');
  });

  it('Ctrl-C finishes the files in flight (exit 130); --resume then stamps the rest and skips the done', async () => {
    const dir = path.join(work, 'interrupt');
    mkdirSync(dir);
    const sig = (await signed(rsaKey, { dir, name: 'seed.txt' })).sig;
    const bytes = readFileSync(sig);
    // 40 copies of one signature: what matters here is the files, not the signatures' variety.
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `c${String(i).padStart(2, '0')}.p7s`), bytes);
    rmSync(sig);
    rmSync(sig.slice(0, -4));
    ossl.delayMs = 150;
    try {
      const live = spawnCli(['key', 'timestamp', dir, '--tsa', ossl.url, '--jsonl', '-j', '2'], { env });
      await new Promise<void>((ok) => {
        const poll = setInterval(() => {
          if (live.stdout().includes('"stamped"')) {
            clearInterval(poll);
            ok();
          }
        }, 20);
      });
      live.child.kill('SIGINT');
      const r = await live.done;
      assert.equal(r.code, 130, r.stderr);
      assert.match(r.stderr, /Interrupted: \d+ files were not started; run again with --resume/);
      const lines = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.ok(lines.length >= 1 && lines.length < 40, `${lines.length} done`);
      assert.ok(lines.every((l) => l.status === 'stamped'));
      noTemps(dir);
      const names = readdirSync(dir);
      const stampedNow = names.filter(
        (n) => parseSignedData(readFileSync(path.join(dir, n))).signers[0]!.timestampToken,
      );
      assert.equal(stampedNow.length, lines.length); // exactly the files reported, all complete
      // SIGKILL in the middle of the next run: each file is either as it was or fully stamped.
      const killed = spawnCli(['key', 'timestamp', dir, '--tsa', ossl.url, '--resume', '-j', '4'], { env });
      await new Promise((ok) => setTimeout(ok, 1200));
      killed.child.kill('SIGKILL');
      await killed.done;
      for (const n of readdirSync(dir).filter((x) => x.endsWith('.p7s'))) {
        const f = readFileSync(path.join(dir, n));
        const s = parseSignedData(f).signers[0]!;
        assert.ok(s.timestampToken ? true : f.equals(bytes), `${n}: as it was or complete`);
      }
      ossl.delayMs = 0;
      const resumed = await runCli(['key', 'timestamp', dir, '--tsa', ossl.url, '--resume', '--json'], {
        env,
      });
      assert.equal(resumed.code, 0, resumed.stdout + resumed.stderr);
      assert.equal(resumed.json.result.stamped + resumed.json.result.skipped, 40);
      assert.ok(resumed.json.result.skipped >= lines.length);
      // Temp files of the killed run are gone, and every file is stamped once.
      assert.deepEqual(
        readdirSync(dir).filter((n) => !n.endsWith('.p7s')),
        [],
      );
      for (const n of readdirSync(dir)) opensslTsVerify(path.join(dir, n), tsa);
    } finally {
      ossl.delayMs = 0;
    }
  });

  it('a second Ctrl-C stops at once: requests abandoned, no file changed, no temp file left (exit 130)', async () => {
    const dir = path.join(work, 'twice');
    mkdirSync(dir);
    const { sig, doc } = await signed(rsaKey, { dir, name: 'seed.txt' });
    const bytes = readFileSync(sig);
    rmSync(sig);
    rmSync(doc);
    for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `t${i}.p7s`), bytes);
    ossl.delayMs = 4000;
    try {
      const seen = ossl.requests;
      const live = spawnCli(['key', 'timestamp', dir, '--tsa', ossl.url, '-j', '3'], { env });
      await new Promise<void>((ok) => {
        const poll = setInterval(() => ossl.requests > seen && (clearInterval(poll), ok()), 20);
      });
      const t0 = Date.now();
      live.child.kill('SIGINT');
      await new Promise((ok) => setTimeout(ok, 100));
      live.child.kill('SIGINT');
      const r = await live.done;
      assert.equal(r.code, 130, r.stderr);
      assert.ok(Date.now() - t0 < 3000, `stopped after ${Date.now() - t0} ms, not after the TSA answered`);
      assert.match(r.stderr, /Interrupted: 6 files were not started/);
      for (const n of readdirSync(dir)) assert.deepEqual(readFileSync(path.join(dir, n)), bytes, n);
      noTemps(dir);
    } finally {
      ossl.delayMs = 0;
    }
  });

  it("O'z DSt 1092/1106 signatures are stamped too (sandbox and OpenSSL TSAs) and verify", async () => {
    const ca = createCa({ key: { alg: 'ozdst', curve: 'A' }, subject: { CN: 'Test GOST CA', C: 'UZ' } });
    const userKey = generatePrivateKey({ alg: 'ozdst', curve: 'A' });
    const cert = issueCertificate(ca, {
      subject: { CN: 'Aliyev Vali', PINFL: '31234567890123' },
      publicKey: publicKeyOf(userKey),
      keyUsage: ['digitalSignature', 'nonRepudiation'],
    });
    const caFile = path.join(work, 'gost-ca.pem');
    writeFileSync(caFile, ca.certificate.raw);
    const key: SignerKey = { privateKey: userKey, certificate: cert.raw, chain: [ca.certificate.raw] };
    const a = await signed(key);
    const b = await signed(key, { detached: false });
    const r1 = await runCli(['key', 'timestamp', a.sig, '--tsa', ossl.url], { env });
    assert.equal(r1.code, 0, r1.stderr);
    opensslTsVerify(a.sig, tsa);
    await oneidVerify(a.sig, a.doc, [caFile, tsa.caFile]);
    const r2 = await runCli(['key', 'timestamp', b.sig, '--portal', sb.url], { env });
    assert.equal(r2.code, 0, r2.stderr);
    const [s] = await oneidVerify(b.sig, undefined, [caFile]);
    assert.equal(s.signer.pinfl, '31234567890123');
  });
});
