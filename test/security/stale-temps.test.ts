// Issue 13: hidden `*.oneid-tmp` files of a killed `key sign` must not linger. Any later run over
// the same output folder — --resume or not — removes those whose process is gone (identified by
// the name pattern and the pid in it), and nothing else; a double Ctrl-C (SIGINT to the whole
// process group, as `timeout -s INT` sends it) leaves no temp file and exits 130.
// Real CLI processes (dist/).
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { BIN, tempConfigDir } from '../helpers/cli.js';
import { fixtures, pfxFor } from '../sign/openssl-fixtures.js';

const PW = 'stale test';
const FILES = 3000;
const isTemp = (n: string) => n.endsWith('.oneid-tmp');

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/**
 * Start the CLI in its own process group; `onStart(pid)` runs at once, `act(pid)` once the first
 * line is on stdout (with --jsonl: the first file is done). Resolves when the process has ended.
 */
function run(
  args: string[],
  cwd: string,
  act?: (pid: number) => Promise<void> | void,
  onStart?: (pid: number) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      detached: true, // a process group of its own, like a shell job
      env: {
        ...process.env,
        ONEID_CONFIG_DIR: tempConfigDir(),
        ONEID_NO_PROMPT: '1',
        ONEID_KEYS_SYSTEM_ROOTS: '0',
        ONEID_KEY_PASSWORD: PW,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let acted = false;
    onStart?.(child.pid!);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (act && !acted && stdout.includes('\n')) {
        acted = true;
        void Promise.resolve(act(child.pid!)).catch(reject);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A process's start time as temp names carry it: /proc starttime in base 36 (Linux), else 0. */
function startTag(pid: number): string {
  if (process.platform !== 'linux') return '0';
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]).toString(36);
}

/** SIGINT to the process group of `pid`; it may have ended already. */
function interrupt(pid: number): void {
  try {
    process.kill(-pid, 'SIGINT');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

/** Every temp file under `dir`, relative paths. */
function tempsUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((n) => isTemp(path.basename(n)));
}

describe('security: stale temp files of `key sign` (issue 13)', function () {
  this.timeout(300_000);
  const fx = fixtures();
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-stale-'));
  const data = path.join(dir, 'data');
  mkdirSync(data);
  for (let i = 0; i < FILES; i++)
    writeFileSync(path.join(data, `f${String(i).padStart(4, '0')}.txt`), `file ${i} `.repeat(20));
  writeFileSync(path.join(data, 'new.txt'), 'a file signed later');
  const pfx = pfxFor(fx.rsa, PW, path.join(dir, 'key.pfx'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a later run over the same out-dir, without --resume, removes the temps of a killed run and nothing else', async () => {
    const out = path.join(dir, 'out');
    const args = ['key', 'sign', 'data', '--key', pfx, '--detached', '--jsonl', '--out-dir', out];
    // Kill mid-way until a kill lands while files are being written (it almost always does).
    let left: string[] = [];
    for (let attempt = 0; attempt < 10 && left.length === 0; attempt++) {
      rmSync(out, { recursive: true, force: true });
      const killed = await run(args, dir, async (pid) => {
        await sleep(30 + attempt * 20);
        process.kill(pid, 'SIGKILL');
      });
      assert.equal(killed.signal, 'SIGKILL', killed.stderr);
      left = tempsUnder(out);
    }
    assert.ok(left.length > 0, 'no kill left a temp file behind');
    const outData = path.join(out, 'data');

    // Beside them: things that are not stale temps of ours and must survive.
    const liveTag = startTag(process.pid);
    const keep = [
      '.notes.txt', // an unrelated hidden file
      '.f0001.txt.p7s.oneid-tmp', // our suffix but no pid
      `.f0002.txt.p7s.${process.pid}-${liveTag}.0.0.oneid-tmp`, // a live process (this test)
      `.f0003.txt.p7s.${process.pid}.1.7.oneid-tmp`, // a live process, name of earlier versions
      `f0004.txt.p7s.999999999-0.0.0.oneid-tmp`, // not hidden: not one of our names
    ];
    // Stale: a dead pid (old and new names); on Linux also a live pid whose process started at
    // another time than the writer (the pid was reused).
    const dead = spawnSync('true').pid!;
    const stale = [`.f0005.txt.p7s.${dead}.0.3.oneid-tmp`, `.f0006.txt.p7s.${dead}-1a2b.2.9.oneid-tmp`];
    if (process.platform === 'linux') stale.push(`.f0007.txt.p7s.${process.pid}-zz9.0.0.oneid-tmp`);
    for (const n of [...keep, ...stale]) writeFileSync(path.join(outData, n), 'x');

    // A later run over the same folder, signing something else, without --resume.
    const later = await run(
      ['key', 'sign', 'data/new.txt', '--key', pfx, '--detached', '--out-dir', out],
      dir,
    );
    assert.equal(later.code, 0, later.stderr);
    const after = readdirSync(outData);
    for (const n of left) assert.ok(!after.includes(path.basename(n)), `killed run's ${n} is still there`);
    for (const n of stale) assert.ok(!after.includes(n), `stale ${n} is still there`);
    for (const n of keep) assert.ok(after.includes(n), `${n} was removed`);
    assert.ok(after.includes('new.txt.p7s'));
  });

  it('a double SIGINT to the process group leaves no temp file and exits 130', async () => {
    // Second signal at once, shortly after, and later: each must clean up before exiting.
    for (const [round, gap] of [0, 2, 10, 40].entries()) {
      const out = path.join(dir, `out-int-${round}`);
      const r = await run(
        ['key', 'sign', 'data', '--key', pfx, '--detached', '--jsonl', '--out-dir', out],
        dir,
        async (pid) => {
          interrupt(pid);
          if (gap) await sleep(gap);
          interrupt(pid);
        },
      );
      assert.equal(r.code, 130, `round ${round}: ${r.signal} ${r.stderr}`);
      assert.deepEqual(tempsUnder(out), [], `round ${round} left temp files`);
      const sigs = readdirSync(path.join(out, 'data')).filter((n) => n.endsWith('.p7s'));
      assert.ok(sigs.length > 0 && sigs.length < FILES, `round ${round}: ${sigs.length} signatures`);
    }
  });

  it('a double SIGINT reports the interruption in the JSON envelope', async () => {
    const out = path.join(dir, 'out-json');
    // --json prints nothing until the end: signal once the first signature exists.
    let poll: NodeJS.Timeout | undefined;
    const r = await run(
      ['key', 'sign', 'data', '--key', pfx, '--detached', '--json', '--out-dir', out],
      dir,
      undefined,
      (pid) => {
        poll = setInterval(() => {
          const signed = (): number => {
            try {
              return readdirSync(path.join(out, 'data')).filter((x) => x.endsWith('.p7s')).length;
            } catch {
              return 0; // the folder is not there yet
            }
          };
          if (signed() === 0) return;
          clearInterval(poll);
          interrupt(pid);
          // Apart, so that the two are not merged into one pending signal.
          setTimeout(() => interrupt(pid), 10);
        }, 5);
      },
    );
    clearInterval(poll);
    assert.equal(r.code, 130, r.stderr);
    const env = JSON.parse(r.stdout);
    assert.equal(env.error.code, 'SIGN_INTERRUPTED');
    assert.ok(env.result.notStarted > 0);
    assert.deepEqual(tempsUnder(out), []);
  });
});
