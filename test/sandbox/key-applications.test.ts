import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCertificate } from '../../src/lib/pki/index.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import {
  applyForKey,
  JPEG,
  libraryCsr,
  opensslCsr,
  plainCitizens,
  registry,
  today,
  type Company,
  type Person,
} from './flows.js';

describe('sandbox: key applications API', function () {
  let sb: SandboxHandle;
  let people: Person[];
  let all: Person[];
  let companies: Company[];

  before(async () => {
    // ECDSA root: the chain is checked by plain OpenSSL below.
    sb = await startSandbox({ relaxedLimits: true, autoApproveMs: -1, caAlgorithm: 'ecdsa-p256' });
    const reg = await registry(sb);
    people = plainCitizens(reg);
    all = reg.persons;
    companies = reg.companies;
  });
  after(async () => sb?.stop());

  it('issues an individual certificate (RSA request from OpenSSL) with the Uzbek attributes and chain', async () => {
    const p = people[10]!;
    const key = opensslCsr('rsa');
    const { certificate } = await applyForKey(
      sb,
      { type: 'individual', pinfl: p.pinfl, phone: p.phone },
      key.csrPem,
    );
    const cert = parseCertificate(Buffer.from(certificate.certificate, 'base64'));
    assert.equal(cert.identity.pinfl, p.pinfl);
    assert.equal(cert.identity.tin, undefined, 'an individual certificate carries no company TIN');
    assert.equal(cert.identity.surname, p.surname.toUpperCase());
    assert.equal(cert.publicKeyAlgorithm.name, 'RSA');
    assert.equal(certificate.chain.length, 1);
    // OpenSSL agrees that the chain verifies.
    const caFile = path.join(key.dir, 'ca.pem');
    const leafFile = path.join(key.dir, 'leaf.pem');
    const pems = certificate.pem.split(/(?<=-----END CERTIFICATE-----\n)/);
    writeFileSync(leafFile, pems[0]);
    writeFileSync(caFile, pems[1]);
    const out = execFileSync('openssl', ['verify', '-CAfile', caFile, leafFile]).toString();
    assert.match(out, /OK/);
  });

  it('issues a legal-entity certificate to the director (EC request) with TIN, O and T', async () => {
    const c = companies[0]!;
    const key = opensslCsr('ec');
    const { certificate } = await applyForKey(sb, { type: 'legal', tin: c.tin, phone: c.phone }, key.csrPem);
    const cert = parseCertificate(Buffer.from(certificate.certificate, 'base64'));
    assert.equal(cert.identity.tin, c.tin);
    assert.equal(cert.identity.pinfl, c.director_pinfl);
    assert.equal(cert.identity.t, 'Direktor');
    assert.ok(cert.identity.o);
  });

  describe('start refusals', () => {
    const cases: Array<[string, () => Record<string, string>, number, string]> = [
      [
        'no PINFL for an individual',
        () => ({ type: 'individual', phone: people[11]!.phone }),
        400,
        'PINFL_REQUIRED',
      ],
      ['no TIN for a legal entity', () => ({ type: 'legal', phone: people[11]!.phone }), 400, 'TIN_REQUIRED'],
      [
        'an invalid PINFL',
        () => ({ type: 'individual', pinfl: '12345678901234', phone: people[11]!.phone }),
        400,
        'PINFL_INVALID',
      ],
      [
        'an individual TIN for a company',
        () => ({ type: 'legal', tin: '412345678', phone: people[11]!.phone }),
        400,
        'TIN_INVALID',
      ],
      [
        'an invalid phone',
        () => ({ type: 'individual', pinfl: people[11]!.pinfl, phone: '+998123' }),
        400,
        'PHONE_INVALID',
      ],
      [
        'an unknown company',
        () => ({ type: 'legal', tin: '299999999', phone: people[11]!.phone }),
        422,
        'NOT_IN_REGISTRY',
      ],
      [
        'a phone not registered to the holder',
        () => ({ type: 'individual', pinfl: people[11]!.pinfl, phone: people[12]!.phone }),
        422,
        'PHONE_MISMATCH',
      ],
      [
        'an expired passport',
        () => {
          const p = all.find((x) => x.kind === 'citizen' && x.passport_expiry_date < today())!;
          return { type: 'individual', pinfl: p.pinfl, phone: p.phone };
        },
        422,
        'PASSPORT_EXPIRED',
      ],
      [
        'an unknown field',
        () => ({ type: 'individual', pinfl: people[11]!.pinfl, phone: people[11]!.phone, extra: 'x' }),
        400,
        'VALIDATION',
      ],
    ];
    for (const [what, body, status, code] of cases) {
      it(`refuses ${what} (${code})`, async () => {
        const r = await sb.request('POST', '/api/v1/key-applications', body());
        assert.equal(r.status, status, JSON.stringify(r.body));
        assert.equal(r.body.code, code);
      });
    }
  });

  describe('one application through its states, with every refusal on the way', () => {
    let id: string;
    let auth: Record<string, string> = {};
    let firstCode = '';
    const p = () => people[13]!;

    it('starts; a second start before the SMS confirmation is another application (nothing is held)', async () => {
      const r = await sb.request('POST', '/api/v1/key-applications', {
        type: 'individual',
        pinfl: p().pinfl,
        phone: p().phone,
      });
      assert.equal(r.status, 201);
      id = r.body.id;
      firstCode = await sb.lastSmsCode(p().phone);
      const again = await sb.request('POST', '/api/v1/key-applications', {
        type: 'individual',
        pinfl: p().pinfl,
        phone: p().phone,
      });
      assert.equal(again.status, 201, JSON.stringify(again.body));
      assert.notEqual(again.body.id, id);
      assert.equal(again.body.applicationId, undefined);
    });

    it('refuses steps out of order (WRONG_STATUS) and unknown ids (APPLICATION_NOT_FOUND)', async () => {
      const r = await sb.request('PUT', `/api/v1/key-applications/${id}/request`, { pkcs10: libraryCsr() });
      assert.equal(r.status, 409);
      assert.equal(r.body.code, 'WRONG_STATUS');
      assert.equal(r.body.applicationStatus, 'awaiting_sms');
      const nf = await sb.request('GET', '/api/v1/key-applications/ka_nope');
      assert.equal(nf.status, 404);
      assert.equal(nf.body.code, 'APPLICATION_NOT_FOUND');
    });

    it('confirms the phone with the SMS code (wrong code first)', async () => {
      const bad = await sb.request('POST', `/api/v1/key-applications/${id}/confirm`, { code: 'abcdef' });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.code, 'SMS_CODE_INVALID');
      const ok = await sb.request('POST', `/api/v1/key-applications/${id}/confirm`, { code: firstCode });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.status, 'draft');
      assert.match(ok.body.secret, /^kas_[A-Za-z0-9_-]{43}$/);
      assert.equal(ok.body.recovered, false);
      auth = { 'x-application-secret': ok.body.secret };
    });

    it('refuses bad requests: not base64, not PKCS#10, a forged signature', async () => {
      for (const [pkcs10, code] of [
        ['%%%', 'CSR_MALFORMED'],
        [Buffer.from('hello').toString('base64'), 'CSR_MALFORMED'],
      ]) {
        const r = await sb.request('PUT', `/api/v1/key-applications/${id}/request`, { pkcs10 }, auth);
        assert.equal(r.status, 400);
        assert.equal(r.body.code, code);
      }
      const der = Buffer.from(libraryCsr(), 'base64');
      der[der.length - 5]! ^= 0x01; // inside the signature
      const forged = await sb.request(
        'PUT',
        `/api/v1/key-applications/${id}/request`,
        { pkcs10: der.toString('base64') },
        auth,
      );
      assert.equal(forged.status, 400);
      assert.ok(['CSR_SIGNATURE_INVALID', 'CSR_MALFORMED'].includes(forged.body.code), forged.body.code);
    });

    it('refuses a key algorithm it does not certify (CSR_ALGORITHM_UNSUPPORTED)', async () => {
      const key = opensslCsr('ec');
      const keyFile = path.join(key.dir, 'ed.pem');
      execFileSync('openssl', ['genpkey', '-algorithm', 'ED25519', '-out', keyFile], { stdio: 'pipe' });
      const csr = execFileSync('openssl', ['req', '-new', '-key', keyFile, '-subj', '/CN=ed'], {
        stdio: 'pipe',
      }).toString();
      const r = await sb.request('PUT', `/api/v1/key-applications/${id}/request`, { pkcs10: csr }, auth);
      assert.equal(r.status, 400);
      assert.equal(r.body.code, 'CSR_ALGORITHM_UNSUPPORTED');
    });

    it('refuses submitting with parts missing (APPLICATION_INCOMPLETE)', async () => {
      const r = await sb.request('POST', `/api/v1/key-applications/${id}/submit`, undefined, auth);
      assert.equal(r.status, 422);
      assert.equal(r.body.code, 'APPLICATION_INCOMPLETE');
      assert.deepEqual(r.body.missing, ['request', 'photo', 'selfie']);
    });

    it('checks documents by content and size (NOT_AN_IMAGE, BODY_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE)', async () => {
      const text = await sb.request(
        'PUT',
        `/api/v1/key-applications/${id}/documents/photo`,
        Buffer.from('GIF89a....'),
        { ...auth, 'content-type': 'image/jpeg' },
      );
      assert.equal(text.status, 422);
      assert.equal(text.body.code, 'NOT_AN_IMAGE');
      const big = Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]);
      const tooBig = await sb.request('PUT', `/api/v1/key-applications/${id}/documents/photo`, big, {
        ...auth,
        'content-type': 'image/jpeg',
      });
      assert.equal(tooBig.status, 413);
      assert.equal(tooBig.body.code, 'BODY_TOO_LARGE');
      const json = await sb.request('PUT', `/api/v1/key-applications/${id}/documents/photo`, { a: 1 }, auth);
      assert.equal(json.status, 415);
      const kind = await sb.request('PUT', `/api/v1/key-applications/${id}/documents/passport`, JPEG, {
        ...auth,
        'content-type': 'image/jpeg',
      });
      assert.equal(kind.status, 400);
    });

    it('submits: invoice = percent × BHM from the portal settings', async () => {
      assert.equal(
        (await sb.request('PUT', `/api/v1/key-applications/${id}/request`, { pkcs10: libraryCsr() }, auth))
          .status,
        200,
      );
      await sb.request('PUT', `/api/v1/key-applications/${id}/documents/photo`, JPEG, {
        ...auth,
        'content-type': 'application/octet-stream',
      });
      await sb.request('PUT', `/api/v1/key-applications/${id}/documents/selfie`, JPEG, {
        ...auth,
        'content-type': 'image/png',
      });
      const settings = (await sb.request('GET', '/api/v1/sandbox/settings')).body;
      const r = await sb.request('POST', `/api/v1/key-applications/${id}/submit`, undefined, auth);
      assert.equal(r.status, 200);
      assert.equal(r.body.status, 'awaiting_payment');
      assert.equal(r.body.invoice.amount, Math.round((settings.bhm * settings.feePercentIndividual) / 100));
      assert.equal(r.body.invoice.paid, false);
      const early = await sb.request('GET', `/api/v1/key-applications/${id}/certificate`, undefined, auth);
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'NOT_ISSUED');
    });

    it('pays once (INVOICE_PAID, INVOICE_NOT_FOUND), then an operator rejects with a reason sent by SMS', async () => {
      const view = (await sb.request('GET', `/api/v1/key-applications/${id}`, undefined, auth)).body;
      const pay = await sb.request('POST', `/api/v1/sandbox/invoices/${view.invoice.id}/pay`);
      assert.equal(pay.status, 200);
      assert.equal(pay.body.status, 'in_review');
      assert.equal(
        (await sb.request('POST', `/api/v1/sandbox/invoices/${view.invoice.id}/pay`)).body.code,
        'INVOICE_PAID',
      );
      assert.equal(
        (await sb.request('POST', '/api/v1/sandbox/invoices/000000000000/pay')).body.code,
        'INVOICE_NOT_FOUND',
      );
      const rej = await sb.request('POST', `/api/v1/sandbox/key-applications/${id}/reject`, {
        reason: 'Selfie is blurred',
      });
      assert.equal(rej.status, 200);
      assert.equal(rej.body.status, 'rejected');
      assert.match((await sb.lastSms(p().phone))!, /Selfie is blurred/);
      assert.equal(
        (await sb.request('POST', `/api/v1/sandbox/key-applications/${id}/approve`)).body.code,
        'WRONG_STATUS',
      );
      // Closed: a new application may start.
      const again = await sb.request('POST', '/api/v1/key-applications', {
        type: 'individual',
        pinfl: p().pinfl,
        phone: p().phone,
      });
      assert.equal(again.status, 201);
    });
  });

  it('approves automatically after the configured review delay', async () => {
    await sb.request('PATCH', '/api/v1/sandbox/settings', {
      reviewDelayMs: 0,
      ipMaxSms: 1_000_000,
      ipMaxFailures: 1_000_000,
    });
    try {
      const p = people[14]!;
      const start = await sb.request('POST', '/api/v1/key-applications', {
        type: 'individual',
        pinfl: p.pinfl,
        phone: p.phone,
      });
      const id = start.body.id;
      const confirmed = await sb.request('POST', `/api/v1/key-applications/${id}/confirm`, {
        code: await sb.lastSmsCode(p.phone),
      });
      const auth = { 'x-application-secret': confirmed.body.secret as string };
      await sb.request('PUT', `/api/v1/key-applications/${id}/request`, { pkcs10: libraryCsr() }, auth);
      await sb.request('PUT', `/api/v1/key-applications/${id}/documents/photo`, JPEG, {
        ...auth,
        'content-type': 'image/jpeg',
      });
      await sb.request('PUT', `/api/v1/key-applications/${id}/documents/selfie`, JPEG, {
        ...auth,
        'content-type': 'image/jpeg',
      });
      const inv = (await sb.request('POST', `/api/v1/key-applications/${id}/submit`, undefined, auth)).body
        .invoice.id;
      await sb.request('POST', `/api/v1/sandbox/invoices/${inv}/pay`);
      let status = '';
      for (let i = 0; i < 100 && status !== 'issued'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await sb.request('GET', `/api/v1/key-applications/${id}`, undefined, auth)).body.status;
      }
      assert.equal(status, 'issued');
      assert.match((await sb.lastSms(p.phone))!, /approved/);
    } finally {
      await sb.request('PATCH', '/api/v1/sandbox/settings', { reviewDelayMs: -1 });
    }
  });

  it('publishes the CA certificates and a CRL that lists revoked serials', async () => {
    const certs = await sb.request('GET', '/api/v1/ca/certificates');
    assert.equal(certs.status, 200);
    const p = people[15]!;
    const { certificate } = await applyForKey(
      sb,
      { type: 'individual', pinfl: p.pinfl, phone: p.phone },
      libraryCsr(),
    );
    const rev = await sb.request('POST', `/api/v1/sandbox/certificates/${certificate.serialNumber}/revoke`);
    assert.equal(rev.status, 200);
    assert.equal(
      (await sb.request('POST', `/api/v1/sandbox/certificates/${certificate.serialNumber}/revoke`)).body.code,
      'CERTIFICATE_NOT_FOUND',
    );
    const res = await fetch(`${sb.url}/api/v1/ca/crl`);
    assert.equal(res.headers.get('content-type'), 'application/pkix-crl');
    const crl = Buffer.from(await res.arrayBuffer());
    const key = opensslCsr('ec');
    const crlFile = path.join(key.dir, 'crl.der');
    writeFileSync(crlFile, crl);
    const text = execFileSync('openssl', [
      'crl',
      '-inform',
      'DER',
      '-in',
      crlFile,
      '-noout',
      '-text',
    ]).toString();
    assert.match(text.toLowerCase(), new RegExp(`serial number: ${certificate.serialNumber}`));
  });
});
