// `oneid agent install [--uninstall]` on Linux: the systemd user unit it writes and the systemctl
// commands it runs. A fake `systemctl` on PATH records its arguments: the real one needs a user
// session manager this machine does not run (a test double of the external program only).
import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { BIN, runCli, tempConfigDir } from '../helpers/cli.js';

describe('agent install (systemd user unit)', function () {
  this.timeout(60_000);
  const home = mkdtempSync(path.join(tmpdir(), 'oneid-home-'));
  const bin = mkdtempSync(path.join(tmpdir(), 'oneid-fake-systemctl-'));
  const calls = path.join(bin, 'calls.log');
  writeFileSync(path.join(bin, 'systemctl'), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${calls}"\n`);
  chmodSync(path.join(bin, 'systemctl'), 0o755);
  const cfg = tempConfigDir();
  const env = { HOME: home, XDG_CONFIG_HOME: undefined, ONEID_CONFIG_DIR: cfg, PATH: `${bin}:/usr/bin:/bin` };
  const unit = path.join(home, '.config', 'systemd', 'user', 'oneid-agent.service');

  it('writes a unit that runs `oneid agent start` with this config folder, enables it, and says how to undo it', async () => {
    const r = await runCli(['agent', 'install', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.result.platform, 'systemd');
    assert.equal(r.json.result.ran, true);
    assert.equal(r.json.result.file, unit);
    const text = readFileSync(unit, 'utf8');
    assert.ok(text.includes(`ExecStart=${process.execPath} ${BIN} agent start`), text);
    assert.ok(text.includes(`Environment=ONEID_CONFIG_DIR=${cfg}`), text);
    assert.match(text, /WantedBy=default.target/);
    assert.deepEqual(readFileSync(calls, 'utf8').trim().split('\n'), [
      '--user daemon-reload',
      '--user enable --now oneid-agent.service',
    ]);
    const human = await runCli(['agent', 'install'], { env });
    assert.match(human.stderr, /oneid agent install --uninstall/);
  });

  it('--uninstall disables and removes it', async () => {
    writeFileSync(calls, '');
    const r = await runCli(['agent', 'install', '--uninstall', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.json.result.installed, false);
    assert.ok(!existsSync(unit));
    assert.deepEqual(readFileSync(calls, 'utf8').trim().split('\n'), [
      '--user disable --now oneid-agent.service',
      '--user daemon-reload',
    ]);
  });

  it('prints the commands to run when there is no systemctl', async () => {
    const r = await runCli(['agent', 'install'], { env: { ...env, PATH: '/nonexistent' } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Run this yourself[\s\S]*systemctl --user enable --now oneid-agent.service/);
    assert.ok(existsSync(unit));
  });
});
