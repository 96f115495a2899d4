// `oneid key sign` / `oneid key verify`: what needs a process (a working directory, standard input,
// the built dist/) through runCli, the rest in-process through runCommand.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { runCommand } from '../helpers/run-command.js';
import { fixtures, openssl, pfxFor } from './openssl-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(path.join(tmpdir(), 'oneid-sign-cli-'));
const pfx = pfxFor(fx.rsa, 'correct horse', path.join(work, 'DS512345678001.pfx'));
const pwFile = path.join(work, 'pw');
writeFileSync(pwFile, 'correct horse\n');
const keyArgs = ['--key', pfx, '--key-password-file', pwFile];
const env = { ONEID_KEYS_SYSTEM_ROOTS: '0' };

function makeTree(name: string, n: number): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  for (let i = 0; i < n; i++)
    writeFileSync(path.join(dir, i % 2 ? 'sub' : '', `doc${i}.txt`), `document ${i}\n`);
  return dir;
}

describe('sign/cli: oneid key sign and key verify', () => {
  it('signs a folder recursively into --out-dir (relative paths kept); OpenSSL and `key verify` accept them', async () => {
    const dir = makeTree('tree', 6);
    const out = path.join(work, 'signed');
    const r = await runCli(
      ['key', 'sign', 'tree', '-r', '--detached', '--out-dir', out, ...keyArgs, '--json'],
      { cwd: work, env },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.json.result.signed, 6);
    assert.equal(r.json.result.signer.cn, 'Test User RSA');
    const sig = path.join(out, 'tree', 'sub', 'doc1.txt.p7s');
    openssl([
      'cms',
      '-verify',
      '-inform',
      'DER',
      '-in',
      sig,
      '-content',
      path.join(dir, 'sub', 'doc1.txt'),
      '-CAfile',
      fx.caFile,
      '-binary',
      '-out',
      '/dev/null',
    ]);
    const v = await runCli(
      ['key', 'verify', sig, '--content', path.join(dir, 'sub', 'doc1.txt'), '--ca', fx.caFile, '--json'],
      { env },
    );
    assert.equal(v.code, 0, v.stdout + v.stderr);
    assert.equal(v.json.result.files[0].signers[0].status, 1);
    assert.equal(v.json.result.files[0].signers[0].signer.tin, '512345678');
  });

  it('never overwrites: a second run fails per file (exit 10), --resume skips, --force re-signs', async () => {
    makeTree('again', 3);
    const base = ['key', 'sign', 'again', '-r', ...keyArgs];
    assert.equal((await runCli(base, { cwd: work, env })).code, 0);
    const second = await runCli([...base, '--json'], { cwd: work, env });
    assert.equal(second.code, 10);
    assert.equal(second.json.error.code, 'SIGN_BATCH_FAILED');
    assert.ok(second.json.result.results.every((x: { code: string }) => x.code === 'SIGN_OUTPUT_EXISTS'));
    const resumed = await runCli([...base, '--resume', '--json'], { cwd: work, env });
    assert.equal(resumed.json.result.skipped, 3);
    const forced = await runCli([...base, '--force', '--json'], { cwd: work, env });
    assert.equal(forced.json.result.signed, 3);
  });

  it('--files-from - (NUL-separated) with --jsonl prints one JSON line per file', async () => {
    const dir = makeTree('listed', 4);
    const names = readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .map((n) => path.join(dir, n));
    const r = await runCli(['key', 'sign', '--files-from', '-', '--jsonl', ...keyArgs], {
      env,
      input: names.join('\0') + '\0',
    });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, names.length);
    assert.ok(lines.every((l) => l.status === 'signed'));
  });

  it('--append co-signs: both signers verify', async () => {
    const file = path.join(work, 'contract.txt');
    writeFileSync(file, 'contract\n');
    assert.equal((await runCommand(['key', 'sign', file, ...keyArgs], { env })).code, 0);
    const ecPfx = pfxFor(fx.ec, 'ec pass', path.join(work, 'ec.pfx'));
    const r = await runCommand(['key', 'sign', file, '--append', '--key', ecPfx, '--json'], {
      env: { ...env, ONEID_KEY_PASSWORD: 'ec pass' },
    });
    assert.equal(r.json.result.appended, 1, r.stdout);
    const v = await runCommand(['key', 'verify', file + '.p7s', '--ca', fx.caFile, '--json'], { env });
    assert.equal(v.code, 0);
    assert.deepEqual(
      v.json.result.files[0].signers.map((s: { signer: { cn: string } }) => s.signer.cn),
      ['Test User RSA', 'Test User EC'],
    );
  });

  it('verify: tampered content exit 6 with its code; untrusted chain its own code; batch report lists each file', async () => {
    const file = path.join(work, 'tamper.txt');
    writeFileSync(file, 'pay 100\n');
    await runCommand(['key', 'sign', file, '--detached', ...keyArgs], { env });
    writeFileSync(file, 'pay 900\n');
    const r = await runCommand(['key', 'verify', file + '.p7s', '--ca', fx.caFile, '--json'], { env });
    assert.equal(r.code, 6);
    assert.equal(r.json.error.code, 'SIGNATURE_CONTENT_MISMATCH');
    writeFileSync(file, 'pay 100\n');
    const u = await runCommand(['key', 'verify', file + '.p7s', '--ca', fx.otherCaFile, '--json'], { env });
    assert.equal(u.json.error.code, 'SIGNATURE_CHAIN_UNTRUSTED');
    const many = await runCommand(
      ['key', 'verify', file + '.p7s', path.join(work, 'contract.txt.p7s'), '--ca', fx.otherCaFile, '--json'],
      { env },
    );
    assert.equal(many.code, 6);
    assert.equal(many.json.error.code, 'SIGNATURE_BATCH_FAILED');
    assert.equal(many.json.result.files.length, 2);
  });

  it('wrong key password → exit 4, nothing written; ru messages', async () => {
    const file = path.join(work, 'nopass.txt');
    writeFileSync(file, 'x');
    const r = await runCommand(['key', 'sign', file, '--key', pfx, '--json'], {
      env: { ...env, ONEID_KEY_PASSWORD: 'wrong' },
    });
    assert.equal(r.code, 4);
    assert.ok(!readdirSync(work).includes('nopass.txt.p7s'));
    const ru = await runCommand(['key', 'sign', file, '--force', '--resume', ...keyArgs, '--lang', 'ru'], {
      env,
    });
    assert.equal(ru.code, 2);
    assert.match(ru.stderr, /Укажите только один/);
  });

  it('reads its own output back byte for byte with openssl cms -cmsout', async () => {
    const file = path.join(work, 'roundtrip.txt');
    writeFileSync(file, 'roundtrip\n');
    await runCommand(['key', 'sign', file, ...keyArgs], { env });
    const der = readFileSync(file + '.p7s');
    const again = openssl(['cms', '-cmsout', '-inform', 'DER', '-outform', 'DER'], { input: der });
    assert.deepEqual(again, der); // OpenSSL re-encodes to the same DER: ours is canonical
  });
});
