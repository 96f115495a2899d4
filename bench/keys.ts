// Benchmark of the keys area, each number against a reference measured in the same run:
//  1. `key list` over 500 key files on disk vs `ls -R` of the same tree;
//  2. opening one PFX (MAC check + decryption + key parse) vs `openssl pkcs12 -nokeys` on the same file.
// Run: npx tsx bench/keys.ts   (the CLI rows need dist/: npx tsc -p tsconfig.json)
import { execFileSync, spawnSync } from 'node:child_process';
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { listKeys } from '../src/lib/keys/index.js';
import {
  createCa,
  generatePrivateKey,
  issueCertificate,
  publicKeyOf,
  readPfx,
  writePfx,
} from '../src/lib/pki/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'run.js');
const N = 500;
const PW = 'bench-pass';

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return ms(t);
}
async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return ms(t);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (name: string, ours: number, ref: number, refName: string) =>
  console.log(
    `${name.padEnd(44)} ours ${ours.toFixed(1).padStart(8)} ms   ${refName.padEnd(28)} ${ref.toFixed(1).padStart(8)} ms   ratio ${(ours / ref).toFixed(2)}`,
  );

const dir = mkdtempSync(path.join(tmpdir(), 'oneid-bench-keys-'));
try {
  // 500 keys across 50 "sticks", 10 each in DSKEYS/, E-IMZO style (certificates readable).
  const ca = createCa({ subject: { CN: 'Bench CA', C: 'UZ' } });
  const tg = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const stick = path.join(dir, `stick${String(Math.floor(i / 10)).padStart(2, '0')}`, 'DSKEYS');
    if (!existsSync(stick)) mkdirSync(stick, { recursive: true });
    const privateKey = generatePrivateKey({ alg: 'ec' });
    const pinfl = String(30000000000000 + i);
    const certificate = issueCertificate(ca, {
      subject: { CN: `User ${i}`, PINFL: pinfl, O: `Company ${i}, LLC` },
      publicKey: publicKeyOf(privateKey),
    });
    // Listing never runs the KDF, so only the first file (the one opened below) pays for the
    // default 10,000 iterations; the rest use 1 to keep the setup short.
    writeFileSync(
      path.join(stick, `DS${pinfl}0001.pfx`),
      writePfx({
        privateKey,
        certificate,
        chain: ca.chain,
        password: PW,
        iterations: i === 0 ? undefined : 1,
      }),
    );
  }
  console.log(`setup: ${N} key files written in ${ms(tg).toFixed(0)} ms under ${dir}\n`);
  const roots = Array.from({ length: 50 }, (_, s) => path.join(dir, `stick${String(s).padStart(2, '0')}`));

  // 1. key list
  const lsRuns: number[] = [];
  const libRuns: number[] = [];
  for (let r = 0; r < 5; r++) {
    lsRuns.push(time(() => execFileSync('ls', ['-R', dir], { stdio: ['ignore', 'pipe', 'ignore'] })));
    libRuns.push(
      await timeAsync(async () => {
        const l = await listKeys({ roots, systemRoots: false, env: {} });
        if (l.keys.length !== N) throw new Error(`listed ${l.keys.length}`);
      }),
    );
  }
  row(`key list, ${N} keys (library, median of 5)`, median(libRuns), median(lsRuns), 'ls -R (median of 5)');
  if (existsSync(path.join(ROOT, 'dist', 'commands', 'key', 'list.js'))) {
    const env = {
      ...process.env,
      ONEID_KEYS_PATH: roots.join(path.delimiter),
      ONEID_KEYS_SYSTEM_ROOTS: '0',
      NO_COLOR: '1',
    };
    const cli = time(() => {
      const r = spawnSync(process.execPath, [BIN, 'key', 'list', '--json'], { env, maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(r.stderr.toString());
    });
    row(`oneid key list --json, ${N} keys (one run)`, cli, lsRuns[0]!, 'ls -R (first run)');
  }

  // 2. open one PFX: ours (this process) vs openssl (a process) on the same files.
  const first = path.join(roots[0]!, 'DSKEYS', `DS${30000000000000}0001.pfx`);
  const osslFile = path.join(dir, 'openssl-default.pfx');
  const opened = readPfx(readFileSync(first), PW);
  const keyPem = path.join(dir, 'k.pem');
  const certPem = path.join(dir, 'c.pem');
  writeFileSync(keyPem, (opened.privateKey as KeyObject).export({ format: 'pem', type: 'pkcs8' }));
  writeFileSync(
    certPem,
    `-----BEGIN CERTIFICATE-----\n${Buffer.from(opened.certificate.raw).toString('base64')}\n-----END CERTIFICATE-----\n`,
  );
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    keyPem,
    '-in',
    certPem,
    '-passout',
    `pass:${PW}`,
    '-out',
    osslFile,
  ]);
  for (const [label, file] of [
    ['ours, 10,000 iterations', first],
    ['OpenSSL default, 2,048 iterations', osslFile],
  ] as const) {
    const bytes = readFileSync(file);
    const oursOne = time(() => readPfx(bytes, PW));
    const ossl = time(() =>
      execFileSync('openssl', ['pkcs12', '-in', file, '-nokeys', '-passin', `pass:${PW}`], {
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    row(`open PFX (${label}), one run`, oursOne, ossl, 'openssl pkcs12 -nokeys');
    const warm = median(Array.from({ length: 9 }, () => time(() => readPfx(bytes, PW))));
    row(`  same, warm (median of 9)`, warm, ossl, 'openssl pkcs12 -nokeys');
    if (existsSync(path.join(ROOT, 'dist', 'commands', 'key', 'info.js'))) {
      const cli = time(() => {
        const r = spawnSync(process.execPath, [BIN, 'key', 'info', file, '--check-password', '--json'], {
          env: { ...process.env, ONEID_KEY_PASSWORD: PW, ONEID_KEYS_SYSTEM_ROOTS: '0' },
        });
        if (r.status !== 0) throw new Error(r.stdout.toString() + r.stderr.toString());
      });
      row(`  oneid key info --check-password (process)`, cli, ossl, 'openssl pkcs12 -nokeys');
    }
  }
  console.log('\nLibrary rows run inside this process; CLI and openssl rows include process start-up.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
