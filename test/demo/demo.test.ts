/**
 * `npm run demo` as a user runs it (node dist/demo/main.js, needs dist built): the whole journey
 * against its own sandbox, every milestone printed, and nothing left behind — each run gets its own
 * TMPDIR, which must be empty afterwards, and the sandbox process it started must be gone.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ROOT } from '../helpers/cli.js';

const MAIN = path.join(ROOT, 'dist', 'demo', 'main.js');

interface DemoRun {
  code: number | null;
  out: string;
  tmp: string;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Private TMPDIRs of the runs, removed after the tests whatever happened. */
const tmpDirs: string[] = [];

/** Run the demo with a private TMPDIR; `interruptAt` sends SIGINT once the output contains it. */
function demo(args: string[], interruptAt?: string): Promise<DemoRun> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'oneid-demo-test-'));
  tmpDirs.push(tmp);
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, NO_COLOR: '1' };
  for (const k of ['ONEID_PORTAL', 'ONEID_TOKEN', 'ONEID_CONFIG_DIR', 'ONEID_SANDBOX_DATA']) delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let sent = false;
    const onData = (d: Buffer) => {
      out += d.toString();
      if (interruptAt && !sent && out.includes(interruptAt)) {
        sent = true;
        child.kill('SIGINT');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, tmp });
    });
  });
}

/** Nothing left: the private TMPDIR is empty and the sandbox the demo started is not running. */
function assertNothingLeft(r: DemoRun): void {
  const left = readdirSync(r.tmp);
  assert.deepEqual(left, [], `temporary files left behind in ${r.tmp}: ${left.join(', ')}\n${r.out}`);
  const pid = /portal http:\/\/127\.0\.0\.1:\d+ \(pid (\d+)\)/.exec(r.out)?.[1];
  if (pid) assert.equal(alive(Number(pid)), false, `sandbox pid ${pid} still runs`);
}

describe('npm run demo', function () {
  this.timeout(180_000);
  after(() => {
    for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
  });

  it('runs the whole journey with 1,000 documents, shows each command and milestone, keeps only --keep', async () => {
    const keepParent = mkdtempSync(path.join(tmpdir(), 'oneid-demo-keep-'));
    tmpDirs.push(keepParent);
    const keep = path.join(keepParent, 'out');
    const r = await demo(['--keep', keep]);
    assert.equal(r.code, 0, r.out);
    for (const cmd of [
      '$ oneid sandbox start --port 0 --detach --json',
      '$ oneid sandbox registry --json',
      '$ oneid register --accept-offer',
      '$ oneid sandbox outbox --phone',
      '$ oneid key apply --pinfl',
      '$ oneid sandbox pay',
      '$ oneid key status ka_',
      '$ oneid verify-account --key keys/DS',
      '$ oneid key apply --legal --tin',
      '$ oneid le bind --key keys/DS',
      '$ oneid logout',
      ":Common For Head'",
      '$ oneid whoami',
      '$ oneid key sign documents --key keys/DS',
      '$ oneid key verify documents --ca root-ca.pem',
      '$ oneid le employees add',
      '$ oneid le show',
      '--profile accountant',
      '$ oneid key apply --legal --tin',
      ":Common For Accountant'",
      '$ oneid key sign documents-accountant --key keys/DS',
      '$ oneid le employees remove',
      '$ oneid sandbox stop',
    ])
      assert.ok(r.out.includes(cmd), `missing "${cmd}" in\n${r.out}`);
    assert.match(r.out, /✔ account verified: \w+/);
    assert.match(r.out, /✔ company bound: .* \(TIN \d{9}\) as Common For Head/);
    assert.match(r.out, /✔ logged in as "Common For Head" of TIN \d{9}/);
    assert.match(r.out, /✔ 1,000 documents signed/);
    assert.match(r.out, /✔ 1,000 signatures verified/);
    assert.match(r.out, /✔ tamper detected: documents\/doc-0500\.txt\.p7s does not verify \(exit 6\)/);
    assert.match(r.out, /doc-0500\.txt\.p7s: NOT valid/, 'the failing file is named by key verify');
    // Issue 17: the accountant's chapter.
    assert.match(r.out, /✔ .* authorized as "Common For Accountant" of TIN \d{9}/);
    assert.match(r.out, /✔ logged in as "Common For Accountant" of TIN \d{9}/);
    assert.match(r.out, /✔ the accountant signed 3 documents with the company key/);
    assert.match(r.out, /✔ role refused after revocation \(exit 3\)/);
    assert.doesNotMatch(r.out, /Demo-pass#2024|Demo-key#2024/, 'no secret is printed');
    assertNothingLeft(r);

    // What --keep asked for: the documents with their signatures, the keys, the CA certificate.
    const docs = readdirSync(path.join(keep, 'documents'));
    assert.equal(docs.filter((f) => f.endsWith('.txt.p7s')).length, 1000);
    assert.equal(docs.filter((f) => f.endsWith('.txt')).length, 1000);
    const keys = readdirSync(path.join(keep, 'keys'));
    assert.ok(
      keys.some((f) => /^DS\d{9}0001\.pfx$/.test(f)),
      `company key in ${keys.join(', ')}`,
    );
    assert.ok(
      keys.some((f) => /^DS\d{14}0001\.pfx$/.test(f)),
      `personal key in ${keys.join(', ')}`,
    );
    assert.ok(existsSync(path.join(keep, 'root-ca.pem')));
  });

  it('Ctrl-C in the middle: exit 130, the sandbox is stopped and the temporary folder removed', async () => {
    const r = await demo(['--count', '5'], '$ oneid key apply --pinfl');
    assert.equal(r.code, 130, r.out);
    assert.match(r.out, /Interrupted: stopping the sandbox/);
    assertNothingLeft(r);
  });
});
