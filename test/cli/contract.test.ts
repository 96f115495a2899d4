// The command-line contract, checked on the real binary: envelope, exit codes, streams, languages.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { ROOT, runCli, tempConfigDir } from '../helpers/cli.js';

describe('CLI contract (bin/run.js as a process)', () => {
  it('prints the version', async () => {
    const r = await runCli(['--version']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^oneid-cli\/\d+\.\d+\.\d+ \S+ node-v\d+/);
  });

  it('lists topics in --help', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    for (const topic of ['config', 'help', 'key', 'sandbox'])
      assert.match(r.stdout, new RegExp(`^\\s+${topic}\\s`, 'm'));
  });

  it('prints the success envelope under --json, and only that on stdout', async () => {
    const dir = tempConfigDir();
    const r = await runCli(['config', 'set', 'portal', 'http://x', '--json'], {
      env: { ONEID_CONFIG_DIR: dir },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json, {
      status: 0,
      result: { profile: 'default', key: 'portal', value: 'http://x', path: path.join(dir, 'config.json') },
      warnings: [],
    });
    assert.equal((statSync(path.join(dir, 'config.json')).mode & 0o777).toString(8), '600');
  });

  it('exits 2 on an unknown flag, with the error envelope under --json', async () => {
    const r = await runCli(['config', 'list', '--bogus', '--json']);
    assert.equal(r.code, 2);
    assert.equal(r.json.status, 2);
    assert.equal(r.json.error.code, 'USAGE');
    assert.match(r.json.error.message, /--bogus/);
    assert.ok(r.json.error.hint);
  });

  it('exits 2 on an unknown flag without --json, message on stderr only, no stack trace', async () => {
    const r = await runCli(['config', 'list', '--bogus']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Error: Invalid usage: Nonexistent flag: --bogus/);
    assert.doesNotMatch(r.stderr, /\s+at .*\.js:\d+/);
  });

  it('reports a typed error in the chosen language (--lang, ONEID_LANG, LANG)', async () => {
    const ru = await runCli(['config', 'set', 'lang', 'fr', '--lang', 'ru']);
    assert.equal(ru.code, 2);
    assert.match(ru.stderr, /^Ошибка: «fr» — неподдерживаемый язык/);
    const uz = await runCli(['config', 'set', 'lang', 'fr'], { env: { ONEID_LANG: 'uz' } });
    assert.match(uz.stderr, /^Xato: “fr” qo‘llab-quvvatlanadigan til emas/);
    const locale = await runCli(['config', 'set', 'lang', 'fr', '--json'], { env: { LANG: 'ru_RU.UTF-8' } });
    assert.equal(locale.json.error.code, 'CONFIG_BAD_VALUE');
    assert.match(locale.json.error.message, /неподдерживаемый язык/);
  });

  it('uses the profile language when no flag or variable says otherwise', async () => {
    const dir = tempConfigDir();
    await runCli(['config', 'set', 'lang', 'uz'], { env: { ONEID_CONFIG_DIR: dir } });
    const r = await runCli(['config', 'get', 'nope'], {
      env: { ONEID_CONFIG_DIR: dir, LANG: 'ru_RU.UTF-8' },
    });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /sozlama yo‘q/);
  });

  it('follows flag > environment > profile > default for settings', async () => {
    const dir = tempConfigDir();
    const env = { ONEID_CONFIG_DIR: dir };
    let r = await runCli(['config', 'get', 'portal', '--json'], { env });
    assert.deepEqual(r.json.result, {
      profile: 'default',
      key: 'portal',
      value: 'http://127.0.0.1:8765',
      source: 'default',
    });
    await runCli(['config', 'set', 'portal', 'https://profile.example'], { env });
    r = await runCli(['config', 'get', 'portal', '--json'], { env });
    assert.equal(r.json.result.source, 'profile');
    r = await runCli(['config', 'get', 'portal', '--json'], {
      env: { ...env, ONEID_PORTAL: 'https://env.example' },
    });
    assert.deepEqual(
      [r.json.result.value, r.json.result.source, r.json.result.origin],
      ['https://env.example', 'env', 'ONEID_PORTAL'],
    );
    // A variable that a global flag also reads is still reported as the environment.
    r = await runCli(['config', 'get', 'lang', '--json'], { env: { ...env, ONEID_LANG: 'ru' } });
    assert.deepEqual([r.json.result.value, r.json.result.source], ['ru', 'env']);
    r = await runCli(['config', 'get', 'lang', '--json', '--lang', 'uz'], {
      env: { ...env, ONEID_LANG: 'ru' },
    });
    assert.deepEqual([r.json.result.value, r.json.result.source], ['uz', 'flag']);
    r = await runCli(['config', 'unset', 'portal', '--json'], { env });
    assert.equal(r.json.result.removed, true);
    assert.equal(r.json.result.effective, 'http://127.0.0.1:8765');
  });

  it('keeps profiles apart', async () => {
    const env = { ONEID_CONFIG_DIR: tempConfigDir() };
    await runCli(['config', 'set', 'storage', 'file', '--profile', 'work'], { env });
    const work = await runCli(['config', 'list', '--json', '--profile', 'work'], { env });
    const def = await runCli(['config', 'list', '--json'], { env: { ...env } });
    const storage = (r: typeof work) =>
      r.json.result.settings.find((s: { key: string }) => s.key === 'storage');
    assert.deepEqual(storage(work), { key: 'storage', value: 'file', source: 'profile' });
    assert.deepEqual(storage(def), { key: 'storage', value: 'keychain', source: 'default' });
    assert.deepEqual(work.json.result.profiles, ['work']);
    const viaEnv = await runCli(['config', 'get', 'storage'], { env: { ...env, ONEID_PROFILE: 'work' } });
    assert.equal(viaEnv.stdout.trim(), 'file');
  });

  it('rejects bad values and loses nothing', async () => {
    const env = { ONEID_CONFIG_DIR: tempConfigDir() };
    await runCli(['config', 'set', 'portal', 'https://keep.example'], { env });
    const before = readFileSync(path.join(env.ONEID_CONFIG_DIR, 'config.json'), 'utf8');
    for (const [key, value] of [
      ['portal', 'ftp://x'],
      ['portal', 'not a url'],
      ['storage', 'cloud'],
      ['colour', 'red'],
    ]) {
      const r = await runCli(['config', 'set', key!, value!, '--json'], { env });
      assert.equal(r.code, 2, `${key}=${value}`);
    }
    assert.equal(readFileSync(path.join(env.ONEID_CONFIG_DIR, 'config.json'), 'utf8'), before);
  });

  it('reports a corrupt config file as a usage error with a hint', async () => {
    const env = { ONEID_CONFIG_DIR: tempConfigDir() };
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(env.ONEID_CONFIG_DIR, 'config.json'), '{nope');
    const r = await runCli(['config', 'list', '--json'], { env });
    assert.equal(r.code, 2);
    assert.equal(r.json.error.code, 'CONFIG_CORRUPT');
    assert.ok(r.json.error.hint);
  });

  it('explains exit codes and environment variables', async () => {
    const codes = await runCli(['help', 'exit-codes', '--json']);
    assert.deepEqual(
      codes.json.result.codes.map((c: { code: number }) => c.code),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 127, 130],
    );
    const env = await runCli(['help', 'environment', '--json'], { env: { ONEID_KEY_PASSWORD: 'hunter2!' } });
    assert.equal(env.code, 0);
    const names = env.json.result.variables.map((v: { name: string }) => v.name);
    assert.ok(names.includes('ONEID_TOKEN') && names.includes('ONEID_DEBUG'));
    assert.doesNotMatch(env.stdout + env.stderr, /hunter2/);
    // One registry: every variable the sources read is explained, and the README table says the same.
    const read = new Set<string>();
    for (const f of readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }))
      if (f.endsWith('.ts'))
        for (const m of readFileSync(path.join(ROOT, 'src', f), 'utf8').matchAll(/\bONEID_[A-Z_]+\b/g))
          read.add(m[0]);
    read.delete('ONEID_USER_SCHEMA'); // a constant's name, not a variable
    for (const name of read) assert.ok(names.includes(name), `${name} is read but not in help environment`);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const table = [...readme.matchAll(/^\| `([A-Z_]+)` \| (.*) \|$/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(
      table,
      env.json.result.variables.map((v: { name: string; meaning: string }) => [v.name, v.meaning]),
    );
  });

  it('reports an unknown command (plugin-not-found) with exit 127 and points to help', async () => {
    const r = await runCli(['confg', 'list']);
    assert.equal(r.code, 127);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /confg list is not a oneid command/);
    assert.match(r.stderr, /oneid help/);
  });
});
