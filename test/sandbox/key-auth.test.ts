import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPkcs10, generatePrivateKey, parseCertificate } from '../../src/lib/pki/index.js';
import { signFile } from '../../src/lib/sign/index.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import {
  applyForKey,
  bearer,
  freshPhone,
  login,
  opensslCsr,
  opensslSign,
  PASSWORD,
  plainCitizens,
  register,
  registry,
  signedChallenge,
  type Company,
  type KeyMaterial,
  type Person,
} from './flows.js';

describe('sandbox: keys — sign-in, verification, legal entities, E-IMZO-SERVER endpoints', function () {
  let sb: SandboxHandle;
  let people: Person[];
  let all: Person[];
  let company: Company;
  let director: Person;
  let personal: { key: KeyMaterial; pem: string; serial: string };
  let companyKey: { key: KeyMaterial; pem: string };
  let token: string;

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true, autoApproveMs: -1 });
    const reg = await registry(sb);
    people = plainCitizens(reg);
    all = reg.persons;
    company = reg.companies[1]!;
    director = all.find((p) => p.pinfl === company.director_pinfl)!;
    await register(sb, director, 'director.one');
    token = await login(sb, 'director.one');
    const k1 = opensslCsr('ec');
    const a1 = await applyForKey(
      sb,
      { type: 'individual', pinfl: director.pinfl, phone: director.phone },
      k1.csrPem,
    );
    personal = { key: k1, pem: a1.certificate.pem, serial: a1.certificate.serialNumber };
    const k2 = opensslCsr('ec');
    const a2 = await applyForKey(sb, { type: 'legal', tin: company.tin, phone: company.phone }, k2.csrPem);
    companyKey = { key: k2, pem: a2.certificate.pem };
  });
  after(async () => sb?.stop());

  it('the default CA is O‘z DSt 1092; a GOST key is certified and signs in through /backend/auth', async () => {
    const ca = parseCertificate(
      Buffer.from((await sb.request('GET', '/api/v1/ca/certificates')).body.ca, 'base64'),
    );
    assert.equal(ca.signatureAlgorithmOid, '1.2.860.3.15.1.1.2.2.2.2');
    const p = people[24]!;
    const privateKey = generatePrivateKey({ alg: 'ozdst', curve: 'A' });
    const csr = buildPkcs10({ subject: { CN: 'gost applicant' }, privateKey }).toString('base64');
    const a = await applyForKey(sb, { type: 'individual', pinfl: p.pinfl, phone: p.phone }, csr);
    const cert = parseCertificate(Buffer.from(a.certificate.certificate, 'base64'));
    assert.equal(cert.publicKeyAlgorithm.name, 'OZDST-1092');
    assert.equal(cert.identity.pinfl, p.pinfl);
    const view = (
      await sb.request('GET', `/api/v1/key-applications/${a.id}`, undefined, {
        'x-application-secret': a.secret,
      })
    ).body;
    assert.equal(view.keyAlgorithm, 'OZDST-1092');
    const dir = mkdtempSync(path.join(tmpdir(), 'oneid-gost-'));
    const input = path.join(dir, 'challenge.txt');
    writeFileSync(input, (await sb.request('GET', '/frontend/challenge')).body.challenge);
    const key = {
      privateKey,
      certificate: Buffer.from(a.certificate.certificate, 'base64'),
      chain: a.certificate.chain.map((c: string) => Buffer.from(c, 'base64')),
    };
    const signed = await signFile(input, { key, detached: false });
    const r = await sb.request('POST', '/backend/auth', readFileSync(signed.output).toString('base64'), {
      'content-type': 'text/plain',
    });
    assert.equal(r.body.status, 1, JSON.stringify(r.body));
    assert.equal(r.body.subjectCertificateInfo.subjectName['1.2.860.3.16.1.2'], p.pinfl);
  });

  describe('E-IMZO-SERVER compatible', () => {
    it('GET and POST /frontend/challenge give a uuid and ttl, never cached', async () => {
      for (const m of ['GET', 'POST']) {
        const res = await fetch(`${sb.url}/frontend/challenge`, { method: m });
        const body = (await res.json()) as { challenge: string; ttl: number; status: number };
        assert.match(body.challenge, /^[0-9a-f-]{36}$/);
        assert.equal(body.ttl, 120);
        assert.equal(body.status, 1);
        assert.equal(res.headers.get('cache-control'), 'no-store');
      }
    });

    it('/backend/auth: status 1 with subjectCertificateInfo; a replayed challenge is -20', async () => {
      const ch = (await sb.request('GET', '/frontend/challenge')).body.challenge;
      const p7 = opensslSign(personal.key, personal.pem, ch);
      // curl -d sends form-urlencoded: the body must still be read as raw base64.
      const r = await sb.request('POST', '/backend/auth', p7, {
        'content-type': 'application/x-www-form-urlencoded',
        'x-real-ip': '10.0.0.1',
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 1);
      const info = r.body.subjectCertificateInfo;
      assert.equal(info.serialNumber, personal.serial);
      assert.equal(info.subjectName['1.2.860.3.16.1.2'], director.pinfl);
      assert.match(info.validFrom, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      assert.match(info.X500Name, /CN=/);
      const replay = await sb.request('POST', '/backend/auth', p7, { 'content-type': 'text/plain' });
      assert.equal(replay.body.status, -20);
      assert.equal(replay.body.subjectCertificateInfo, null);
    });

    it('/backend/auth: a signature over something else than a challenge is -20; garbage is HTTP 400', async () => {
      const p7 = opensslSign(personal.key, personal.pem, 'not a challenge');
      assert.equal(
        (await sb.request('POST', '/backend/auth', p7, { 'content-type': 'text/plain' })).body.status,
        -20,
      );
      const bad = await sb.request('POST', '/backend/auth', 'this is not base64!', {
        'content-type': 'text/plain',
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'BAD_BASE64');
      const notCms = await sb.request('POST', '/backend/auth', Buffer.from('hello').toString('base64'), {
        'content-type': 'text/plain',
      });
      assert.equal(notCms.status, 400);
      assert.equal(notCms.body.code, 'PKCS7_MALFORMED');
    });

    it('/backend/pkcs7/verify/attached and /detached report each signer', async () => {
      const doc = 'Hujjat matni — document text';
      const attached = opensslSign(personal.key, personal.pem, doc);
      const a = await sb.request('POST', '/backend/pkcs7/verify/attached', attached, {
        'content-type': 'text/plain',
      });
      assert.equal(a.body.status, 1, JSON.stringify(a.body));
      const s = a.body.pkcs7Info.signers[0];
      assert.equal(s.verified, true);
      assert.equal(s.certificateVerified, true);
      assert.equal(s.certificateValidAtSigningTime, true);
      assert.equal(s.signerId.subjectSerialNumber, personal.serial);
      assert.equal(Buffer.from(a.body.pkcs7Info.documentBase64, 'base64').toString(), doc);
      const detached = opensslSign(personal.key, personal.pem, doc, true);
      const d = await sb.request(
        'POST',
        '/backend/pkcs7/verify/detached',
        `${Buffer.from(doc).toString('base64')}|${detached}`,
        { 'content-type': 'text/plain' },
      );
      assert.equal(d.body.status, 1, JSON.stringify(d.body));
      const changed = await sb.request(
        'POST',
        '/backend/pkcs7/verify/detached',
        `${Buffer.from(doc + '!').toString('base64')}|${detached}`,
        { 'content-type': 'text/plain' },
      );
      assert.equal(changed.body.status, -10);
      assert.equal(changed.body.pkcs7Info.signers[0].verified, false);
      const noBar = await sb.request('POST', '/backend/pkcs7/verify/detached', detached, {
        'content-type': 'text/plain',
      });
      assert.equal(noBar.status, 400);
      const detachedOnAttached = await sb.request('POST', '/backend/pkcs7/verify/attached', detached, {
        'content-type': 'text/plain',
      });
      assert.equal(detachedOnAttached.status, 400);
      assert.equal(detachedOnAttached.body.code, 'PKCS7_DETACHED');
    });

    it('/frontend/timestamp/pkcs7 adds a TSA token once; the verifier sees it', async () => {
      const signed = opensslSign(personal.key, personal.pem, 'timestamp me');
      const t = await sb.request('POST', '/frontend/timestamp/pkcs7', signed, {
        'content-type': 'text/plain',
      });
      assert.equal(t.body.status, 1, JSON.stringify(t.body));
      assert.equal(t.body.timestampedSignerList.length, 1);
      const again = await sb.request('POST', '/frontend/timestamp/pkcs7', t.body.pkcs7b64, {
        'content-type': 'text/plain',
      });
      assert.equal(again.body.timestampedSignerList.length, 0);
      const v = await sb.request('POST', '/backend/pkcs7/verify/attached', t.body.pkcs7b64, {
        'content-type': 'text/plain',
      });
      assert.equal(v.body.status, 1, JSON.stringify(v.body));
      assert.equal(v.body.pkcs7Info.signers[0].timeStampInfo.verified, true);
    });
  });

  describe('/api/v1 key flows', () => {
    it('key sign-in needs an account: NO_ACCOUNT_FOR_KEY', async () => {
      const p = people[20]!;
      const k = opensslCsr('ec');
      const a = await applyForKey(sb, { type: 'individual', pinfl: p.pinfl, phone: p.phone }, k.csrPem);
      const r = await sb.request('POST', '/api/v1/auth/key', {
        pkcs7: await signedChallenge(sb, k, a.certificate.pem),
      });
      assert.equal(r.status, 401);
      assert.equal(r.body.code, 'NO_ACCOUNT_FOR_KEY');
    });

    it('account verification: PINFL_MISMATCH with someone else’s key, then verified with one’s own', async () => {
      const acc0 = (await sb.request('GET', '/api/v1/account', undefined, bearer(token))).body;
      assert.equal(acc0.valid, 'false');
      const p = people[21]!;
      const k = opensslCsr('ec');
      const other = await applyForKey(sb, { type: 'individual', pinfl: p.pinfl, phone: p.phone }, k.csrPem);
      const wrong = await sb.request(
        'POST',
        '/api/v1/account/verify',
        { pkcs7: await signedChallenge(sb, k, other.certificate.pem) },
        bearer(token),
      );
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.code, 'PINFL_MISMATCH');
      const noAuth = await sb.request('POST', '/api/v1/account/verify', { pkcs7: 'AAAA' });
      assert.equal(noAuth.status, 401);
      const ok = await sb.request(
        'POST',
        '/api/v1/account/verify',
        { pkcs7: await signedChallenge(sb, personal.key, personal.pem) },
        bearer(token),
      );
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const acc = (await sb.request('GET', '/api/v1/account', undefined, bearer(token))).body;
      assert.equal(acc.valid, 'true');
      assert.deepEqual(acc.valid_methods, ['PKCSMETHOD']);
    });

    it('a reused challenge is CHALLENGE_INVALID; a tampered signature is SIGNATURE_INVALID', async () => {
      const p7 = await signedChallenge(sb, personal.key, personal.pem);
      assert.equal((await sb.request('POST', '/api/v1/auth/key', { pkcs7: p7 })).status, 200);
      const again = await sb.request('POST', '/api/v1/auth/key', { pkcs7: p7 });
      assert.equal(again.status, 422);
      assert.equal(again.body.code, 'CHALLENGE_INVALID');
      const der = Buffer.from(await signedChallenge(sb, personal.key, personal.pem), 'base64');
      der[der.length - 10]! ^= 0xff;
      const bad = await sb.request('POST', '/api/v1/auth/key', { pkcs7: der.toString('base64') });
      assert.equal(bad.status, bad.body.code === 'PKCS7_MALFORMED' ? 400 : 422);
      assert.ok(['SIGNATURE_INVALID', 'PKCS7_MALFORMED'].includes(bad.body.code));
    });

    it('a company key signs in only once its company is bound (LEGAL_ENTITY_NOT_BOUND)', async () => {
      const r = await sb.request('POST', '/api/v1/auth/key', {
        pkcs7: await signedChallenge(sb, companyKey.key, companyKey.pem),
      });
      assert.equal(r.status, 403);
      assert.equal(r.body.code, 'LEGAL_ENTITY_NOT_BOUND');
    });

    it('binding a legal entity: unverified refused, personal key refused, company key binds; roles at sign-in', async () => {
      // An unverified account cannot bind.
      const p = people[22]!;
      await register(sb, p, 'unverified.one', freshPhone());
      const t2 = await login(sb, 'unverified.one');
      const r0 = await sb.request(
        'POST',
        '/api/v1/account/legal-entities',
        { pkcs7: await signedChallenge(sb, companyKey.key, companyKey.pem) },
        bearer(t2),
      );
      assert.equal(r0.status, 403);
      assert.equal(r0.body.code, 'ACCOUNT_UNVERIFIED');
      const personalKey = await sb.request(
        'POST',
        '/api/v1/account/legal-entities',
        { pkcs7: await signedChallenge(sb, personal.key, personal.pem) },
        bearer(token),
      );
      assert.equal(personalKey.status, 422);
      assert.equal(personalKey.body.code, 'NOT_A_LEGAL_ENTITY_KEY');
      const bind = await sb.request(
        'POST',
        '/api/v1/account/legal-entities',
        { pkcs7: await signedChallenge(sb, companyKey.key, companyKey.pem) },
        bearer(token),
      );
      assert.equal(bind.status, 201, JSON.stringify(bind.body));
      assert.equal(bind.body.role, 'Common For Head');
      const twice = await sb.request(
        'POST',
        '/api/v1/account/legal-entities',
        { pkcs7: await signedChallenge(sb, companyKey.key, companyKey.pem) },
        bearer(token),
      );
      assert.equal(twice.body.code, 'ALREADY_BOUND');

      // Password sign-in now asks for a role.
      const ask = await sb.request('POST', '/api/v1/auth/login', {
        login: 'director.one',
        password: PASSWORD,
      });
      assert.equal(ask.status, 409);
      assert.equal(ask.body.code, 'ROLE_REQUIRED');
      assert.equal(ask.body.roles.length, 2);
      const asCompany = await login(sb, 'director.one', company.tin);
      const acc = (await sb.request('GET', '/api/v1/account', undefined, bearer(asCompany))).body;
      assert.equal(acc.user_type, 'L');
      assert.equal(acc.legal_info.length, 1);
      assert.equal(acc.legal_info[0].is_basic, true);
      assert.equal(acc.legal_info[0].le_tin, company.tin);
      const denied = await sb.request('POST', '/api/v1/auth/login', {
        login: 'director.one',
        password: PASSWORD,
        role: '299999999',
      });
      assert.equal(denied.status, 403);
      assert.equal(denied.body.code, 'ROLE_NOT_AVAILABLE');

      // The company key signs in as the legal entity (LEPKCSMETHOD).
      const le = await sb.request('POST', '/api/v1/auth/key', {
        pkcs7: await signedChallenge(sb, companyKey.key, companyKey.pem),
      });
      assert.equal(le.status, 200, JSON.stringify(le.body));
      const leAcc = (await sb.request('GET', '/api/v1/account', undefined, bearer(le.body.token))).body;
      assert.equal(leAcc.auth_method, 'LEPKCSMETHOD');
      assert.equal(leAcc.pkcs_legal_tin, company.tin);
      // The personal key must choose.
      const pk = await sb.request('POST', '/api/v1/auth/key', {
        pkcs7: await signedChallenge(sb, personal.key, personal.pem),
      });
      assert.equal(pk.body.code, 'ROLE_REQUIRED');
      const pk2 = await sb.request('POST', '/api/v1/auth/key', {
        pkcs7: await signedChallenge(sb, personal.key, personal.pem),
        role: 'individual',
      });
      assert.equal(pk2.status, 200);
      // Switching role inside a session.
      const sw = await sb.request('POST', '/api/v1/auth/role', { role: company.tin }, bearer(pk2.body.token));
      assert.equal(sw.status, 200);
      assert.equal(
        (await sb.request('GET', '/api/v1/auth/session', undefined, bearer(pk2.body.token))).body.role.tin,
        company.tin,
      );
      const list = await sb.request(
        'GET',
        '/api/v1/account/legal-entities',
        undefined,
        bearer(pk2.body.token),
      );
      assert.equal(list.body.legalEntities[0].tin, company.tin);
    });

    it('a revoked certificate no longer signs in (CERTIFICATE_REVOKED, eimzoStatus -11)', async () => {
      const p = people[23]!;
      await register(sb, p, 'revoked.user', freshPhone());
      const k = opensslCsr('ec');
      const a = await applyForKey(sb, { type: 'individual', pinfl: p.pinfl, phone: p.phone }, k.csrPem);
      assert.equal(
        (await sb.request('POST', `/api/v1/sandbox/certificates/${a.certificate.serialNumber}/revoke`))
          .status,
        200,
      );
      const r = await sb.request('POST', '/api/v1/auth/key', {
        pkcs7: await signedChallenge(sb, k, a.certificate.pem),
      });
      assert.equal(r.status, 422);
      assert.equal(r.body.code, 'CERTIFICATE_REVOKED');
      assert.equal(r.body.eimzoStatus, -11);
    });

    it('registers a foreign citizen with a key: identity by key, account verified from the start', async () => {
      const f = all.find((x) => x.kind === 'foreign')!;
      const k = opensslCsr('ec');
      const a = await applyForKey(sb, { type: 'individual', pinfl: f.pinfl, phone: f.phone }, k.csrPem);
      const id = (await sb.request('POST', '/api/v1/registrations', { acceptOffer: true })).body.id;
      const idn = await sb.request('POST', `/api/v1/registrations/${id}/identity-key`, {
        pkcs7: await signedChallenge(sb, k, a.certificate.pem),
      });
      assert.equal(idn.status, 200, JSON.stringify(idn.body));
      assert.equal(idn.body.person.pinfl, f.pinfl);
      await sb.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: true });
      const phone = freshPhone();
      await sb.request('POST', `/api/v1/registrations/${id}/contacts`, {
        login: 'foreign.user',
        password: PASSWORD,
        email: 'f@example.uz',
        phone,
      });
      const done = await sb.request('POST', `/api/v1/registrations/${id}/complete`, {
        code: await sb.lastSmsCode(phone),
      });
      assert.equal(done.status, 201);
      assert.equal(done.body.account.status, 'verified');
    });
  });
});
