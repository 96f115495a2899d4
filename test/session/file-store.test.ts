// The 0600 session file of --insecure-storage: permissions, atomic writes, damaged files.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { promises as fs, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { StorageError } from '../../src/lib/errors/index.js';
import { t } from '../../src/lib/i18n/index.js';
import { FileSessionStore, openSessionStore, SESSIONS_FILE } from '../../src/lib/session/index.js';
import { rejection, sample } from './helpers.js';

const POSIX = process.platform !== 'win32';
const mode = (p: string) => statSync(p).mode & 0o777;

describe('session: file store (--insecure-storage)', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'oneid-session-file-'));
    file = path.join(dir, 'config', SESSIONS_FILE);
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('stores, finds, lists and deletes sessions by (portal host, profile)', async () => {
    const store = new FileSessionStore(file);
    assert.equal(store.source, 'file');
    assert.equal(await store.get('127.0.0.1:8765', 'default'), undefined, 'no file yet');
    await store.set('default', sample());
    await store.set(
      'work',
      sample({ login: 'bobur', role: { type: 'legal', tin: '201234567', role: 'Common For Head' } }),
    );
    await store.set('default', sample({ portal: 'https://id.gov.uz/', login: 'alisher' }));

    const got = await store.get('http://127.0.0.1:8765/', 'default');
    assert.deepEqual(got, { ...sample(), source: 'file', profile: 'default' });
    assert.equal(
      await store.get('http://127.0.0.1:8765/oneid', 'default'),
      undefined,
      'a path prefix is another portal',
    );
    assert.deepEqual((await store.get('127.0.0.1:8765', 'work'))?.source, 'file');
    assert.equal((await store.get('ID.GOV.UZ', 'default')) && 'found', 'found', 'host is case-insensitive');
    assert.equal(await store.get('127.0.0.1:9999', 'default'), undefined, 'the port is part of the key');
    assert.equal((await store.list()).length, 3);

    assert.equal(await store.delete('127.0.0.1:8765', 'work'), true);
    assert.equal(await store.delete('127.0.0.1:8765', 'work'), false);
    assert.equal(await store.deleteAll(), 2);
    assert.equal(await store.deleteAll(), 0);
    await assert.rejects(fs.stat(file), { code: 'ENOENT' });
  });

  it('keeps the full portal URL with its path prefix, stored under host and prefix', async () => {
    const store = new FileSessionStore(file);
    await store.set('default', sample({ portal: 'https://ID.gov.uz/oneid/', token: 'prefixed' }));
    await store.set('default', sample({ portal: 'https://id.gov.uz', token: 'root' }));
    const onDisk = JSON.parse(readFileSync(file, 'utf8')).sessions;
    assert.deepEqual(Object.keys(onDisk).sort(), ['id.gov.uz', 'id.gov.uz/oneid']);
    assert.equal(onDisk['id.gov.uz/oneid'].default.portal, 'https://id.gov.uz/oneid');
    const prefixed = await store.get('https://id.gov.uz/oneid', 'default');
    assert.equal(prefixed?.portal, 'https://id.gov.uz/oneid');
    assert.equal(prefixed?.token, 'prefixed');
    assert.equal((await store.get('id.gov.uz/oneid', 'default'))?.token, 'prefixed', 'found by its key too');
    assert.equal((await store.get('https://id.gov.uz/', 'default'))?.token, 'root');
    assert.deepEqual((await store.list()).map((x) => x.portal).sort(), [
      'https://id.gov.uz',
      'https://id.gov.uz/oneid',
    ]);
    assert.equal(await store.delete('https://id.gov.uz/oneid/', 'default'), true);
    assert.equal((await store.get('https://id.gov.uz', 'default'))?.token, 'root');
  });

  it('reads records of older versions (host only) as http://loopback or https://host, under the same key', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const old = (portal: string) => ({ ...sample(), portal });
    const sessions = {
      '127.0.0.1:8765': { default: old('127.0.0.1:8765') },
      'id.gov.uz': { default: old('id.gov.uz') },
    };
    await fs.writeFile(file, JSON.stringify({ version: 1, sessions }), { mode: 0o600 });
    const store = new FileSessionStore(file);
    assert.equal((await store.get('http://127.0.0.1:8765', 'default'))?.portal, 'http://127.0.0.1:8765');
    assert.equal((await store.get('https://id.gov.uz/', 'default'))?.portal, 'https://id.gov.uz');
    // Rewritten records keep the URL; the key stays the host.
    await store.set('default', old('id.gov.uz'));
    const onDisk = JSON.parse(readFileSync(file, 'utf8')).sessions;
    assert.equal(onDisk['id.gov.uz'].default.portal, 'https://id.gov.uz');
  });

  it('writes the file 0600 in a 0700 folder, leaving no temp files', async function () {
    if (!POSIX) this.skip();
    const store = new FileSessionStore(file);
    await store.set('default', sample());
    assert.equal(mode(file), 0o600);
    assert.equal(mode(path.dirname(file)), 0o700);
    await store.set('default', sample({ token: 'second' }));
    assert.deepEqual(await fs.readdir(path.dirname(file)), [SESSIONS_FILE]);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).version, 1);
  });

  it('is never seen half-written: a reader in another process always finds whole JSON', async () => {
    const store = new FileSessionStore(file);
    await store.set('default', sample());
    // A separate process reads the file in a tight loop while this one rewrites it.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); let n = 0, bad = 0;
         const end = Date.now() + 1500;
         while (Date.now() < end) { try { JSON.parse(fs.readFileSync(process.argv[1], 'utf8')); n++; }
           catch (e) { if (e.code !== 'ENOENT') bad++; } }
         console.log(JSON.stringify({ n, bad }));`,
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    reader.stdout.on('data', (c) => (out += c));
    const done = new Promise((resolve) => reader.on('exit', resolve));
    let writes = 0;
    while (reader.exitCode === null && writes < 2000) {
      await store.set('default', sample({ token: `tok-${writes}-${'x'.repeat(writes % 4000)}` }));
      writes++;
    }
    await done;
    const { n, bad } = JSON.parse(out) as { n: number; bad: number };
    assert.ok(n > 0 && writes > 10, `reads ${n}, writes ${writes}`);
    assert.equal(bad, 0, `${bad} of ${n} reads saw a torn file during ${writes} writes`);
  });

  it('refuses a file that others can read, and repairs it on logout', async function () {
    if (!POSIX) this.skip();
    const store = new FileSessionStore(file);
    await store.set('default', sample());
    await store.set('work', sample());
    await fs.chmod(file, 0o644);
    for (const op of [
      () => store.get('127.0.0.1:8765', 'default'),
      () => store.list(),
      () => store.set('x', sample()),
    ]) {
      const e = await rejection(op());
      assert.ok(e instanceof StorageError);
      assert.equal(e.code, 'SESSION_FILE_PERMISSIONS');
      assert.equal(e.params.mode, '0644');
      assert.match(e.message, /can be read by other users \(mode 0644\)/);
      assert.match(t(e.hintKey!, e.hintParams, 'en'), /chmod 600 .*sessions\.json/);
      assert.match(t(e.key, e.params, 'ru'), /доступен для чтения другим пользователям/);
    }
    assert.equal(await store.delete('127.0.0.1:8765', 'work'), true, 'logout still works');
    assert.equal(mode(file), 0o600, 'and leaves the file 0600');
    const kept = await store.get('127.0.0.1:8765', 'default');
    assert.equal(kept?.source === 'file' && kept.login, 'alisher.k');
  });

  it('refuses a file owned by another user', async function () {
    if (!POSIX || process.getuid?.() !== 0) {
      console.log('      (not run: needs root to give the file to another user)');
      this.skip();
    }
    const store = new FileSessionStore(file);
    await store.set('default', sample());
    await fs.chown(file, 4242, 4242);
    assert.equal((await rejection(store.get('127.0.0.1:8765', 'default'))).code, 'SESSION_FILE_OWNER');
  });

  it('reports a damaged file as a typed storage error (exit 9), and logout --all removes it', async () => {
    const store = new FileSessionStore(file);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const damaged = [
      '{"version":1,"sessions":{"h":{"p":{"portal":"h"',
      'null',
      '[]',
      '{"version":2,"sessions":{}}',
      '{"version":1,"sessions":{"h":{"p":{"portal":"h","login":"a","role":{"type":"individual"},"expiresAt":"x","createdAt":"y"}}}}',
      '{"version":1,"sessions":{"h":{"p":{"portal":"h","login":"a","token":"t","role":{"type":"legal"},"expiresAt":"x","createdAt":"y"}}}}',
      '{"version":1,"sessions":{"h":7}}',
    ];
    for (const text of damaged) {
      await fs.writeFile(file, text, { mode: 0o600 });
      const e = await rejection(store.get('h', 'p'));
      assert.ok(e instanceof StorageError, text);
      assert.equal(e.code, 'SESSION_CORRUPT', text);
      assert.match(e.message, /sessions\.json is damaged/);
      assert.equal(e.hintKey, 'session.hint.corrupt');
    }
    assert.equal(await store.deleteAll(), 0);
    await assert.rejects(fs.stat(file), { code: 'ENOENT' });
  });

  it('does not follow a symlink planted in place of the file', async function () {
    if (!POSIX) this.skip();
    const store = new FileSessionStore(file);
    await store.set('default', sample());
    const elsewhere = path.join(dir, 'elsewhere.json');
    await fs.rename(file, elsewhere);
    await fs.symlink(elsewhere, file);
    assert.equal((await rejection(store.get('127.0.0.1:8765', 'default'))).code, 'SESSION_FILE_IO');
  });

  it('fails cleanly when the path is not a regular file, leaving no temp file', async () => {
    await fs.mkdir(file, { recursive: true }); // a folder where the file should be
    const store = new FileSessionStore(file);
    const e = await rejection(store.set('default', sample()));
    assert.equal(e.code, 'SESSION_FILE_IO');
    assert.deepEqual(await fs.readdir(path.dirname(file)), [SESSIONS_FILE]);
  });

  it('refuses to store an incomplete record', async () => {
    const store = new FileSessionStore(file);
    const e = await rejection(store.set('default', { ...sample(), token: '' }));
    assert.equal(e.code, 'SESSION_INVALID');
    await assert.rejects(fs.stat(file), { code: 'ENOENT' });
  });

  it('is where openSessionStore writes in file mode, in ONEID_CONFIG_DIR or the given folder', async () => {
    const viaEnv = openSessionStore({ mode: 'file', env: { ONEID_CONFIG_DIR: path.join(dir, 'cfg') } });
    assert.equal(viaEnv.source, 'file');
    await viaEnv.set('default', sample());
    const inFile = new FileSessionStore(path.join(dir, 'cfg', SESSIONS_FILE));
    assert.equal((await inFile.get('127.0.0.1:8765', 'default'))?.token, sample().token);
    assert.equal((await viaEnv.get('127.0.0.1:8765', 'default'))?.token, sample().token);
    const given = openSessionStore({ mode: 'file', env: {}, configDir: path.join(dir, 'other') });
    await given.set('default', sample());
    assert.equal((await fs.stat(path.join(dir, 'other', SESSIONS_FILE))).mode & 0o777, 0o600);
  });
});
