// `key verify` on all cores (src/lib/sign/verify-batch.ts over pool.ts): worker threads give
// exactly the reports the calling thread gives, in input order, for a mix of valid, failing and
// unreadable files of every algorithm; short batches start none; a worker that throws or exits
// ends the batch with a typed error instead of a hang; Ctrl-C stops a batch verifying on workers.
import { strict as assert } from 'node:assert';
import { createHook } from 'node:async_hooks';
import { mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { isOneIdError } from '../../src/lib/errors/index.js';
import { createCa, generatePrivateKey, issueCertificate, publicKeyOf } from '../../src/lib/pki/index.js';
import {
  signFile,
  verifiedSigner,
  verifyBatch,
  type SignatureInput,
  type VerifiedFile,
  type VerifyBatchResult,
} from '../../src/lib/sign/index.js';
import { runPool } from '../../src/lib/sign/pool.js';
import type { Checked, VerifyJob, VerifyWorkerInit } from '../../src/lib/sign/worker-protocol.js';
import { spawnCli } from '../helpers/cli.js';
import { fixtures } from './openssl-fixtures.js';

const fx = fixtures();
const dir = mkdtempSync(path.join(tmpdir(), 'oneid-verify-workers-'));
const at = (n: string) => path.join(dir, n);
const gostCa = createCa({ key: { alg: 'ozdst', curve: 'A' }, subject: { CN: 'Workers GOST CA' } });
const strangerCa = createCa({ key: { alg: 'ozdst', curve: 'A' }, subject: { CN: 'Stranger CA' } });
const trusted = [fx.ca, gostCa.certificate.raw];

function gostKey(ca: typeof gostCa, cn: string) {
  const privateKey = generatePrivateKey({ alg: 'ozdst', curve: 'A' });
  const cert = issueCertificate(ca, { subject: { CN: cn }, publicKey: publicKeyOf(privateKey) });
  return { privateKey, certificate: cert.raw, chain: [ca.certificate.raw] };
}

/** One of each: what a batch meets. Returns the signature files, in this order. */
async function mixedSet(): Promise<string[]> {
  const rsa = { privateKey: fx.rsa.privateKey, certificate: fx.rsa.certificate };
  const ec = { privateKey: fx.ec.privateKey, certificate: fx.ec.certificate };
  const gost = gostKey(gostCa, 'Valiyev Ali');
  const stranger = gostKey(strangerCa, 'Stranger');
  const file = (name: string) => (writeFileSync(at(name), `${name}: some content\n`), at(name));
  const sign = async (name: string, key: Parameters<typeof signFile>[1]['key'], detached: boolean) => {
    const r = await signFile(file(name), { key, detached });
    assert.equal(r.status, 'signed', r.message);
    return at(`${name}.p7s`);
  };
  const out = [
    await sign('rsa-detached.txt', rsa, true),
    await sign('ec-attached.txt', ec, false),
    await sign('gost-detached.txt', gost, true),
    await sign('gost-attached.txt', gost, false),
    await sign('tampered.txt', rsa, true),
    await sign('untrusted.txt', stranger, true),
    await sign('no-content.txt', gost, true),
  ];
  writeFileSync(at('tampered.txt'), 'changed\n');
  unlinkSync(at('no-content.txt'));
  writeFileSync(at('corrupt.p7s'), Buffer.from('30820102020100ffff', 'hex'));
  writeFileSync(at('empty.p7s'), '');
  return [...out, at('corrupt.p7s'), at('empty.p7s')];
}

/** A batch's result and the order `onFile` saw, whether it passed or failed. */
async function run(
  signatures: SignatureInput[],
  workers: number | undefined,
): Promise<{ result: VerifyBatchResult; seen: VerifiedFile[] }> {
  const seen: VerifiedFile[] = [];
  try {
    const result = await verifyBatch({ signatures, trusted, workers, onFile: (e) => seen.push(e) });
    return { result, seen };
  } catch (e) {
    assert.ok(isOneIdError(e) && e.code === 'SIGNATURE_BATCH_FAILED', String(e));
    return { result: e.data!.result as VerifyBatchResult, seen };
  }
}

const plain = (r: unknown) => JSON.parse(JSON.stringify(r)) as unknown;

describe('sign: key verify on worker threads', function () {
  this.timeout(120_000);
  let set: string[] = [];
  before(async () => {
    set = await mixedSet();
  });

  it('gives exactly the reports of the calling thread, in input order (mixed algorithms, valid, failing, unreadable; workers alone or beside it)', async () => {
    // Over the window (256 files handed out and not reported) and many chunks, and long enough for
    // the default to bring workers in beside the calling thread: the set, again and again.
    const signatures = Array.from({ length: 1500 }, (_, i) => {
      const p = set[i % set.length]!;
      return { path: p, root: path.dirname(p) };
    });
    const here = await run(signatures, 0);
    assert.equal(here.result.total, 1500);
    const valid = signatures.filter((_, i) => i % set.length < 4).length; // the first four are valid
    assert.equal(here.result.failed, 1500 - valid);
    for (const workers of [2, 3, undefined]) {
      const there = await run(signatures, workers);
      assert.deepEqual(plain(there.result), plain(here.result), `workers: ${workers}`);
      assert.deepEqual(
        there.seen.map((e) => e.file),
        signatures.map((s) => s.path),
        'onFile in input order',
      );
      // The reports that crossed from a worker still name their verified signer.
      there.seen.forEach((e, i) => {
        const want = here.seen[i]!.signers.map((s) => verifiedSigner(s)?.identity);
        assert.deepEqual(
          e.signers.map((s) => verifiedSigner(s)?.identity),
          want,
        );
      });
    }
    const first = here.result.files.slice(0, set.length);
    assert.deepEqual(
      first.map((f) => f.error?.code ?? (f.valid ? 'ok' : f.signers[0]?.code)),
      [
        'ok',
        'ok',
        'ok',
        'ok',
        'SIGNATURE_CONTENT_MISMATCH',
        'SIGNATURE_CHAIN_UNTRUSTED',
        'SIGNATURE_CONTENT_REQUIRED',
        first[7]!.error!.code,
        first[8]!.error!.code,
      ],
    );
    assert.notEqual(first[7]!.error, undefined);
    assert.notEqual(first[8]!.error, undefined);
    assert.ok(verifiedSigner(here.seen[2]!.signers[0]!), 'the GOST signer is verified');
  });

  it('a short batch or one file stays on the calling thread; `workers` forces a count', async () => {
    let started = 0;
    const hook = createHook({
      init: (_id, type) => {
        if (type === 'WORKER') started++;
      },
    }).enable();
    try {
      const count = async (signatures: SignatureInput[], workers?: number) => {
        started = 0;
        await run(signatures, workers);
        return started;
      };
      const some = set.slice(0, 4).map((p) => ({ path: p, root: dir }));
      assert.equal(await count(some), 0, 'four files: no worker pays');
      assert.equal(await count(some.slice(0, 1), 2), 0, 'one file: always here');
      assert.equal(await count(some, 2), 2);
      assert.equal(await count(some, 0), 0);
    } finally {
      hook.disable();
    }
  });

  it('a worker that throws ends the batch with a typed error, not a hang', async () => {
    const good = { path: set[0]!, root: dir };
    // A signature entry without a path makes the worker's file check throw outside its own
    // error handling: an uncaught error in that thread.
    const broken = { path: undefined, root: dir } as unknown as SignatureInput;
    await assert.rejects(
      verifyBatch({ signatures: [good, broken, good, good], trusted, workers: 2 }),
      (e) => isOneIdError(e) && e.code === 'VERIFY_WORKER' && e.category === 'internal',
    );
  });

  it('a worker that exits mid-batch ends the run with the typed error, not a hang', async () => {
    const init: VerifyWorkerInit = { settings: { trusted }, concurrency: 2 };
    const jobs: VerifyJob[] = Array.from({ length: 2000 }, (_, id) => ({ id, path: set[2]!, root: dir }));
    let given = 0;
    let answered = 0;
    const started: Array<{ terminate(): Promise<number> }> = [];
    await assert.rejects(
      runPool<VerifyJob, Checked & { id: number }>({
        module: 'verify-worker',
        size: 2,
        init,
        maxInFlight: 8,
        take: (max) => jobs.slice(given, (given += Math.min(max, jobs.length - given))),
        drained: () => given >= jobs.length,
        onResults: (r) => {
          answered += r.length;
          // Once work flows, one worker goes away as if it had crashed.
          if (answered >= 8 && started.length) void started.pop()!.terminate();
        },
        failure: (reason) => new Error(`worker failed: ${reason}`),
        started: (w) => started.push(w),
      }),
      /worker failed: exit 1/,
    );
    assert.ok(answered < jobs.length, 'stopped mid-batch');
  });

  it('Ctrl-C stops `key verify` while it verifies on workers', async () => {
    const ca = at('gost-ca.der');
    writeFileSync(ca, gostCa.certificate.raw);
    // The same O'z DSt signature 4,000 times: long enough to be interrupted mid-way.
    const args = Array.from({ length: 4000 }, () => set[3]!);
    const cli = spawnCli(['key', 'verify', ...args, '--ca', ca], { timeoutMs: 60_000 });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (cli.stdout().split('\n').length > 50) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    const t0 = Date.now();
    cli.child.kill('SIGINT');
    const r = await cli.done;
    assert.ok(Date.now() - t0 < 10_000, 'ends soon after the signal');
    assert.ok(r.signal === 'SIGINT' || r.code === 130, `exit ${r.code} ${r.signal}: ${r.stderr}`);
    assert.ok(r.stdout.split('\n').length < 4000, 'stopped before the end');
    assert.equal(readFileSync(set[3]!).length > 0, true);
  });
});
