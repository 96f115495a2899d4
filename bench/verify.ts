/**
 * Batch verification speed against a reference measured in the same run (see docs/benchmarks.md):
 *  1. FILES × 1 KiB detached RSA-2048 signatures made by `oneid key sign --detached --out-dir` on
 *     tmpfs (/dev/shm when there is one): `oneid key verify "<dir>/**\/*.p7s" --content-dir <data>
 *     --ca ca.pem` as a whole process against `openssl cms -verify -binary -inform DER -content …
 *     -CAfile ca.pem`, one process per file (a sample, extrapolated). Target ≥ 20×.
 *  2. O'z DSt 1092 (curve A) detached signatures verified through the library's batch verify
 *     (`verifyBatch`, what `key verify` runs; one thread: the batch verify has no worker pool yet),
 *     signatures/s. Target ≥ 1,000/s (on 2 cores).
 * Rounds are interleaved (ours, then OpenSSL, three times) and reported as ranges: other work on
 * the machine moves single figures.
 * Uses the built dist/ (ONEID_BENCH_ROOT=<folder with bin/ and dist/> measures another build; ONEID_BENCH_KEEP=1
 * keeps the files).
 * Usage: npx tsx bench/verify.ts [files=5000]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as PkiApi from '../src/lib/pki/index.js';
import type * as SignApi from '../src/lib/sign/index.js';

// ONEID_BENCH_ROOT: another build to measure (a folder with its bin/ and dist/).
const root = process.env.ONEID_BENCH_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'run.js');
if (!existsSync(path.join(root, 'dist', 'lib', 'sign', 'index.js')))
  throw new Error('bench/verify needs the build: npm run build');
const lib = async <T>(rel: string): Promise<T> =>
  (await import(pathToFileURL(path.join(root, 'dist', 'lib', rel, 'index.js')).href)) as T;
const sign = await lib<typeof SignApi>('sign');
const pki = await lib<typeof PkiApi>('pki');

const FILES = Number(process.argv[2] ?? 5000);
const OPENSSL_SAMPLE = Math.min(200, FILES);
const ROUNDS = 3;
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const dir = mkdtempSync(path.join(base, 'oneid-bench-verify-'));
const p = (n: string) => path.join(dir, n);
const fmt = (n: number) => n.toFixed(n >= 100 ? 0 : 1);
const range = (xs: number[], f = fmt) =>
  xs.length === 1 ? f(xs[0]!) : `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });

console.log(`bench/verify — ${cpus().length} cores, node ${process.version}, files on ${base}`);
try {
  // ---- a CA and an RSA-2048 signer under it, as a PKCS#12 for `key sign` ----
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('ca.key'), '-out', p('ca.pem')]
      .concat(['-days', '30', '-subj', '/CN=Bench CA', '-addext', 'basicConstraints=critical,CA:true'])
      .concat(['-addext', 'keyUsage=critical,keyCertSign,cRLSign']),
  );
  writeFileSync(
    p('ext.cnf'),
    'basicConstraints=CA:false\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
  );
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', p('user.key')]);
  openssl([
    'req',
    '-new',
    '-key',
    p('user.key'),
    '-subj',
    '/CN=Bench User/UID=512345678',
    '-out',
    p('user.csr'),
  ]);
  openssl(
    ['x509', '-req', '-in', p('user.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key')].concat([
      '-set_serial',
      '0x0b',
      '-days',
      '30',
      '-extfile',
      p('ext.cnf'),
      '-out',
      p('user.pem'),
    ]),
  );
  openssl(
    ['pkcs12', '-export', '-inkey', p('user.key'), '-in', p('user.pem'), '-certfile', p('ca.pem')].concat([
      '-passout',
      'pass:bench',
      '-out',
      p('DS512345678001.pfx'),
    ]),
  );
  writeFileSync(p('pw'), 'bench\n');

  const data = p('data');
  mkdirSync(data);
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(data, `f${i}.bin`), Buffer.alloc(1024, `${i} `));
  const env = { ...process.env, ONEID_KEYS_SYSTEM_ROOTS: '0', XDG_CONFIG_HOME: p('config'), NO_COLOR: '1' };
  const sigs = p('sigs');
  const s = spawnSync(
    process.execPath,
    [
      bin,
      'key',
      'sign',
      data,
      '-r',
      '--detached',
      '--out-dir',
      sigs,
      '--key',
      p('DS512345678001.pfx'),
    ].concat(['--key-password-file', p('pw')]),
    { env, encoding: 'utf8' },
  );
  if (s.status !== 0) throw new Error(`key sign failed (${s.status}): ${s.stderr}`);

  // ---- 1. ours (whole process) vs OpenSSL (a process per file), interleaved ----
  const ourRates: number[] = [];
  const sslRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let t0 = performance.now();
    const v = spawnSync(
      process.execPath,
      [bin, 'key', 'verify', `${sigs}/**/*.p7s`, '--content-dir', data, '--ca', p('ca.pem'), '--json'],
      { env, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 },
    );
    const ms = performance.now() - t0;
    if (v.status !== 0) throw new Error(`key verify failed (${v.status}): ${v.stderr.slice(0, 500)}`);
    const result = JSON.parse(v.stdout) as { result?: { total: number } };
    const total = result.result?.total;
    if (total !== FILES) throw new Error(`key verify checked ${total} of ${FILES}`);
    ourRates.push((FILES / ms) * 1000);

    t0 = performance.now();
    for (let i = 0; i < OPENSSL_SAMPLE; i++) {
      const r = spawnSync('openssl', [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        path.join(sigs, `f${i}.bin.p7s`),
        '-content',
        path.join(data, `f${i}.bin`),
        '-CAfile',
        p('ca.pem'),
        '-out',
        '/dev/null',
      ]);
      if (r.status !== 0) throw new Error(`openssl cms -verify failed: ${String(r.stderr)}`);
    }
    sslRates.push((OPENSSL_SAMPLE / (performance.now() - t0)) * 1000);
  }
  const ratios = ourRates.map((r, i) => r / sslRates[i]!);
  console.log(`\n1) ${FILES} files × 1 KiB, detached RSA-2048, ${ROUNDS} interleaved rounds (ranges)`);
  console.log(`   oneid key verify (whole process)   ${range(ourRates)} signatures/s`);
  console.log(
    `   openssl cms -verify per file       ${range(sslRates)} signatures/s (${OPENSSL_SAMPLE} files, extrapolated)`,
  );
  console.log(
    `   ratio (per round)                  ${range(ratios, (x) => x.toFixed(1))}× (target ≥ 20×) ${Math.min(...ratios) >= 20 ? 'ok' : 'MISSED'}`,
  );

  // ---- 2. O'z DSt 1092: the library's batch verify over signatures made by the batch signer ----
  const gostFiles = Math.min(FILES, 2000);
  const ca = pki.createCa({ key: { alg: 'ozdst', curve: 'A' } });
  const gostKey = pki.generatePrivateKey({ alg: 'ozdst', curve: 'A' });
  const cert = pki.issueCertificate(ca, {
    subject: { CN: 'Bench GOST' },
    publicKey: pki.publicKeyOf(gostKey),
  });
  const inputs = (await sign.collectInputs({ args: [data] })).slice(0, gostFiles);
  const gostSigs = p('gost');
  const signed = await sign.signBatch({
    key: { privateKey: gostKey, certificate: cert.raw },
    inputs,
    outDir: gostSigs,
    detached: true,
    existing: 'fail',
    workers: 2,
    keepResults: false,
    durable: false,
  });
  if (signed.signed !== gostFiles) throw new Error(`GOST: signed ${signed.signed} of ${gostFiles}`);
  const signatures = await sign.collectSignatures([gostSigs]);
  const gostRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    const r = await sign.verifyBatch({ signatures, contentDir: data, trusted: [ca.certificate.raw] });
    if (r.total !== gostFiles || !r.valid) throw new Error('GOST batch verify failed');
    gostRates.push((gostFiles / (performance.now() - t0)) * 1000);
  }
  console.log(
    `\n2) ${gostFiles} files × 1 KiB, detached O'z DSt 1092 curve A, verifyBatch on one thread (${ROUNDS} rounds; the first pays the JIT warm-up)`,
  );
  console.log(
    `   verified                           ${range(gostRates)} signatures/s (target ≥ 1,000) ${Math.min(...gostRates) >= 1000 ? 'ok' : 'MISSED'}`,
  );
} finally {
  if (process.env.ONEID_BENCH_KEEP) console.log(`(kept ${dir})`);
  else rmSync(dir, { recursive: true, force: true });
}
