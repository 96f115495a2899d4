/**
 * Cost of a session lookup in the OS keychain: our store (each operation in a short-lived child
 * process, so a locked keyring times out for real) vs the same two keychain reads done in-process
 * with @napi-rs/keyring (no timeout possible), and `secret-tool lookup` (libsecret, one process per
 * read) as an outside reference, and a bare `node -e 0` start. Median of N runs each, measured in the same run.
 * Needs a keychain: on Linux run it as `scripts/with-keyring.sh npx tsx bench/session-keychain.ts [N=15]`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

import { KeychainSessionStore, probeKeychain } from '../src/lib/session/index.js';
import type * as Keyring from '@napi-rs/keyring';

const N = Number(process.argv[2] ?? 15);
const ns = `oneid-bench-${randomBytes(4).toString('hex')}`;
const probe = await probeKeychain({ namespace: ns });
if (!probe.available) {
  console.log(
    `bench/session-keychain: no usable keychain (${probe.reason}); run it under scripts/with-keyring.sh`,
  );
  process.exit(0);
}

const keyring = createRequire(import.meta.url)('@napi-rs/keyring') as typeof Keyring;
const options = process.platform === 'linux' ? { linux: { store: 'secret-service' as const } } : undefined;
const store = new KeychainSessionStore({ namespace: ns });
await store.set('default', {
  portal: '127.0.0.1:8765',
  login: 'bench.user',
  token: randomBytes(32).toString('hex'),
  role: { type: 'individual' },
  expiresAt: '2030-01-01T00:00:00Z',
  createdAt: new Date().toISOString(),
});

async function median(fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const ours = await median(() => store.get('127.0.0.1:8765', 'default'));
const inProcess = await median(() => {
  new keyring.Entry(ns, '@index', options).getPassword();
  new keyring.Entry(`${ns}:127.0.0.1:8765`, 'bench.user', options).getPassword();
});
const nodeStart = await median(() => execFileSync(process.execPath, ['-e', '0']));
let secretTool: number | undefined;
try {
  execFileSync('sh', ['-c', 'command -v secret-tool'], { stdio: 'ignore' });
  secretTool = await median(() => {
    execFileSync('secret-tool', ['lookup', 'service', ns, 'username', '@index']);
    execFileSync('secret-tool', ['lookup', 'service', `${ns}:127.0.0.1:8765`, 'username', 'bench.user']);
  });
} catch {
  // no libsecret-tools: that reference is left out
}
await store.deleteAll();

const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(
  `bench/session-keychain — median of ${N}, one session lookup (index + record = 2 keychain reads)`,
);
console.log(`  ours (child process, real 3 s timeout): ${ms(ours)}`);
console.log(
  `  in-process @napi-rs/keyring (no timeout): ${ms(inProcess)}   ratio ours/in-process ${(ours / inProcess).toFixed(1)}×`,
);
console.log(`  bare \`node -e 0\` start (the floor of any child process): ${ms(nodeStart)}`);
if (secretTool !== undefined) {
  console.log(
    `  secret-tool lookup ×2 (process per read): ${ms(secretTool)}   ratio ours/secret-tool ${(ours / secretTool).toFixed(2)}×`,
  );
}
