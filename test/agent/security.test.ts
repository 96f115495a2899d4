// The security rules, each replayed as an attack on a real agent: wrong, missing and
// `null` Origins, a DNS-rebinding Host, an oversized message, a request flood from one site, a
// locked key, an expired unlock, a spent signature budget, a key unlocked for another site, and
// no key material (nor the password) in any reply.
import { strict as assert } from 'node:assert';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import WebSocket from 'ws';

import { PW } from '../keys/fixtures.js';
import { call, ORIGIN, rpc, startAgent, type AgentHandle, type CallOptions } from './helpers.js';

describe('agent: security rules', function () {
  this.timeout(60_000);
  let a: AgentHandle;
  const replies: string[] = [];
  const send = async (req: unknown, o: CallOptions = {}) => {
    const r = await rpc(a.ws, req, o);
    replies.push(JSON.stringify(r));
    return r;
  };
  before(async () => {
    a = await startAgent({
      args: ['--allow-origin', ORIGIN, '--max-message-size', '4096', '--rate-limit', '10'],
    });
  });
  after(async () => a?.stop());

  const keyId = async (file: string, origin = ORIGIN) => {
    const { certificates } = await send({ plugin: 'pfx', name: 'list_all_certificates' }, { origin });
    const c = certificates.find(
      (x: { name: string }) => x.name === path.basename(file).replace(/\.pfx$/i, ''),
    );
    return (
      await send(
        { plugin: 'pfx', name: 'load_key', arguments: [c.disk, c.path, c.name, c.alias] },
        { origin },
      )
    ).keyId as string;
  };
  const sign = (id: string, origin = ORIGIN) =>
    send({ plugin: 'pkcs7', name: 'create_pkcs7', arguments: ['aGVsbG8=', id, 'no'] }, { origin });
  const unlock = (file: string, ...more: string[]) =>
    a.cli(['agent', 'unlock', file, '--key-password-file', a.pwFile, ...more]);
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('refuses a socket without Origin, and one whose Host is not this loopback port (DNS rebinding)', async () => {
    await assert.rejects(call(a.ws, { name: 'version' }, { origin: null }), /HTTP 403/);
    await assert.rejects(
      call(a.ws, { name: 'version' }, { headers: { Host: `evil.example:${a.port}` } }),
      /HTTP 403/,
    );
    await assert.rejects(
      call(a.ws, { name: 'version' }, { headers: { Host: `127.0.0.1:${a.port + 1}` } }),
      /HTTP 403/,
    );
    await assert.rejects(call(a.ws.replace('/service/cryptapi', '/other'), { name: 'version' }), /HTTP 404/);
    for (const host of [`localhost:${a.port}`, `127.0.0.1:${a.port}`, `[::1]:${a.port}`])
      assert.equal((await send({ name: 'version' }, { headers: { Host: host } })).success, true, host);
  });

  it('answers a site never allowed only with how to allow it (no one to ask), and refuses a denied one at the handshake', async () => {
    const stranger = 'https://stranger.example.com';
    const r = await send({ plugin: 'pfx', name: 'list_all_certificates' }, { origin: stranger });
    assert.deepEqual(Object.keys(r).sort(), ['reason', 'success']);
    assert.equal(r.success, false);
    assert.match(r.reason, /oneid agent allow https:\/\/stranger\.example\.com/);
    assert.equal((await a.cli(['agent', 'deny', stranger])).code, 0);
    await assert.rejects(call(a.ws, { name: 'version' }, { origin: stranger }), /HTTP 403/);
    assert.equal((await a.cli(['agent', 'allow', stranger])).code, 0);
    assert.equal((await send({ name: 'version' }, { origin: stranger })).success, true);
  });

  it('serves pages opened from files (Origin: null) only once null itself is allowed', async () => {
    const before = await send({ name: 'version' }, { origin: 'null' });
    assert.equal(before.success, false);
    assert.match(before.reason, /oneid agent allow null/);
    assert.equal((await a.cli(['agent', 'allow', 'null'])).code, 0);
    assert.equal((await send({ name: 'version' }, { origin: 'null' })).success, true);
    assert.equal((await a.cli(['agent', 'deny', 'null'])).code, 0);
  });

  it('closes the socket on an oversized message (1009) and keeps serving', async () => {
    const big = JSON.stringify({ name: 'version', arguments: ['x'.repeat(8192)] });
    const { reply, closeCode } = await call(a.ws, big);
    assert.equal(reply, undefined);
    assert.equal(closeCode, 1009);
    assert.equal((await send({ name: 'version' })).success, true);
  });

  it('limits requests per site: a flood from one site is refused, another site is not affected', async () => {
    await pause(2100); // a full bucket
    const url = `${a.ws}?keepConnection=true`;
    const ws = new WebSocket(url, { origin: ORIGIN });
    await new Promise((r) => ws.once('open', r));
    const answers: Array<{ success: boolean; reason?: string }> = [];
    ws.on('message', (d: Buffer) => answers.push(JSON.parse(d.toString())));
    for (let i = 0; i < 60; i++) ws.send(JSON.stringify({ name: 'version' }));
    while (answers.length < 60) await pause(20);
    ws.close();
    const refused = answers.filter((x) => !x.success);
    assert.ok(refused.length >= 30, `${refused.length} refused`);
    assert.match(refused[0]!.reason!, /Too many requests/);
    assert.equal(answers.filter((x) => x.success).length <= 25, true);
    assert.equal((await a.cli(['agent', 'allow', 'https://calm.example.uz'])).code, 0);
    assert.equal((await send({ name: 'version' }, { origin: 'https://calm.example.uz' })).success, true);
    await pause(2100);
  });

  it('refuses a locked key with a reason naming `oneid agent unlock`, and signs once it is unlocked', async () => {
    const id = await keyId(a.stick.files.soon!);
    const r = await sign(id);
    assert.equal(r.success, false);
    assert.match(r.reason, /oneid agent unlock soon\.PFX --for 30m --origin https:\/\/site\.example\.uz/);
    const v = await send({ plugin: 'pfx', name: 'verify_password', arguments: [id] });
    assert.equal(v.success, false);
    assert.equal((await unlock(a.stick.files.soon!, '--for', '5m')).code, 0);
    assert.equal((await sign(id)).success, true);
    assert.equal((await a.cli(['agent', 'lock', a.stick.files.soon!])).code, 0);
    assert.equal((await sign(id)).success, false);
  });

  it('drops a key when its time is up', async () => {
    assert.equal((await unlock(a.stick.files.person!, '--for', '2s')).code, 0);
    const id = await keyId(a.stick.files.person!);
    assert.equal((await sign(id)).success, true);
    await pause(2300);
    const r = await sign(id);
    assert.equal(r.success, false);
    assert.match(r.reason, /locked/);
    const s = await a.cli(['agent', 'status', '--json']);
    assert.ok(!s.json.result.unlocked.some((k: { path: string }) => k.path === a.stick.files.person));
  });

  it('drops a key when its signature budget is spent', async () => {
    assert.equal((await unlock(a.stick.files.person!, '--for', '5m', '--max-signatures', '2')).code, 0);
    const id = await keyId(a.stick.files.person!);
    const results = await Promise.all([sign(id), sign(id), sign(id), sign(id)]);
    assert.equal(results.filter((r) => r.success).length, 2);
    assert.equal((await sign(id)).success, false);
  });

  it('keeps a key unlocked for one site from every other site', async () => {
    const other = 'https://other.example.uz';
    assert.equal((await a.cli(['agent', 'allow', other])).code, 0);
    assert.equal((await unlock(a.stick.files.company!, '--for', '5m', '--origin', other)).code, 0);
    const mine = await keyId(a.stick.files.company!);
    assert.equal((await sign(mine)).success, false);
    const theirs = await keyId(a.stick.files.company!, other);
    assert.equal((await sign(theirs, other)).success, true);
  });

  it('refuses a wrong password on unlock with exit 4 and keeps the key locked', async () => {
    const r = await a.cli(['agent', 'unlock', a.stick.files.gost!, '--json'], {
      env: { ONEID_KEY_PASSWORD: 'wrong' },
    });
    assert.equal(r.code, 4, r.stdout);
    assert.equal(r.json.error.code, 'KEY_PASSWORD');
    assert.ok(!r.stdout.includes('wrong'));
  });

  it('never returns key material or the password in any reply', () => {
    assert.ok(replies.length > 20, `${replies.length} replies`);
    const all = replies.join('\n');
    assert.ok(!all.includes(PW));
    for (const name of ['person', 'company', 'soon'] as const) {
      const jwk = (a.stick.keys[name]!.privateKey as KeyObject).export({ format: 'jwk' });
      for (const secret of [
        jwk.d!,
        Buffer.from(jwk.d!, 'base64url').toString('base64'),
        Buffer.from(jwk.d!, 'base64url').toString('hex'),
      ])
        assert.ok(!all.includes(secret), `${name}'s private key appears in a reply`);
    }
  });

  it('keeps its control socket readable only by the user (0600 in a 0700 folder)', () => {
    const sock = path.join(a.cfg, 'agent', 'run', 'control.sock');
    assert.equal(statSync(sock).mode & 0o777, 0o600);
    assert.equal(statSync(path.dirname(sock)).mode & 0o777, 0o700);
  });
});
