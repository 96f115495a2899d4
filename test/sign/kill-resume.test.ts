// A batch of 2,000 files killed with SIGKILL at random moments, 20 times: no partial or invalid
// `.p7s` may ever exist, and `--resume` then completes every file. Real CLI processes (dist/).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifySignature } from '../../src/lib/sign/index.js';
import { BIN, tempConfigDir } from '../helpers/cli.js';
import { fixtures, pfxFor } from './openssl-fixtures.js';

const FILES = 2000;
const KILLS = 20;

/** `killAfterMs` counts from start-up, or (`afterProgress`) from the first progress line. */
function run(
  args: string[],
  killAfterMs?: number,
  signal: NodeJS.Signals = 'SIGKILL',
  afterProgress = false,
): Promise<{ code: number | null; signal: string | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        ONEID_CONFIG_DIR: tempConfigDir(),
        ONEID_NO_PROMPT: '1',
        ONEID_KEYS_SYSTEM_ROOTS: '0',
        ONEID_KEY_PASSWORD: 'kill test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let timer: NodeJS.Timeout | undefined;
    const arm = () =>
      (timer ??= killAfterMs === undefined ? undefined : setTimeout(() => child.kill(signal), killAfterMs));
    if (!afterProgress) arm();
    else child.stderr.on('data', () => stderr.includes('Signed') && arm());
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, stdout });
    });
  });
}

describe('sign/batch: SIGKILL at random moments, then --resume', function () {
  this.timeout(300_000);
  const fx = fixtures();
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-sign-kill-'));
  const data = path.join(dir, 'data');
  mkdirSync(data);
  for (let i = 0; i < FILES; i++)
    writeFileSync(path.join(data, `f${String(i).padStart(4, '0')}.txt`), `file ${i} `.repeat(20));
  const pfx = pfxFor(fx.rsa, 'kill test', path.join(dir, 'key.pfx'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const args = ['key', 'sign', data, '--key', pfx, '--detached', '--resume', '--jsonl'];

  async function assertNoBadSignature(): Promise<number> {
    let count = 0;
    for (const name of readdirSync(data)) {
      if (!name.endsWith('.p7s')) continue;
      const sig = readFileSync(path.join(data, name));
      const report = await verifySignature(sig, { content: path.join(data, name.slice(0, -4)) });
      assert.ok(report.valid, `${name} is not a valid signature`);
      count++;
    }
    return count;
  }

  it(`${KILLS} kills leave only complete, valid signatures; --resume finishes all ${FILES}`, async () => {
    // Deterministic "random" kill moments spread over a run's life (start-up included).
    let seed = 20261125;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const seen: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const r = await run(args, 150 + Math.floor(rnd() * 1600));
      const n = await assertNoBadSignature();
      seen.push(n);
      if (r.signal !== 'SIGKILL') assert.equal(r.code, 0, r.stderr); // finished before the kill
    }
    const final = await run(args);
    assert.equal(final.code, 0, final.stderr);
    assert.equal(await assertNoBadSignature(), FILES);
    // Nothing else is left behind: temp files of killed runs are cleaned by the next run.
    assert.deepEqual(
      readdirSync(data).filter((n) => !n.endsWith('.txt') && !n.endsWith('.p7s')),
      [],
    );
    assert.ok(
      seen.some((n) => n > 0 && n < FILES),
      `kills should land mid-batch: ${seen.join(',')}`,
    );
  });

  it('Ctrl-C (SIGINT) finishes the files in flight and exits 130 with the work kept', async () => {
    const more = path.join(dir, 'more');
    mkdirSync(more);
    for (let i = 0; i < 6000; i++) writeFileSync(path.join(more, `m${i}.txt`), `more ${i}`);
    // SIGINT once signing is under way (the first progress line), so the handler is installed.
    const r = await run(['key', 'sign', more, '--key', pfx, '--detached', '--json'], 300, 'SIGINT', true);
    assert.equal(r.code, 130, `${r.signal} ${r.stderr}`);
    const env = JSON.parse(r.stdout);
    assert.equal(env.error.code, 'SIGN_INTERRUPTED');
    const res = env.result;
    assert.ok(res.signed > 0 && res.notStarted > 0, JSON.stringify({ ...res, results: res.results.length }));
    const sigs = readdirSync(more).filter((n) => n.endsWith('.p7s'));
    assert.equal(sigs.length, res.signed); // every finished file, and only those, has its signature
    assert.deepEqual(
      readdirSync(more).filter((n) => !n.endsWith('.txt') && !n.endsWith('.p7s')),
      [],
    );
  });
});
