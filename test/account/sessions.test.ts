// `oneid login` (password), `whoami` and `logout` against a sandbox (in-process; as processes where
// stdin, a missing keychain or a vanishing portal is the point), with the session in each store:
// the 0600 file (--insecure-storage or the profile), the OS keychain (under
// scripts/with-keyring.sh; skipped with the reason otherwise), and ONEID_TOKEN.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { probeKeychain } from '../../src/lib/session/index.js';
import { tempConfigDir } from '../helpers/cli.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import {
  cli,
  inProcess,
  freshLogin,
  freshPhone,
  PASSWORD,
  People,
  registry,
  secretFile,
  type Person,
} from './helpers.js';

/** Register through the portal API (the CLI wizard has its own tests). */
async function registerByApi(sb: SandboxHandle, p: Person, login: string): Promise<void> {
  const start = await sb.request('POST', '/api/v1/registrations', { acceptOffer: true });
  const id = start.body.id as string;
  assert.equal(
    (
      await sb.request('POST', `/api/v1/registrations/${id}/identity`, {
        pinfl: p.pinfl,
        passport: p.passport,
      })
    ).status,
    200,
  );
  assert.equal(
    (await sb.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: true })).status,
    200,
  );
  const phone = freshPhone();
  const c = await sb.request('POST', `/api/v1/registrations/${id}/contacts`, {
    login,
    password: PASSWORD,
    email: `${login}@example.uz`,
    phone,
  });
  assert.equal(c.status, 200, JSON.stringify(c.body));
  const done = await sb.request('POST', `/api/v1/registrations/${id}/complete`, {
    code: await sb.lastSmsCode(phone),
  });
  assert.equal(done.status, 201, JSON.stringify(done.body));
}

describe('account: login, whoami, logout (CLI, every session store)', function () {
  let sb: SandboxHandle;
  let people: People;
  const passwordFile = secretFile(PASSWORD);
  let login: string;
  let person: Person;
  /** One user's environment: portal and config dir shared by the runs of a test. */
  const user = (extra: Record<string, string | undefined> = {}) => ({
    ONEID_PORTAL: sb.url,
    ONEID_CONFIG_DIR: tempConfigDir(),
    ...extra,
  });

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true });
    people = new People(await registry(sb));
    person = people.citizen();
    login = freshLogin('sess');
    await registerByApi(sb, person, login);
  });
  after(async () => sb?.stop());

  it('file store (--insecure-storage): login, whoami says "file" every time, the file is 0600, logout ends it', async () => {
    const env = user();
    const li = await inProcess(
      ['login', login, '--password-file', passwordFile, '--insecure-storage', '--json'],
      {
        env,
      },
    );
    assert.equal(li.code, 0, li.stdout + li.stderr);
    assert.equal(li.json.result.storage, 'file');
    assert.equal(li.json.result.method, 'password');
    assert.deepEqual(li.json.result.role, { type: 'individual' });
    assert.equal(li.json.result.roleChosenBy, 'only');
    assert.equal(li.json.result.accountStatus, 'unverified');
    assert.ok(li.json.warnings.some((w: string) => /insecure storage/.test(w)));
    assert.ok(!li.stdout.includes(PASSWORD));
    const file = path.join(env.ONEID_CONFIG_DIR, 'sessions.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);

    const [who, full] = await Promise.all([
      inProcess(['whoami', '--insecure-storage'], { env }),
      inProcess(['whoami', '--insecure-storage', '--show-pinfl', '--json'], { env }),
    ]);
    assert.equal(who.code, 0, who.stderr);
    assert.match(who.stdout, new RegExp(`Login\\s+${login}`));
    assert.match(who.stdout, /Session from\s+file \(insecure storage\)/);
    assert.match(who.stdout, /Account status\s+unverified/);
    assert.match(
      who.stdout,
      new RegExp(`PINFL\\s+${person.pinfl.slice(0, 2)}\\*{10}${person.pinfl.slice(-2)}`),
    );
    assert.match(who.stderr, /Warning: .*insecure storage/);
    assert.match(who.stderr, /oneid verify-account/);

    assert.equal(full.json.result.pinfl, person.pinfl);
    assert.equal(full.json.result.source, 'file');
    assert.equal(full.json.result.authMethod, 'LOGINPASSMETHOD');

    const out = await inProcess(['logout', '--insecure-storage', '--json'], { env });
    assert.equal(out.code, 0, out.stderr);
    assert.deepEqual(out.json.result.loggedOut, [
      { portal: new URL(sb.url).host, endedOnPortal: true, login, profile: 'default' },
    ]);
    const after = await inProcess(['whoami', '--insecure-storage', '--json'], { env });
    assert.equal(after.code, 3);
    assert.equal(after.json.error.code, 'NOT_LOGGED_IN');
    const again = await inProcess(['logout', '--insecure-storage'], { env });
    assert.equal(again.code, 0);
    assert.match(again.stderr, /You were not logged in/);
  });

  it('the profile setting storage=file works like --insecure-storage', async () => {
    const env = user();
    assert.equal((await inProcess(['config', 'set', 'storage', 'file'], { env })).code, 0);
    const li = await inProcess(['login', login, '--password-file', passwordFile, '--json'], { env });
    assert.equal(li.code, 0, li.stdout);
    assert.equal(li.json.result.storage, 'file');
    const who = await inProcess(['whoami', '--json'], { env });
    assert.equal(who.json.result.source, 'file');
  });

  it('wrong password: exit 3, INVALID_CREDENTIALS, translated; password from stdin and ONEID_PASSWORD work', async () => {
    const [bad, viaStdin, viaEnv, noLogin] = await Promise.all([
      cli(['login', login, '--password-stdin', '--insecure-storage', '--lang', 'ru'], {
        env: user(),
        feed: async () => 'Wrong-pass1\n',
      }),
      cli(['login', login, '--password-stdin', '--insecure-storage'], {
        env: user(),
        feed: async () => `${PASSWORD}\n`,
      }),
      cli(['login', login, '--insecure-storage'], { env: user({ ONEID_PASSWORD: PASSWORD }) }),
      cli(['login', '--insecure-storage'], { env: user({ ONEID_PASSWORD: PASSWORD }) }),
    ]);
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /Неверный логин или пароль/);
    assert.equal(viaStdin.code, 0, viaStdin.stderr);
    assert.equal(viaEnv.code, 0, viaEnv.stderr);
    assert.equal(noLogin.code, 2);
    // There is no --login flag: the message shows where the login goes.
    assert.doesNotMatch(noLogin.stderr, /--login/);
    assert.match(noLogin.stderr, /give LOGIN as an argument \(oneid login LOGIN\)/);
  });

  it('no keychain: login without --insecure-storage is exit 9 saying what to do; nobody logged in is exit 3 (logout 0) with a warning', async () => {
    const env = user({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    const r = await cli(['login', login, '--password-file', passwordFile, '--json'], { env });
    assert.equal(r.code, 9, r.stdout);
    assert.match(r.json.error.hint, /--insecure-storage/);
    const [who, le, out] = await Promise.all([
      cli(['whoami', '--json'], { env }),
      cli(['le', 'list'], { env }),
      cli(['logout'], { env }),
    ]);
    assert.equal(who.code, 3, who.stdout);
    assert.equal(who.json.error.code, 'NOT_LOGGED_IN');
    assert.ok(who.json.warnings.some((w: string) => /keychain could not be reached/.test(w)));
    assert.equal(le.code, 3, le.stderr);
    assert.match(le.stderr, /Warning: The OS keychain could not be reached/);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stderr, /You were not logged in/);
  });

  it('a session kept in the file is found without --insecure-storage, and whoami says where it is', async () => {
    const env = user({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    const li = await cli(['login', login, '--password-file', passwordFile, '--insecure-storage'], { env });
    assert.equal(li.code, 0, li.stderr);
    const who = await cli(['whoami', '--json'], { env });
    assert.equal(who.code, 0, who.stdout);
    assert.equal(who.json.result.source, 'file');
    assert.equal(who.json.result.login, login);
    const sw = await cli(['login', '--switch-role', '--role', 'individual', '--json'], { env });
    assert.equal(sw.code, 0, sw.stdout);
    const out = await cli(['logout', '--json'], { env });
    assert.equal(out.code, 0, out.stdout);
    assert.equal(out.json.result.loggedOut[0].login, login);
    assert.equal((await cli(['whoami', '--json'], { env })).code, 3);
  });

  it('ONEID_TOKEN: whoami reads it and says so; login refuses to replace it; logout ends it on the portal', async () => {
    const s = await sb.request('POST', '/api/v1/auth/login', { login, password: PASSWORD });
    const env = user({ ONEID_TOKEN: s.body.token });
    const [who, text, li] = await Promise.all([
      inProcess(['whoami', '--json'], { env }),
      inProcess(['whoami'], { env }),
      inProcess(['login', login, '--password-file', passwordFile], { env }),
    ]);
    assert.equal(who.code, 0, who.stdout);
    assert.equal(who.json.result.source, 'ONEID_TOKEN');
    assert.equal(who.json.result.login, login);
    assert.match(text.stdout, /Session from\s+ONEID_TOKEN environment variable/);
    assert.equal(li.code, 2);
    assert.match(li.stderr, /ONEID_TOKEN/);

    const out = await inProcess(['logout', '--json'], { env });
    assert.equal(out.code, 0, out.stdout);
    assert.equal(out.json.result.source, 'ONEID_TOKEN');
    assert.equal(out.json.result.loggedOut[0].endedOnPortal, true);
    assert.match((await inProcess(['logout'], { env })).stderr, /ONEID_TOKEN is still set/);
    const gone = await inProcess(['whoami', '--json'], { env });
    assert.equal(gone.code, 3);
    assert.equal(gone.json.error.code, 'UNAUTHENTICATED');
    assert.match(gone.json.error.hint, /oneid login/);
  });

  it('an expired session: exit 3, SESSION_EXPIRED, before asking the portal', async () => {
    const env = user();
    await sb.request('PATCH', '/api/v1/sandbox/settings', { sessionTtlSeconds: 1 });
    try {
      assert.equal(
        (await inProcess(['login', login, '--password-file', passwordFile, '--insecure-storage'], { env }))
          .code,
        0,
      );
    } finally {
      await sb.request('PATCH', '/api/v1/sandbox/settings', {
        sessionTtlSeconds: 8 * 3600,
        ipMaxSms: 1_000_000,
        ipMaxFailures: 1_000_000,
      });
    }
    await new Promise((r) => setTimeout(r, 1100));
    const who = await inProcess(['whoami', '--insecure-storage', '--json'], { env });
    assert.equal(who.code, 3);
    assert.equal(who.json.error.code, 'SESSION_EXPIRED');
  });

  it('a new login replaces the old session (ended on the portal); logout --all ends every profile', async () => {
    const env = user();
    const file = path.join(env.ONEID_CONFIG_DIR, 'sessions.json');
    const token = (profile: string): string =>
      JSON.parse(readFileSync(file, 'utf8')).sessions[new URL(sb.url).host][profile].token;
    const alive = async (t: string) =>
      (await sb.request('GET', '/api/v1/auth/session', undefined, { authorization: `Bearer ${t}` }))
        .status === 200;
    assert.equal(
      (await inProcess(['login', login, '--password-file', passwordFile, '--insecure-storage'], { env }))
        .code,
      0,
    );
    const old = token('default');
    assert.equal(
      (await inProcess(['login', login, '--password-file', passwordFile, '--insecure-storage'], { env }))
        .code,
      0,
    );
    assert.notEqual(token('default'), old);
    assert.equal(await alive(old), false, 'the replaced session was ended on the portal');
    const second = await inProcess(
      ['login', login, '--password-file', passwordFile, '--insecure-storage', '--profile', 'work'],
      { env },
    );
    assert.equal(second.code, 0);
    const tokens = [token('default'), token('work')];
    const out = await inProcess(['logout', '--all', '--insecure-storage', '--json'], { env });
    assert.equal(out.code, 0, out.stdout);
    assert.deepEqual(out.json.result.loggedOut.map((e: { profile: string }) => e.profile).sort(), [
      'default',
      'work',
    ]);
    for (const t of tokens) assert.equal(await alive(t), false);
    for (const profile of ['default', 'work'])
      assert.equal(
        (await inProcess(['whoami', '--insecure-storage', '--profile', profile], { env })).code,
        3,
      );
  });

  it('portal unreachable: whoami exits 7; logout still removes the session here and warns', async () => {
    // The portal is reached through a relay that is then shut: the same portal address stops answering.
    // (Processes: in-process runs would keep the relay's open keep-alive connections.)
    const relay = net.createServer((c) => {
      const up = net.connect(Number(new URL(sb.url).port), '127.0.0.1');
      c.pipe(up).pipe(c);
      c.on('error', () => up.destroy());
      up.on('error', () => c.destroy());
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const env = user({ ONEID_PORTAL: `http://127.0.0.1:${(relay.address() as net.AddressInfo).port}` });
    try {
      assert.equal(
        (await cli(['login', login, '--password-file', passwordFile, '--insecure-storage'], { env })).code,
        0,
      );
    } finally {
      relay.close();
      relay.unref();
    }
    const down = await cli(['whoami', '--insecure-storage', '--json'], { env });
    assert.equal(down.code, 7);
    assert.equal(down.json.error.code, 'PORTAL_UNREACHABLE');
    const out = await cli(['logout', '--insecure-storage', '--json'], { env });
    assert.equal(out.code, 0, out.stdout);
    assert.equal(out.json.result.loggedOut[0].endedOnPortal, false);
    assert.ok(out.json.warnings.some((w: string) => /could not be reached/.test(w)));
    assert.equal((await cli(['whoami', '--insecure-storage'], { env })).code, 3);
  });

  describe('keychain store (real Secret Service)', function () {
    before(async function () {
      const probe = await probeKeychain({ namespace: 'oneid-account-test-probe', timeoutMs: 2500 });
      if (!probe.available) {
        console.log(
          `      [keychain] not run: login/whoami/logout with the keychain — no usable keychain here (${probe.code}: ${probe.reason}). ` +
            'Run with: scripts/with-keyring.sh npx mocha test/account',
        );
        this.skip();
      }
    });

    it('keeps the session in the keychain: whoami says "keychain", logout removes it', async () => {
      const env = user();
      const li = await cli(['login', login, '--password-file', passwordFile, '--json'], { env });
      assert.equal(li.code, 0, li.stdout + li.stderr);
      assert.equal(li.json.result.storage, 'keychain');
      assert.equal(li.json.warnings.length, 0);
      const who = await cli(['whoami', '--json'], { env });
      assert.equal(who.code, 0, who.stdout);
      assert.equal(who.json.result.source, 'keychain');
      assert.ok(!existsSync(path.join(env.ONEID_CONFIG_DIR, 'sessions.json')), 'nothing went to the file');
      assert.equal((await cli(['logout'], { env })).code, 0);
      assert.equal((await cli(['whoami'], { env })).code, 3);
    });
  });
});
