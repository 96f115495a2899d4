/**
 * Issue 13, OneID single sign-on: redirect_uri at the code exchange (RFC 6749 §4.1.3), which
 * redirect URIs a client may register, a bad registered URI never yielding a code row or a 500,
 * and a portal logout revoking the SSO tokens issued from that session.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { bearer, login, plainCitizens, register, registry } from '../sandbox/flows.js';

const REDIRECT = 'https://service.example.uz/callback';

describe('security: OneID SSO (issue 13)', function () {
  this.timeout(60_000);
  let sb: SandboxHandle;
  let secret: string;

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true });
    await register(sb, plainCitizens(await registry(sb))[0]!, 'sso.user');
    const r = await sb.request('POST', '/api/v1/sandbox/sso-clients', {
      clientId: 'sec_service',
      redirectUris: [REDIRECT, 'http://127.0.0.1:8080/cb', 'http://localhost/cb', 'http://[::1]:9/cb'],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    secret = r.body.clientSecret;
  });
  after(async () => sb?.stop());

  const authorize = async (token: string, clientId = 'sec_service', redirect = REDIRECT) => {
    const q = new URLSearchParams({
      response_type: 'one_code',
      client_id: clientId,
      redirect_uri: redirect,
      state: 's',
    });
    const res = await fetch(`${sb.url}/sso/oauth/Authorization.do?${q}`, {
      headers: bearer(token),
      redirect: 'manual',
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as any) : undefined,
      code: res.status === 302 ? new URL(res.headers.get('location')!).searchParams.get('code')! : undefined,
    };
  };
  const grant = (o: Record<string, string>) =>
    sb.request('POST', '/sso/oauth/Authorization.do', new URLSearchParams(o).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
  const exchange = (code: string, extra: Record<string, string> = { redirect_uri: REDIRECT }) =>
    grant({
      grant_type: 'one_authorization_code',
      client_id: 'sec_service',
      client_secret: secret,
      code,
      ...extra,
    });
  const identify = (accessToken: string) =>
    grant({
      grant_type: 'one_access_token_identify',
      client_id: 'sec_service',
      client_secret: secret,
      access_token: accessToken,
    });

  it('the code exchange requires the redirect_uri given at authorization, and the same one', async () => {
    const token = await login(sb, 'sso.user');
    const a = await authorize(token);
    assert.equal(a.status, 302);
    const missing = await exchange(a.code!, {});
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, 'INVALID_GRANT');
    assert.match(missing.body.message, /redirect_uri/);
    const other = await exchange(a.code!, { redirect_uri: 'http://127.0.0.1:8080/cb' });
    assert.equal(other.status, 400);
    assert.equal(other.body.code, 'INVALID_GRANT');
    // The refusals did not use the code up: the right exchange still works.
    const ok = await exchange(a.code!);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  for (const [uri, why] of [
    ['javascript:alert(document.cookie)', /scheme/],
    ['data:text/html,<script>alert(1)</script>', /scheme/],
    ['http://service.example.uz/cb', /http/],
    ['not a url', /absolute URL/],
    ['/relative/cb', /absolute URL/],
    ['https://service.example.uz/cb#frag', /fragment/],
    ['https://user:pass@service.example.uz/cb', /user info/],
  ] as const) {
    it(`refuses to register the redirect URI ${uri} (400 INVALID_REDIRECT_URI)`, async () => {
      const r = await sb.request('POST', '/api/v1/sandbox/sso-clients', {
        clientId: `bad_${Math.random().toString(36).slice(2, 10)}`,
        redirectUris: [REDIRECT, uri],
      });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.code, 'INVALID_REDIRECT_URI');
      assert.match(r.body.message, why);
      assert.equal(r.body.redirectUri, uri);
    });
  }

  it('accepts http redirects to this machine only (localhost, 127.0.0.1, [::1])', async () => {
    const token = await login(sb, 'sso.user');
    for (const uri of ['http://127.0.0.1:8080/cb', 'http://localhost/cb', 'http://[::1]:9/cb']) {
      const a = await authorize(token, 'sec_service', uri);
      assert.equal(a.status, 302, `${uri}: ${JSON.stringify(a.body)}`);
    }
  });

  it('a bad redirect URI registered before the checks: 400 at authorization, and no code row written', async () => {
    // An older data dir may hold such a client: write it the way an old sandbox did.
    const db = new Database(path.join(sb.dataDir, 'sandbox.db'));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare(
        'INSERT INTO sso_clients (client_id, secret_hash, name, redirect_uris, scope) VALUES (?, ?, ?, ?, ?)',
      ).run('legacy_bad', 'scrypt$x', 'legacy', JSON.stringify(['not a url', 'javascript:alert(1)']), 'x');
      const codes = (): number =>
        (db.prepare('SELECT count(*) AS n FROM sso_codes').get() as { n: number }).n;
      const before = codes();
      const token = await login(sb, 'sso.user');
      for (const uri of ['not a url', 'javascript:alert(1)']) {
        const a = await authorize(token, 'legacy_bad', uri);
        assert.equal(a.status, 400, `${uri}: ${a.status} ${JSON.stringify(a.body)}`);
        assert.equal(a.body.code, 'INVALID_REDIRECT_URI');
      }
      assert.equal(codes(), before);
    } finally {
      db.close();
    }
  });

  it('logging out of the portal revokes the SSO tokens and codes issued from that session', async () => {
    const token = await login(sb, 'sso.user');
    const other = await login(sb, 'sso.user');
    const a = await authorize(token);
    const tok = await exchange(a.code!);
    assert.equal(tok.status, 200);
    const pending = await authorize(token); // a code not yet exchanged
    const kept = await exchange((await authorize(other)).code!); // another session's token
    const id1 = await identify(tok.body.access_token);
    assert.equal(id1.status, 200);
    assert.ok(id1.body.sess_id);
    assert.equal((await sb.request('POST', '/api/v1/auth/logout', undefined, bearer(token))).status, 200);
    const gone = await identify(tok.body.access_token);
    assert.equal(gone.status, 401);
    assert.equal(gone.body.code, 'INVALID_TOKEN');
    const late = await exchange(pending.code!);
    assert.equal(late.status, 400);
    assert.equal(late.body.code, 'INVALID_GRANT');
    const still = await identify(kept.body.access_token);
    assert.equal(still.status, 200);
    assert.notEqual(still.body.sess_id, id1.body.sess_id);
  });
});
