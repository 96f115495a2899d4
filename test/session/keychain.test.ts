// The keychain store against the real OS keychain: on Linux the Secret Service (gnome-keyring
// under D-Bus). Without a usable keychain these tests are skipped with the reason printed; run
// them with `scripts/with-keyring.sh npx mocha test/session`. The failure modes (no bus, a bus
// that never answers, a locked keyring) are produced for real and always tested where possible.
import { strict as assert } from 'node:assert';
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { StorageError } from '../../src/lib/errors/index.js';
import { t } from '../../src/lib/i18n/index.js';
import {
  KeychainSessionStore,
  LayeredSessionStore,
  openSessionStore,
  probeKeychain,
} from '../../src/lib/session/index.js';
import { withKeychain } from '../../src/lib/session/keychain-process.js';
import { ROOT } from '../helpers/cli.js';
import { rejection, sample } from './helpers.js';

const LINUX = process.platform === 'linux';
const WITH_KEYRING = path.join(ROOT, 'scripts', 'with-keyring.sh');

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function notRun(what: string, why: string): void {
  console.log(`      [keychain] not run: ${what} — ${why}`);
}

describe('session: keychain store (real OS keychain)', function () {
  // Each test's namespace keeps it away from real sessions and from other runs.
  const ns = `oneid-test-${randomBytes(4).toString('hex')}`;
  const store = new KeychainSessionStore({ namespace: ns });

  before(async function () {
    const probe = await probeKeychain({ namespace: ns, timeoutMs: 2500 });
    if (!probe.available) {
      notRun(
        'the keychain store tests (store/find/list/delete, shared records, damaged records)',
        `no usable keychain here (${probe.code}: ${probe.reason}). ` +
          'Run them with: scripts/with-keyring.sh npx mocha test/session',
      );
      this.skip();
    }
  });

  after(async function () {
    if (this.currentTest?.isPending() === false) await store.deleteAll().catch(() => {});
  });

  it('stores the record under service <ns>:<portal host>, account <login>, found by (portal, profile)', async () => {
    assert.equal(store.source, 'keychain');
    assert.equal(await store.get('127.0.0.1:8765', 'default'), undefined);
    await store.set('default', sample());
    const got = await store.get('http://127.0.0.1:8765', 'default');
    assert.deepEqual(got, { ...sample(), source: 'keychain', profile: 'default' });
    if (LINUX && has('secret-tool')) {
      // Read back by an independent client (libsecret) with keyring-rs's attribute names.
      const raw = execFileSync(
        'secret-tool',
        ['lookup', 'service', `${ns}:127.0.0.1:8765`, 'username', 'alisher.k'],
        {
          encoding: 'utf8',
        },
      );
      assert.equal(JSON.parse(raw).token, sample().token);
    }
    assert.equal(await store.delete('127.0.0.1:8765', 'default'), true);
    assert.equal(await store.get('127.0.0.1:8765', 'default'), undefined);
    assert.equal(await store.delete('127.0.0.1:8765', 'default'), false);
  });

  it('keeps profiles and portals apart; one login shares its record; a new login drops the old', async () => {
    await store.set('default', sample());
    await store.set('work', sample({ role: { type: 'legal', tin: '201234567', role: 'Common For Head' } }));
    await store.set('default', sample({ portal: 'https://id.gov.uz', login: 'alisher', token: 'gov' }));
    const a = await store.get('127.0.0.1:8765', 'default');
    const b = await store.get('127.0.0.1:8765', 'work');
    assert.equal(a?.source === 'keychain' && a.role.type, 'legal', 'same login: the newest record is shared');
    assert.equal(b?.source === 'keychain' && b.role.type, 'legal');
    assert.equal((await store.get('id.gov.uz', 'default'))?.token, 'gov');
    assert.equal((await store.list()).length, 3);

    // Logging one profile out keeps the record the other profile still uses.
    assert.equal(await store.delete('127.0.0.1:8765', 'work'), true);
    assert.equal((await store.get('127.0.0.1:8765', 'default'))?.token, sample().token);

    // Switching the profile to another login removes the first login's record.
    await store.set('default', sample({ login: 'bobur', token: 'bobur-token' }));
    assert.equal((await store.get('127.0.0.1:8765', 'default'))?.token, 'bobur-token');
    const old = await withKeychain(process.env, undefined, (k) =>
      k.call({ op: 'get', service: `${ns}:127.0.0.1:8765`, account: 'alisher.k' }),
    );
    assert.equal(old, null);

    assert.equal(await store.deleteAll(), 2);
    assert.deepEqual(await store.list(), []);
    const index = await withKeychain(process.env, undefined, (k) =>
      k.call({ op: 'get', service: ns, account: '@index' }),
    );
    assert.equal(index, null, 'the index is gone too');
  });

  it('keeps a path-prefixed portal apart (service <ns>:<host>/<prefix>), its full URL in the record; reads host-only records as URLs', async () => {
    await store.set('default', sample({ portal: 'https://id.gov.uz/oneid/', token: 'prefixed' }));
    await store.set('default', sample({ portal: 'https://id.gov.uz', token: 'root' }));
    const got = await store.get('https://id.gov.uz/oneid', 'default');
    assert.equal(got?.portal, 'https://id.gov.uz/oneid');
    assert.equal(got?.token, 'prefixed');
    assert.equal((await store.get('id.gov.uz', 'default'))?.token, 'root');
    const raw = await withKeychain(process.env, undefined, (k) =>
      k.call({ op: 'get', service: `${ns}:id.gov.uz/oneid`, account: 'alisher.k' }),
    );
    assert.equal(JSON.parse(String(raw)).portal, 'https://id.gov.uz/oneid');
    // A record written before URLs were kept: the host only, under the same service.
    await withKeychain(process.env, undefined, (k) =>
      k.call({
        op: 'set',
        service: `${ns}:id.gov.uz`,
        account: 'alisher.k',
        secret: JSON.stringify({ ...sample(), portal: 'id.gov.uz', token: 'old' }),
      }),
    );
    const old = await store.get('https://id.gov.uz', 'default');
    assert.equal(old?.portal, 'https://id.gov.uz');
    assert.equal(old?.token, 'old');
    assert.equal(await store.deleteAll(), 2);
  });

  it('reports a damaged record as SESSION_CORRUPT (exit 9)', async () => {
    await store.set('default', sample());
    await withKeychain(process.env, undefined, (k) =>
      k.call({ op: 'set', service: `${ns}:127.0.0.1:8765`, account: 'alisher.k', secret: '{"portal":' }),
    );
    const e = await rejection(store.get('127.0.0.1:8765', 'default'));
    assert.ok(e instanceof StorageError);
    assert.equal(e.code, 'SESSION_CORRUPT');
    assert.match(e.message, new RegExp(`keychain ${ns}:127\\.0\\.0\\.1:8765 / alisher\\.k is damaged`));
    assert.equal(await store.delete('127.0.0.1:8765', 'default'), true, 'logout removes it');
  });
});

describe('session: store choice', () => {
  it('openSessionStore reads the file and the keychain, and writes to the keychain by default', () => {
    const store = openSessionStore({ env: {} });
    assert.ok(store instanceof LayeredSessionStore);
    assert.equal(store.source, 'keychain');
    assert.equal(openSessionStore({ env: {}, mode: 'file' }).source, 'file');
  });
});

describe('session: keychain failures (produced for real)', function () {
  before(function () {
    if (!LINUX) {
      notRun('the keychain failure tests', 'they drive D-Bus and gnome-keyring, which exist on Linux only');
      this.skip();
    }
  });

  it('no D-Bus session → KEYCHAIN_UNAVAILABLE (exit 9) with a hint naming the fix', async () => {
    const env = {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(tmpdir(), 'oneid-no-such-bus')}`,
    };
    const store = new KeychainSessionStore({ env });
    const unavailable: string[] = [];
    const layered = openSessionStore({
      env,
      configDir: await fs.mkdtemp(path.join(tmpdir(), 'oneid-nobus-')),
      onKeychainUnavailable: (e) => unavailable.push(e.code),
    });
    // Reading through the command's store: nobody is logged in, and the warning says why.
    assert.equal(await layered.get('127.0.0.1:8765', 'default'), undefined);
    assert.deepEqual(unavailable, ['KEYCHAIN_UNAVAILABLE']);
    // Storing a session there, or asking the keychain itself, is the error with the fix.
    assert.equal((await rejection(layered.set('default', sample()))).code, 'KEYCHAIN_UNAVAILABLE');
    assert.equal((await rejection(layered.assertWritable!())).code, 'KEYCHAIN_UNAVAILABLE');
    for (const op of [() => store.get('127.0.0.1:8765', 'default'), () => store.set('default', sample())]) {
      const e = await rejection(op());
      assert.ok(e instanceof StorageError);
      assert.equal(e.code, 'KEYCHAIN_UNAVAILABLE');
      assert.match(e.message, /The OS keychain is not available: .*Failed to connect/);
      assert.equal(e.hintKey, 'session.hint.keychainUnavailable');
      assert.match(t(e.hintKey!, {}, 'en'), /--insecure-storage/);
      assert.match(t(e.key, e.params, 'ru'), /недоступно/);
    }
    const probe = await probeKeychain({ env });
    assert.equal(probe.available, false);
  });

  it('a bus that never answers → KEYCHAIN_LOCKED after the timeout, the blocked call killed', async () => {
    // Accepts connections and says nothing: libdbus then blocks inside the native call.
    const dir = await fs.mkdtemp(path.join(tmpdir(), 'oneid-silent-bus-'));
    const socket = path.join(dir, 'bus');
    const clients: net.Socket[] = [];
    const closed: Array<Promise<void>> = [];
    const server = net.createServer((c) => {
      clients.push(c);
      closed.push(new Promise((resolve) => c.on('close', () => resolve())));
      c.resume(); // read (and drop) whatever the client sends, so its hang-up is noticed
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${socket}` };
      const store = new KeychainSessionStore({ env, timeoutMs: 1500 });
      const e = await rejection(store.get('127.0.0.1:8765', 'default'));
      assert.equal(e.code, 'KEYCHAIN_LOCKED');
      assert.equal(e.key, 'session.error.keychainTimeout');
      assert.match(e.message, /did not answer within 1\.5 s/);
      assert.equal(e.hintKey, 'session.hint.keychainLocked');
      // The blocked child was killed: its end of the connection closes.
      assert.ok(clients.length > 0, 'the keychain process connected to the bus');
      await Promise.all(closed);
    } finally {
      for (const c of clients) c.destroy();
      server.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('a locked keyring → KEYCHAIN_LOCKED, within the timeout', async function () {
    const missing = ['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send'].filter((c) => !has(c));
    if (missing.length > 0) {
      notRun('the locked-keyring test', `needs ${missing.join(', ')} (apt-get install dbus gnome-keyring)`);
      this.skip();
    }
    const fixture = path.join(ROOT, 'test', 'session', 'fixtures', 'locked-keychain.ts');
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        WITH_KEYRING,
        [process.execPath, '--import', 'tsx', fixture],
        { cwd: ROOT, timeout: 30000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    const result = JSON.parse(out.trim().split('\n').pop()!) as Record<
      string,
      { code?: string; key?: string }
    >;
    for (const op of ['get', 'set']) {
      assert.equal(result[op]?.code, 'KEYCHAIN_LOCKED', `${op}: ${JSON.stringify(result[op])}`);
    }
  });
});
