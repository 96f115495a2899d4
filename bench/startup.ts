/**
 * Start-up time of the CLI against bare Node, measured in the same run.
 * Prints the median wall time of `oneid --version` and `oneid config list --json` and their ratio
 * to `node -e 0` (target: at most 2.2×). Runs are interleaved so that machine load affects all
 * three alike. Usage: npx tsx bench/startup.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'run.js');
const runs = Number(process.argv[2] ?? 21);
const env = {
  ...process.env,
  ONEID_CONFIG_DIR: mkdtempSync(path.join(tmpdir(), 'oneid-bench-')),
  NO_COLOR: '1',
};

const cases: Array<[string, string[]]> = [
  ['node -e 0', ['-e', '0']],
  ['oneid --version', [bin, '--version']],
  ['oneid config list --json', [bin, 'config', 'list', '--json']],
];

function once(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

for (const [, args] of cases) once(args); // warm the file cache
const times = cases.map(() => [] as number[]);
for (let i = 0; i < runs; i++) cases.forEach(([, args], j) => times[j]!.push(once(args)));

const base = median(times[0]!);
const target = 2.2;
console.log(`startup (median of ${runs} runs, interleaved)`);
const results = cases.map(([name], j) => {
  const m = median(times[j]!);
  const ratio = m / base;
  const verdict =
    j === 0 ? 'reference' : ratio <= target ? `ok (target ≤ ${target}×)` : `MISSED (target ≤ ${target}×)`;
  console.log(`  ${name.padEnd(28)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}×  ${verdict}`);
  return { name, medianMs: m, ratio };
});
if (process.env.BENCH_JSON) console.log(JSON.stringify({ bench: 'startup', runs, results }));
