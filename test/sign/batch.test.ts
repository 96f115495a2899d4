// The batch engine's parts in-process: input collection, output paths, atomic publishing, stale
// temp cleanup, streaming of large files, interruption.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { OutputExistsError, removeStaleTemps, writePiecesAtomic } from '../../src/lib/files/index.js';
import { CHUNK, digestFile } from '../../src/lib/sign/digest.js';
import {
  collectInputs,
  outputFor,
  signBatch,
  signFile,
  splitList,
  verifyFile,
} from '../../src/lib/sign/index.js';
import { fixtures, openssl } from './openssl-fixtures.js';

const fx = fixtures();
const key = { privateKey: fx.ec.privateKey, certificate: fx.ec.certificate, chain: [fx.ca] };
const tmp = () => mkdtempSync(path.join(tmpdir(), 'oneid-sign-batch-'));

describe('sign/batch: inputs and outputs', () => {
  it('collects files, folders (recursive or not), globs and lists; skips .p7s and temps; dedupes', async () => {
    const root = tmp();
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    for (const f of ['a/1.pdf', 'a/2.xml', 'a/b/3.pdf', 'a/1.pdf.p7s', 'a/.x.p7s.1.0.0.oneid-tmp'])
      writeFileSync(path.join(root, f), f);
    const rel = async (spec: Parameters<typeof collectInputs>[0]) =>
      (await collectInputs({ cwd: root, ...spec })).map((i) => i.rel).sort();
    assert.deepEqual(await rel({ args: ['a'] }), ['a/1.pdf', 'a/2.xml']);
    assert.deepEqual(await rel({ args: ['a'], recursive: true }), ['a/1.pdf', 'a/2.xml', 'a/b/3.pdf']);
    assert.deepEqual(await rel({ args: ['a/**/*.pdf', 'a/1.pdf'] }), ['a/1.pdf', 'a/b/3.pdf']);
    writeFileSync(path.join(root, 'list'), 'a/2.xml\r\na/b/3.pdf\n\n');
    assert.deepEqual(await rel({ args: [], filesFrom: path.join(root, 'list') }), ['a/2.xml', 'a/b/3.pdf']);
    assert.deepEqual(splitList('x y\0z\n\0'), ['x y', 'z\n']); // NUL wins: names may hold newlines
    const [first] = await collectInputs({ cwd: root, args: ['a/b/3.pdf'] });
    assert.equal(outputFor(first!), path.join(root, 'a/b/3.pdf.p7s'));
    assert.equal(outputFor(first!, path.join(root, 'out')), path.join(root, 'out/a/b/3.pdf.p7s'));
  });

  it('publishes atomically and never replaces an existing output without overwrite', async () => {
    const dir = tmp();
    const target = path.join(dir, 'x.p7s');
    await writePiecesAtomic(target, [Buffer.from('first')], { replace: false });
    await assert.rejects(
      writePiecesAtomic(target, [Buffer.from('second')], { replace: false }),
      OutputExistsError,
    );
    assert.equal(readFileSync(target, 'utf8'), 'first');
    await writePiecesAtomic(target, [Buffer.from('third')], { replace: true });
    assert.equal(readFileSync(target, 'utf8'), 'third');
    assert.deepEqual(readdirSync(dir), ['x.p7s']);
  });

  it('removes temp files of dead processes only', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.a.p7s.999999.0.1.oneid-tmp'), 'dead');
    writeFileSync(path.join(dir, `.b.p7s.${process.pid}.0.1.oneid-tmp`), 'alive');
    assert.equal(await removeStaleTemps([dir]), 1);
    assert.deepEqual(readdirSync(dir), [`.b.p7s.${process.pid}.0.1.oneid-tmp`]);
  });

  it('streaming digests (double-buffered reads) equal a one-shot hash at every chunk boundary', async () => {
    const dir = tmp();
    // Every MiB differs, so hashing a chunk twice or skipping one cannot go unnoticed.
    const data = Buffer.alloc(3 * CHUNK + 4);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 4]) {
      const file = path.join(dir, `s${size}`);
      writeFileSync(file, data.subarray(0, size));
      const r = await digestFile(file, ['sha256']);
      assert.equal(r.size, size);
      const want = createHash('sha256').update(data.subarray(0, size)).digest('hex');
      assert.equal(r.digests.get('sha256')!.toString('hex'), want, `size ${size}`);
    }
  });

  it('streams a file larger than the read buffer (attached and detached); OpenSSL agrees', async () => {
    const dir = tmp();
    const big = path.join(dir, 'big.bin');
    const chunk = Buffer.alloc(1 << 20);
    for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31) & 0xff;
    writeFileSync(big, Buffer.concat([chunk, chunk, chunk, Buffer.from('tail')]));
    for (const detached of [false, true]) {
      const out = path.join(dir, `big-${detached}.p7s`);
      const r = await signFile(big, { key, detached, output: out });
      assert.equal(r.status, 'signed', r.message);
      const args = [
        'cms',
        '-verify',
        '-inform',
        'DER',
        '-in',
        out,
        '-CAfile',
        fx.caFile,
        '-binary',
        '-out',
        path.join(dir, 'o'),
      ];
      openssl(detached ? [...args, '-content', big] : args);
      if (!detached) assert.deepEqual(readFileSync(path.join(dir, 'o')), readFileSync(big));
      assert.equal((await verifyFile(out, { content: big, trusted: [fx.ca] })).valid, true);
    }
  });

  it('an abort stops dispatching, lets the files in flight finish, and reports interrupted', async () => {
    const dir = tmp();
    const inputs = Array.from({ length: 400 }, (_, i) => {
      const p = path.join(dir, `f${i}`);
      writeFileSync(p, `f${i}`);
      return { path: p, rel: `f${i}` };
    });
    const controller = new AbortController();
    const s = await signBatch({
      key,
      inputs,
      detached: true,
      existing: 'fail',
      workers: 0,
      signal: controller.signal,
      onResult: (_r, p) => p.done === 50 && controller.abort(),
    });
    assert.equal(s.interrupted, true);
    assert.ok(s.signed >= 50 && s.notStarted > 0);
    assert.equal(s.signed + s.notStarted, 400);
    assert.equal(readdirSync(dir).filter((n) => n.endsWith('.p7s')).length, s.signed);
  });

  it('reports a missing input per file and carries on', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'ok'), 'ok');
    const s = await signBatch({
      key,
      inputs: [
        { path: path.join(dir, 'missing'), rel: 'missing' },
        { path: path.join(dir, 'ok'), rel: 'ok' },
      ],
      detached: false,
      existing: 'fail',
      workers: 1,
    });
    assert.equal(s.signed, 1);
    assert.equal(s.failed, 1);
    assert.equal(s.results[0]!.code, 'SIGN_INPUT_UNREADABLE');
  });
});
