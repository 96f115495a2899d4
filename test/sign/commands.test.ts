// `key sign` / `key verify` in-process (test/helpers/run-command.ts): detached signatures under
// --out-dir verified as a batch with --content-dir, missing inputs as usage errors, flag clashes
// explained, one progress line at most.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { runCommand } from '../helpers/run-command.js';
import { fixtures, pfxFor } from './openssl-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(path.join(tmpdir(), 'oneid-sign-cmd-'));
const pfx = pfxFor(fx.rsa, 'correct horse', path.join(work, 'DS512345678001.pfx'));
const pwFile = path.join(work, 'pw');
writeFileSync(pwFile, 'correct horse\n');
const keyArgs = ['--key', pfx, '--key-password-file', pwFile];
const env = { ONEID_KEYS_SYSTEM_ROOTS: '0' };

function tree(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(path.join(dir, 'top.txt'), 'top\n');
  writeFileSync(path.join(dir, 'a', 'one.txt'), 'one\n');
  writeFileSync(path.join(dir, 'a', 'b', 'two.txt'), 'two\n');
  return dir;
}

describe('key sign / key verify (in-process)', function () {
  this.timeout(60_000);

  it('verifies detached signatures written with --out-dir as a batch with --content-dir; a tampered file is reported', async () => {
    const dir = tree('docs');
    const out = path.join(work, 'signed');
    const s = await runCommand(
      ['key', 'sign', dir, '-r', '--detached', '--out-dir', out, ...keyArgs, '--json'],
      {
        env,
      },
    );
    assert.equal(s.code, 0, s.stdout + s.stderr);
    assert.equal(s.json.result.signed, 3);
    const rel = path.relative(process.cwd(), dir); // the layout under --out-dir starts here
    const sigRoot = path.join(out, rel.startsWith('..') ? '' : rel);
    assert.ok(existsSync(path.join(sigRoot, 'a', 'b', 'two.txt.p7s')), readdirSync(out).join(' '));

    const ok = await runCommand(
      ['key', 'verify', sigRoot, '-r', '--content-dir', dir, '--ca', fx.caFile, '--json'],
      {
        env,
      },
    );
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.equal(ok.json.result.total, 3);
    assert.equal(ok.json.result.files[0].content.startsWith(dir), true);

    writeFileSync(path.join(dir, 'a', 'one.txt'), 'one, changed\n');
    const bad = await runCommand(
      ['key', 'verify', `${sigRoot}/**/*.p7s`, '--content-dir', dir, '--ca', fx.caFile],
      {
        env,
      },
    );
    assert.equal(bad.code, 6, bad.stdout + bad.stderr);
    assert.match(bad.stderr, /1 of 3 signatures did not verify/);
    const lines = bad.stdout.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines.filter((l) => l.includes('one.txt.p7s')).length, 1);
    assert.match(
      lines.find((l) => l.includes('one.txt.p7s'))!,
      /changed|digest|content/i,
    );

    // Without --content-dir, --content is still refused for many, and the message says what to use.
    const many = await runCommand(['key', 'verify', sigRoot, '-r', '--content', path.join(dir, 'top.txt')], {
      env,
    });
    assert.equal(many.code, 2);
    assert.match(many.stderr, /--content-dir/);
  });

  it('a signature or content that is not there is a usage error (exit 2), not "a bug in oneid"', async () => {
    const nosuch = path.join(work, 'nosuch.p7s');
    const r = await runCommand(['key', 'verify', nosuch], { env });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /No such file: .*nosuch\.p7s/);
    assert.doesNotMatch(r.stderr, /bug in oneid/);
    const ru = await runCommand(['key', 'verify', nosuch, '--lang', 'ru'], { env });
    assert.match(ru.stderr, /Файл не найден/);

    const none = await runCommand(['key', 'verify', path.join(work, 'nosuch', '*.p7s')], { env });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /No signatures found/);
    assert.doesNotMatch(none.stderr, /to sign/);

    const list = await runCommand(
      ['key', 'sign', '--files-from', path.join(work, 'nosuch.list'), ...keyArgs],
      { env },
    );
    assert.equal(list.code, 2, list.stderr);
  });

  it('key sign nosuchfile.txt exits 2 and signs nothing', async () => {
    const dir = path.join(work, 'partly');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'here.txt'), 'here\n');
    const r = await runCommand(
      ['key', 'sign', path.join(dir, 'here.txt'), path.join(dir, 'nosuchfile.txt'), ...keyArgs],
      {
        env,
      },
    );
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /No such file: .*nosuchfile\.txt/);
    assert.doesNotMatch(r.stdout + r.stderr, /Signed 1 of/);
    assert.deepEqual(readdirSync(dir), ['here.txt']);
  });

  it('--json with --jsonl says that they cannot go together', async () => {
    const r = await runCommand(['key', 'sign', pwFile, ...keyArgs, '--json', '--jsonl'], { env });
    assert.equal(r.code, 2);
    assert.equal(r.json.error.code, 'SIGN_JSON_WITH_JSONL');
    assert.match(r.json.error.message, /--json and --jsonl cannot go together/);
  });

  it('a one-file batch prints no progress line (nor twice, nor an ETA); many files one line per count', async () => {
    const one = path.join(work, 'single.txt');
    writeFileSync(one, 'single\n');
    const r = await runCommand(['key', 'sign', one, ...keyArgs], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /ETA|Signed 1 of 1/);
    assert.match(r.stdout, /Signed: 1, co-signed: 0, skipped: 0, failed: 0/);

    const dir = tree('progress');
    const many = await runCommand(['key', 'sign', dir, '-r', ...keyArgs], { env });
    assert.equal(many.code, 0, many.stderr);
    const progress = many.stderr.split('\n').filter((l) => l.startsWith('Signed '));
    assert.equal(new Set(progress).size, progress.length, many.stderr);
  });
});
