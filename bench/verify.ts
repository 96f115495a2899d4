/**
 * Batch verification speed against a reference measured in the same run (see docs/benchmarks.md):
 *  1. FILES × 1 KiB detached RSA-2048 signatures made by `oneid key sign --detached --out-dir` on
 *     tmpfs (/dev/shm when there is one): `oneid key verify "<dir>/**\/*.p7s" --content-dir <data>
 *     --ca ca.pem` as a whole process against `openssl cms -verify -binary -inform DER -content …
 *     -CAfile ca.pem`, one process per file (a sample, extrapolated). Target ≥ 20×.
 *  2. As many O'z DSt 1092 (curve A) detached signatures: `oneid key verify` as a whole process
 *     (on all cores), signatures/s against the target ≥ 1,000/s on 2 cores and against our raw
 *     GOST verify rate in 2 threads (hash + curve in a bare loop, one key) measured in the same
 *     run; and the library's `verifyBatch` in-process.
 * Rounds are interleaved (ours, then the reference, three times) and reported as ranges: other
 * work on the machine moves single figures.
 * Uses the built dist/ (ONEID_BENCH_ROOT=<folder with bin/ and dist/> measures another build; ONEID_BENCH_KEEP=1
 * keeps the files).
 * Usage: npx tsx bench/verify.ts [files=5000]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type * as CryptoApi from '../src/lib/crypto/index.js';
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
const gost = await lib<typeof CryptoApi>('crypto');

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

/**
 * CPU seconds (user + system) of the waited-for child processes so far, from /proc (Linux; 0
 * elsewhere). Per CPU second, rates move much less with other work on a shared machine than per
 * wall-clock second: they are what a quiet machine would show, divided by the cores used.
 */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
    return (Number(f[13]) + Number(f[14])) / 100; // cutime + cstime, in USER_HZ (100)
  } catch {
    return 0;
  }
}
const selfCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

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
  const ourCpu: number[] = [];
  const sslCpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let c0 = childrenCpu();
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
    ourCpu.push(FILES / (childrenCpu() - c0));

    c0 = childrenCpu();
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
    sslCpu.push(OPENSSL_SAMPLE / (childrenCpu() - c0));
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
  console.log(
    `   per CPU second                     ours ${range(ourCpu)}, openssl ${range(sslCpu)} signatures → ${range(
      ourCpu.map((r, i) => r / sslCpu[i]!),
      (x) => x.toFixed(1),
    )}× (all threads of the process; less moved by other load)`,
  );

  // ---- 2. O'z DSt 1092: `key verify` (whole process, on all cores) vs our raw verify on 2 threads ----
  const ca = pki.createCa({ key: { alg: 'ozdst', curve: 'A' } });
  const gostKey = pki.generatePrivateKey({ alg: 'ozdst', curve: 'A' });
  const cert = pki.issueCertificate(ca, {
    subject: { CN: 'Bench GOST' },
    publicKey: pki.publicKeyOf(gostKey),
  });
  writeFileSync(p('gost-ca.der'), ca.certificate.raw);
  const inputs = await sign.collectInputs({ args: [data] });
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
  if (signed.signed !== FILES) throw new Error(`GOST: signed ${signed.signed} of ${FILES}`);

  // The reference: the bare curve verification (hash of 1 KiB + verify, one key: its table cached)
  // in 2 worker threads over 64 distinct signatures, as many times as there are files.
  const items = Array.from({ length: 64 }, (_, i) => {
    const d = Buffer.alloc(1024, `${i} raw`);
    return { d, s: gost.sign(gostKey, d) };
  });
  const rawGost = async (): Promise<{ rate: number; perCpu: number }> => {
    const code = `
      const { parentPort, workerData: wd } = require('node:worker_threads');
      import(wd.url).then((c) => {
        const pub = c.decodeSpki(Buffer.from(wd.spki));
        parentPort.once('message', () => {
          for (let i = 0; i < wd.count; i++) {
            const it = wd.items[i % wd.items.length];
            if (!c.verify(pub, it.d, it.s)) throw new Error('raw verify failed');
          }
          parentPort.postMessage('done');
        });
        parentPort.postMessage('ready');
      });`;
    const spki = cert.spki;
    const url = pathToFileURL(path.join(root, 'dist', 'lib', 'crypto', 'index.js')).href;
    const workers = [0, 1].map(
      (half) =>
        new Worker(code, { eval: true, workerData: { url, spki, items, count: (FILES + half) >> 1 } }),
    );
    await Promise.all(workers.map((w) => new Promise((r) => w.once('message', r))));
    const c0 = selfCpu();
    const t0 = performance.now();
    await Promise.all(workers.map((w) => new Promise((r) => (w.once('message', r), w.postMessage('go')))));
    const ms = performance.now() - t0;
    const cpu = selfCpu() - c0;
    await Promise.all(workers.map((w) => w.terminate()));
    return { rate: (FILES / ms) * 1000, perCpu: FILES / cpu };
  };

  const gostProc: number[] = [];
  const gostLib: number[] = [];
  const gostRaw: number[] = [];
  const trustedGost = [ca.certificate.raw];
  const signatures = await sign.collectSignatures([gostSigs]);
  const gostProcCpu: number[] = [];
  const gostRawCpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const c0 = childrenCpu();
    let t0 = performance.now();
    const v = spawnSync(
      process.execPath,
      [
        bin,
        'key',
        'verify',
        `${gostSigs}/**/*.p7s`,
        '--content-dir',
        data,
        '--ca',
        p('gost-ca.der'),
        '--json',
      ],
      { env, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 },
    );
    const ms = performance.now() - t0;
    if (v.status !== 0) throw new Error(`GOST key verify failed (${v.status}): ${v.stderr.slice(0, 500)}`);
    const total = (JSON.parse(v.stdout) as { result?: { total: number } }).result?.total;
    if (total !== FILES) throw new Error(`GOST key verify checked ${total} of ${FILES}`);
    gostProc.push((FILES / ms) * 1000);
    gostProcCpu.push(FILES / (childrenCpu() - c0));

    const raw = await rawGost();
    gostRaw.push(raw.rate);
    gostRawCpu.push(raw.perCpu);

    t0 = performance.now();
    const r = await sign.verifyBatch({ signatures, contentDir: data, trusted: trustedGost });
    if (r.total !== FILES || !r.valid) throw new Error('GOST batch verify failed');
    gostLib.push((FILES / (performance.now() - t0)) * 1000);
  }
  const gostRatios = gostProc.map((r, i) => r / gostRaw[i]!);
  console.log(
    `\n2) ${FILES} files × 1 KiB, detached O'z DSt 1092 curve A, ${ROUNDS} interleaved rounds (ranges), ${cpus().length} cores`,
  );
  console.log(
    `   oneid key verify (whole process)   ${range(gostProc)} signatures/s (target ≥ 1,000 on 2 cores) ${Math.min(...gostProc) >= 1000 ? 'ok' : 'MISSED'}; ${range(
      gostProc.map((r) => r / 1000),
      (x) => x.toFixed(2),
    )}× the target`,
  );
  console.log(
    `   raw GOST verify (2 threads)        ${range(gostRaw)} verifications/s (hash + curve, one key, bare loop)`,
  );
  console.log(
    `   ratio whole process / raw          ${range(gostRatios, (x) => x.toFixed(2))}× (per round; start-up, file reads, CMS and chain included)`,
  );
  console.log(
    `   per CPU second                     key verify ${range(gostProcCpu)}, raw ${range(gostRawCpu)} → ${range(
      gostProcCpu.map((r, i) => r / gostRawCpu[i]!),
      (x) => x.toFixed(2),
    )}×; on 2 idle cores key verify would do ≤ ${range(gostProcCpu.map((r) => 2 * r))}/s`,
  );
  console.log(
    `   verifyBatch in-process (library)   ${range(gostLib)} signatures/s (workers chosen as \`key verify\` does)`,
  );
} finally {
  if (process.env.ONEID_BENCH_KEEP) console.log(`(kept ${dir})`);
  else rmSync(dir, { recursive: true, force: true });
}
