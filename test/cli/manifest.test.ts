// oclif.manifest.json must describe the built commands exactly: a stale manifest would make oclif
// show outdated help or miss commands. We regenerate it into a temp copy and compare.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ROOT } from '../helpers/cli.js';

describe('oclif.manifest.json', () => {
  it('exists and matches the commands in dist/', function () {
    this.timeout(120_000);
    const shipped = path.join(ROOT, 'oclif.manifest.json');
    assert.ok(existsSync(shipped), 'oclif.manifest.json is missing: run npm run build');
    const tmp = mkdtempSync(path.join(tmpdir(), 'oneid-manifest-'));
    cpSync(path.join(ROOT, 'package.json'), path.join(tmp, 'package.json'));
    cpSync(path.join(ROOT, 'dist'), path.join(tmp, 'dist'), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'oclif', 'bin', 'run.js'), 'manifest'], {
      cwd: tmp,
      stdio: 'pipe',
    });
    const fresh = JSON.parse(readFileSync(path.join(tmp, 'oclif.manifest.json'), 'utf8'));
    const current = JSON.parse(readFileSync(shipped, 'utf8'));
    assert.deepEqual(current.commands, fresh.commands, 'oclif.manifest.json is stale: run npm run build');
  });
});

describe('bin/dev.js', () => {
  it('runs the TypeScript sources, not the build', function () {
    this.timeout(60_000);
    // An error's stack (ONEID_DEBUG) names the file the command ran from.
    let stderr = '';
    try {
      execFileSync(path.join(ROOT, 'bin', 'dev.js'), ['ca', 'get', '--portal', 'http://127.0.0.1:9'], {
        cwd: ROOT,
        env: { ...process.env, ONEID_DEBUG: '1', NO_COLOR: '1' },
        stdio: 'pipe',
      });
    } catch (e) {
      stderr = String((e as { stderr: Buffer }).stderr);
      assert.equal((e as { status: number }).status, 7, stderr);
    }
    assert.match(stderr, /src\/cli\/commands\/ca\/get\.ts/);
    assert.doesNotMatch(stderr, /dist\/cli\/commands/);
  });
});
