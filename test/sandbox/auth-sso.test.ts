import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { bearer, login, PASSWORD, plainCitizens, register, registry, type Person } from './flows.js';

describe('sandbox: sessions, account, SSO, TSA, health, OpenAPI', function () {
  let sb: SandboxHandle;
  let p: Person;

  before(async () => {
    // ECDSA root: the TSA token is checked by plain OpenSSL below.
    sb = await startSandbox({
      settings: { loginMaxFailures: 3, ipMaxSms: 1_000_000 },
      caAlgorithm: 'ecdsa-p256',
    });
    p = plainCitizens(await registry(sb))[30]!;
    await register(sb, p, 'session.user');
  });
  after(async () => sb?.stop());

  it('GET /api/v1/health → {status: "ok", version}', async () => {
    const r = await sb.request('GET', '/api/v1/health');
    assert.deepEqual(Object.keys(r.body).sort(), ['status', 'version']);
    assert.equal(r.body.status, 'ok');
  });

  it('serves /openapi.json listing every /api/v1, E-IMZO and SSO path', async () => {
    const doc = (await sb.request('GET', '/openapi.json')).body;
    assert.equal(doc.openapi, '3.1.0');
    for (const p of [
      '/api/v1/account',
      '/api/v1/registrations/{id}/identity',
      '/backend/auth',
      '/sso/oauth/Authorization.do',
      '/api/v1/tsa',
    ]) {
      assert.ok(doc.paths[p], p);
    }
    assert.ok(doc.paths['/api/v1/account'].get.security);
  });

  it('unknown endpoints and bad JSON are 4xx JSON errors', async () => {
    const nf = await sb.request('GET', '/api/v1/nope');
    assert.equal(nf.status, 404);
    assert.equal(nf.body.code, 'NOT_FOUND');
    const bad = await sb.request('POST', '/api/v1/auth/login', '{"login":', {
      'content-type': 'application/json',
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.status, 400);
    const proto = await sb.request(
      'POST',
      '/api/v1/auth/login',
      '{"__proto__":{"x":1},"login":"a","password":"b"}',
      { 'content-type': 'application/json' },
    );
    assert.equal(proto.status, 400);
  });

  it('signs in, reads the account in the OneID vocabulary, logs out', async () => {
    const token = await login(sb, 'session.user');
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    const acc = await sb.request('GET', '/api/v1/account', undefined, bearer(token));
    assert.equal(acc.status, 200);
    const u = acc.body;
    assert.equal(u.pin, p.pinfl);
    assert.equal(u.user_id, 'session.user');
    assert.equal(u.sur_name, p.surname);
    assert.equal(u.first_name, p.first_name);
    assert.match(u.birth_date, /^\d{4}-\d\d-\d\d$/);
    assert.equal(u.valid, 'false');
    assert.equal(u.user_type, 'I');
    assert.equal(u.auth_method, 'LOGINPASSMETHOD');
    assert.deepEqual(u.legal_info, []);
    assert.equal(u.ret_cd, '0');
    const s = await sb.request('GET', '/api/v1/auth/session', undefined, bearer(token));
    assert.equal(s.body.authMethod, 'LOGINPASSMETHOD');
    const out = await sb.request('POST', '/api/v1/auth/logout', undefined, bearer(token));
    assert.equal(out.status, 200);
    const after = await sb.request('GET', '/api/v1/account', undefined, bearer(token));
    assert.equal(after.status, 401);
    assert.equal(after.body.code, 'UNAUTHENTICATED');
    assert.equal((await sb.request('GET', '/api/v1/account')).status, 401);
    assert.equal(
      (await sb.request('GET', '/api/v1/account', undefined, { authorization: 'Bearer ' + 'A'.repeat(43) }))
        .status,
      401,
    );
    assert.equal(
      (
        await sb.request(
          'POST',
          '/api/v1/auth/role',
          { role: '299999999' },
          bearer(await login(sb, 'session.user')),
        )
      ).body.code,
      'ROLE_NOT_AVAILABLE',
    );
  });

  it('wrong passwords: INVALID_CREDENTIALS, then ACCOUNT_LOCKED with Retry-After (also for the right one)', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await sb.request('POST', '/api/v1/auth/login', {
        login: 'session.user',
        password: 'Wrong-pass1',
      });
      assert.equal(r.status, 401);
      assert.equal(r.body.code, 'INVALID_CREDENTIALS');
    }
    const locked = await sb.request('POST', '/api/v1/auth/login', {
      login: 'session.user',
      password: PASSWORD,
    });
    assert.equal(locked.status, 429);
    assert.equal(locked.body.code, 'ACCOUNT_LOCKED');
    assert.ok(locked.body.retryAfter > 0);
    const unknown = await sb.request('POST', '/api/v1/auth/login', {
      login: 'nobody.here',
      password: PASSWORD,
    });
    assert.equal(unknown.body.code, 'INVALID_CREDENTIALS');
    await sb.request('PATCH', '/api/v1/sandbox/settings', { loginMaxFailures: 3 }); // resets the limiter
  });

  it('too many failures from one address lock the address (IP_LOCKED)', async () => {
    await sb.request('PATCH', '/api/v1/sandbox/settings', { ipMaxFailures: 3, loginMaxFailures: 100 });
    try {
      for (let i = 0; i < 3; i++) {
        const r = await sb.request('POST', '/api/v1/auth/login', {
          login: `someone${i}`,
          password: 'Wrong-pass1',
        });
        assert.equal(r.body.code, 'INVALID_CREDENTIALS');
      }
      const locked = await sb.request('POST', '/api/v1/auth/login', {
        login: 'session.user',
        password: PASSWORD,
      });
      assert.equal(locked.status, 429);
      assert.equal(locked.body.code, 'IP_LOCKED');
    } finally {
      await sb.request('PATCH', '/api/v1/sandbox/settings', { ipMaxFailures: 100, loginMaxFailures: 3 });
    }
  });

  describe('OneID SSO (/sso/oauth/Authorization.do)', () => {
    let secret: string;
    const redirect = 'https://service.example.uz/callback';
    before(async () => {
      const r = await sb.request('POST', '/api/v1/sandbox/sso-clients', {
        clientId: 'my_service',
        redirectUris: [redirect],
        scope: 'my_service',
      });
      assert.equal(r.status, 201);
      secret = r.body.clientSecret;
      assert.equal(
        (
          await sb.request('POST', '/api/v1/sandbox/sso-clients', {
            clientId: 'my_service',
            redirectUris: [redirect],
          })
        ).body.code,
        'CLIENT_EXISTS',
      );
    });

    it('one_code → one_authorization_code → one_access_token_identify → one_log_out', async () => {
      const token = await login(sb, 'session.user');
      const q = new URLSearchParams({
        response_type: 'one_code',
        client_id: 'my_service',
        redirect_uri: redirect,
        scope: 'my_service',
        state: 'xyz',
      });
      const res = await fetch(`${sb.url}/sso/oauth/Authorization.do?${q}`, {
        headers: bearer(token),
        redirect: 'manual',
      });
      assert.equal(res.status, 302);
      const loc = new URL(res.headers.get('location')!);
      assert.equal(loc.searchParams.get('state'), 'xyz');
      const code = loc.searchParams.get('code')!;
      const form = (o: Record<string, string>) => ({
        body: new URLSearchParams(o).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const post = async (o: Record<string, string>) => {
        const f = form(o);
        return sb.request('POST', '/sso/oauth/Authorization.do', f.body, f.headers);
      };
      const wrongSecret = await post({
        grant_type: 'one_authorization_code',
        client_id: 'my_service',
        client_secret: 'nope',
        code,
        redirect_uri: redirect,
      });
      assert.equal(wrongSecret.status, 401);
      assert.equal(wrongSecret.body.code, 'INVALID_CLIENT');
      const tok = await post({
        grant_type: 'one_authorization_code',
        client_id: 'my_service',
        client_secret: secret,
        code,
        redirect_uri: redirect,
      });
      assert.equal(tok.status, 200, JSON.stringify(tok.body));
      assert.deepEqual(Object.keys(tok.body).sort(), [
        'access_token',
        'expires_in',
        'refresh_token',
        'scope',
        'token_type',
      ]);
      const reuse = await post({
        grant_type: 'one_authorization_code',
        client_id: 'my_service',
        client_secret: secret,
        code,
        redirect_uri: redirect,
      });
      assert.equal(reuse.body.code, 'INVALID_GRANT');
      // Parameters in the query string work as well.
      const idq = new URLSearchParams({
        grant_type: 'one_access_token_identify',
        client_id: 'my_service',
        client_secret: secret,
        access_token: tok.body.access_token,
        scope: 'my_service',
      });
      const user = await sb.request('POST', `/sso/oauth/Authorization.do?${idq}`);
      assert.equal(user.status, 200);
      assert.equal(user.body.pin, p.pinfl);
      assert.equal(user.body.valid, 'false');
      assert.ok(user.body.sess_id);
      const out = await post({
        grant_type: 'one_log_out',
        client_id: 'my_service',
        client_secret: secret,
        access_token: tok.body.access_token,
        scope: 'my_service',
      });
      assert.deepEqual(out.body, { ret_cd: '0' });
      const gone = await sb.request('POST', `/sso/oauth/Authorization.do?${idq}`);
      assert.equal(gone.status, 401);
      assert.equal(gone.body.code, 'INVALID_TOKEN');
    });

    it('refuses unknown clients, unregistered redirect URIs, missing sessions and grant types', async () => {
      const base = { response_type: 'one_code', client_id: 'my_service', redirect_uri: redirect };
      const get = (o: Record<string, string>, h: Record<string, string> = {}) =>
        sb.request('GET', `/sso/oauth/Authorization.do?${new URLSearchParams(o)}`, undefined, h);
      assert.equal((await get({ ...base, client_id: 'other' })).body.code, 'INVALID_CLIENT');
      assert.equal(
        (await get({ ...base, redirect_uri: 'https://evil.example/cb' })).body.code,
        'INVALID_REDIRECT_URI',
      );
      assert.equal((await get(base)).status, 401);
      assert.equal((await get({ ...base, response_type: 'code' })).body.code, 'UNSUPPORTED_RESPONSE_TYPE');
      assert.equal((await get({ grant_type: 'password' })).body.code, 'UNSUPPORTED_GRANT_TYPE');
      assert.equal(
        (await get({ grant_type: 'one_log_out', client_id: 'my_service' })).body.code,
        'INVALID_CLIENT',
      );
      assert.equal((await get({ bogus: '1' })).status, 400);
    });
  });

  it('the TSA answers OpenSSL time-stamp queries (RFC 3161), verifiable against the CA', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oneid-tsa-'));
    writeFileSync(path.join(dir, 'data.txt'), 'time-stamp this');
    execFileSync(
      'openssl',
      [
        'ts',
        '-query',
        '-data',
        path.join(dir, 'data.txt'),
        '-sha256',
        '-cert',
        '-out',
        path.join(dir, 'q.tsq'),
      ],
      { stdio: 'pipe' },
    );
    const q = execFileSync('cat', [path.join(dir, 'q.tsq')]);
    const res = await fetch(`${sb.url}/api/v1/tsa`, {
      method: 'POST',
      body: q,
      headers: { 'content-type': 'application/timestamp-query' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/timestamp-reply');
    writeFileSync(path.join(dir, 'r.tsr'), Buffer.from(await res.arrayBuffer()));
    const certs = (await sb.request('GET', '/api/v1/ca/certificates')).body;
    writeFileSync(path.join(dir, 'ca.pem'), certs.pem);
    const out = execFileSync(
      'openssl',
      [
        'ts',
        '-verify',
        '-data',
        path.join(dir, 'data.txt'),
        '-in',
        path.join(dir, 'r.tsr'),
        '-CAfile',
        path.join(dir, 'ca.pem'),
      ],
      { stdio: 'pipe' },
    ).toString();
    assert.match(out, /Verification: OK/);
    // A request that is not DER gets a rejection (status 2), an empty body a 400.
    const junk = await fetch(`${sb.url}/api/v1/tsa`, {
      method: 'POST',
      body: 'junk',
      headers: { 'content-type': 'application/timestamp-query' },
    });
    assert.equal(junk.status, 200);
    const rej = Buffer.from(await junk.arrayBuffer());
    assert.deepEqual([...rej.subarray(0, 2)], [0x30, rej[1]]);
    assert.equal(rej[4], 0x02); // INTEGER status…
    assert.equal(rej[6], 2); // …= rejection
    const empty = await fetch(`${sb.url}/api/v1/tsa`, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
    });
    assert.equal(empty.status, 400);
  });
});
