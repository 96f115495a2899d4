// Issue 13, identity: a SignedData may carry extra certificates, and identity must come only from
// the certificate whose key verified the signature and whose chain reached the CA. The attacker
// here holds one real key (their own, issued by the sandbox CA) and puts a self-signed look-alike
// (their own serial, the victim's name, PINFL and company TIN) first in the message with
// `openssl cms -sign -certfile`. Also: content given to a verifier is the content checked.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCertificate } from '../../src/lib/pki/index.js';
import { parseSignedData, signFile } from '../../src/lib/sign/index.js';
import { runCli } from '../helpers/cli.js';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import {
  applyForKey,
  bearer,
  freshPhone,
  login,
  opensslCsr,
  opensslSign,
  plainCitizens,
  register,
  registry,
  signedChallenge,
  type Company,
  type KeyMaterial,
  type Person,
} from '../sandbox/flows.js';
import { fixtures, openssl } from '../sign/openssl-fixtures.js';

const TEXT = { 'content-type': 'text/plain' };

interface RealKey {
  key: KeyMaterial;
  pem: string;
  serial: string;
}

describe('security: identity comes only from the verified signer certificate (issue 13)', function () {
  this.timeout(120_000);
  let sb: SandboxHandle;
  let dir: string;
  let company: Company;
  let victim: Person;
  let attacker: RealKey;
  let attackerPinfl: string;
  /** The victim's real personal key (to verify the account legitimately in the bind case). */
  let victimKey: RealKey;
  let companyKey: RealKey;
  let victimToken: string;

  /**
   * A self-signed look-alike made by OpenSSL (`req` for the request with the victim's names,
   * `x509 -req -signkey` to self-sign it with the attacker's key and serial: no extensions, so it
   * is small and DER's sorted SET puts it before the real certificate).
   */
  function lookAlike(name: string, subject: Record<string, string>): string {
    const cnf = path.join(dir, `${name}.cnf`);
    const csr = path.join(dir, `${name}.csr`);
    const file = path.join(dir, `${name}.pem`);
    writeFileSync(
      cnf,
      [
        'oid_section = oids',
        '[oids]',
        'pinfl = 1.2.860.3.16.1.2',
        'tin = 1.2.860.3.16.1.1',
        '[req]',
        'distinguished_name = dn',
        'prompt = no',
        '[dn]',
        ...Object.entries(subject).map(([k, v]) => `${k} = ${v}`),
        '',
      ].join('\n'),
    );
    openssl(['req', '-new', '-config', cnf, '-key', attacker.key.keyFile, '-out', csr]);
    openssl(
      [
        'x509',
        '-req',
        '-in',
        csr,
        '-signkey',
        attacker.key.keyFile,
        '-set_serial',
        '0x' + attacker.serial,
      ].concat(['-days', '30', '-sha256', '-out', file]),
    );
    return file;
  }

  /** `openssl cms -sign` with the attacker's real key and certificate, the look-alike added with -certfile. */
  function forgedSign(data: string, forged: string, detached = false): string {
    const dataFile = path.join(dir, 'data.txt');
    const certFile = path.join(dir, 'attacker.pem');
    writeFileSync(dataFile, data);
    writeFileSync(certFile, attacker.pem);
    const args = ['cms', '-sign', '-binary', '-in', dataFile, '-signer', certFile, '-inkey'];
    args.push(attacker.key.keyFile, '-certfile', forged, '-outform', 'DER', '-md', 'sha256');
    if (!detached) args.push('-nodetach');
    const der = execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // The attack needs the look-alike before the real certificate (DER sorts the SET): check it.
    const certs = parseSignedData(der).certificates.map((c) => parseCertificate(c));
    assert.equal(certs.length, 2);
    assert.equal(certs[0]!.identity.pinfl, victim.pinfl, 'precondition: the look-alike comes first');
    assert.equal(certs[0]!.serialHex, certs[1]!.serialHex, 'precondition: same serial');
    return der.toString('base64');
  }

  const personalLookAlike = () => lookAlike('forged-personal', { CN: 'Victim Person', pinfl: victim.pinfl });
  const companyLookAlike = () =>
    lookAlike('forged-company', {
      CN: 'Victim Company',
      pinfl: victim.pinfl,
      tin: company.tin,
    });

  async function forgedChallenge(forged: string): Promise<string> {
    const c = await sb.request('POST', '/api/v1/auth/challenge');
    assert.equal(c.status, 200);
    return forgedSign(c.body.challenge, forged);
  }

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'oneid-sec-id-'));
    sb = await startSandbox({ relaxedLimits: true, autoApproveMs: -1, caAlgorithm: 'ecdsa-p256' });
    const reg = await registry(sb);
    // The victim: a company's director with an account (made with their passport data).
    const companies = reg.companies as Company[];
    company = companies.find((c) => {
      const d = reg.persons.find((p) => p.pinfl === c.director_pinfl);
      return d && d.kind === 'citizen' && d.passport_expiry_date > new Date().toISOString().slice(0, 10);
    })!;
    victim = reg.persons.find((p) => p.pinfl === company.director_pinfl)!;
    await register(sb, victim, 'victim.director', freshPhone());
    victimToken = await login(sb, 'victim.director');
    // The attacker: a plain citizen with a real key of their own, and no account.
    const a = plainCitizens(reg)[3]!;
    attackerPinfl = a.pinfl;
    const ak = opensslCsr('ec');
    const issued = await applyForKey(sb, { type: 'individual', pinfl: a.pinfl, phone: a.phone }, ak.csrPem);
    attacker = { key: ak, pem: issued.certificate.pem, serial: issued.certificate.serialNumber };
    const vk = opensslCsr('ec');
    const v = await applyForKey(
      sb,
      { type: 'individual', pinfl: victim.pinfl, phone: victim.phone },
      vk.csrPem,
    );
    victimKey = { key: vk, pem: v.certificate.pem, serial: v.certificate.serialNumber };
    const ck = opensslCsr('ec');
    const c = await applyForKey(sb, { type: 'legal', tin: company.tin, phone: company.phone }, ck.csrPem);
    companyKey = { key: ck, pem: c.certificate.pem, serial: c.certificate.serialNumber };
  });
  after(async () => sb?.stop());

  it('POST /api/v1/auth/key: the look-alike does not sign in as the victim', async () => {
    const r = await sb.request('POST', '/api/v1/auth/key', {
      pkcs7: await forgedChallenge(personalLookAlike()),
    });
    // The verified signer is the attacker, who has no account.
    assert.equal(r.status, 401, JSON.stringify(r.body));
    assert.equal(r.body.code, 'NO_ACCOUNT_FOR_KEY');
  });

  it('POST /api/v1/account/verify: the look-alike does not verify the victim’s account', async () => {
    const r = await sb.request(
      'POST',
      '/api/v1/account/verify',
      { pkcs7: await forgedChallenge(personalLookAlike()) },
      bearer(victimToken),
    );
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.code, 'PINFL_MISMATCH');
    const acc = (await sb.request('GET', '/api/v1/account', undefined, bearer(victimToken))).body;
    assert.equal(acc.valid, 'false');
  });

  it('POST /api/v1/account/legal-entities: a company look-alike does not bind the company', async () => {
    // The account is verified for real (the victim's own key), so only the company key is at stake.
    const ok = await sb.request(
      'POST',
      '/api/v1/account/verify',
      { pkcs7: await signedChallenge(sb, victimKey.key, victimKey.pem) },
      bearer(victimToken),
    );
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const r = await sb.request(
      'POST',
      '/api/v1/account/legal-entities',
      { pkcs7: await forgedChallenge(companyLookAlike()) },
      bearer(victimToken),
    );
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.code, 'NOT_A_LEGAL_ENTITY_KEY');
    const bound = await sb.request('GET', '/api/v1/account/legal-entities', undefined, bearer(victimToken));
    assert.deepEqual(bound.body.legalEntities, []);
  });

  it('POST /api/v1/auth/key with a company look-alike does not sign in as the company (pkcs_legal_tin)', async () => {
    // The company is bound for real (its own key), then the attacker tries to sign in as it.
    const bind = await sb.request(
      'POST',
      '/api/v1/account/legal-entities',
      { pkcs7: await signedChallenge(sb, companyKey.key, companyKey.pem) },
      bearer(victimToken),
    );
    assert.ok([201, 409].includes(bind.status), JSON.stringify(bind.body));
    const real = await sb.request('POST', '/api/v1/auth/key', {
      pkcs7: await signedChallenge(sb, companyKey.key, companyKey.pem),
    });
    assert.equal(real.status, 200, 'the real company key signs in: ' + JSON.stringify(real.body));
    const r = await sb.request('POST', '/api/v1/auth/key', {
      pkcs7: await forgedChallenge(companyLookAlike()),
    });
    assert.equal(r.status, 401, JSON.stringify(r.body));
    assert.equal(r.body.code, 'NO_ACCOUNT_FOR_KEY');
  });

  it('POST /backend/auth names the attacker (their real certificate), never the victim', async () => {
    const ch = (await sb.request('GET', '/frontend/challenge')).body.challenge as string;
    const r = await sb.request('POST', '/backend/auth', forgedSign(ch, personalLookAlike()), TEXT);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 1, JSON.stringify(r.body));
    const names = r.body.subjectCertificateInfo.subjectName;
    assert.equal(names['1.2.860.3.16.1.2'], attackerPinfl);
    assert.notEqual(names.CN, 'Victim Person');
    assert.equal(r.body.subjectCertificateInfo.serialNumber, attacker.serial);
  });

  for (const detached of [false, true])
    it(`POST /backend/pkcs7/verify/${detached ? 'detached' : 'attached'}: pkcs7Info shows the verified certificate only`, async () => {
      const doc = 'Shartnoma №7: 1 000 000 so‘m';
      const p7 = forgedSign(doc, companyLookAlike(), detached);
      const r = detached
        ? await sb.request(
            'POST',
            '/backend/pkcs7/verify/detached',
            `${Buffer.from(doc).toString('base64')}|${p7}`,
            TEXT,
          )
        : await sb.request('POST', '/backend/pkcs7/verify/attached', p7, TEXT);
      assert.equal(r.body.status, 1, JSON.stringify(r.body));
      const s = r.body.pkcs7Info.signers[0];
      assert.equal(s.certificate.length, 1);
      assert.match(s.certificate[0].subjectName, new RegExp(attackerPinfl));
      assert.doesNotMatch(s.certificate[0].subjectName, new RegExp(victim.pinfl));
      assert.doesNotMatch(s.certificate[0].subjectName, /Victim/);
      assert.doesNotMatch(s.signerId.issuer, /Victim/);
      assert.equal(s.signerId.subjectSerialNumber, attacker.serial);
    });

  it('the CLI names the verified signer too (key verify --json against the sandbox CA)', async () => {
    const file = path.join(dir, 'forged.p7s');
    writeFileSync(file, Buffer.from(forgedSign('hello', personalLookAlike()), 'base64'));
    const ca = (await sb.request('GET', '/api/v1/ca/certificates')).body.ca as string;
    const caFile = path.join(dir, 'sandbox-ca.der');
    writeFileSync(caFile, Buffer.from(ca, 'base64'));
    const r = await runCli(['key', 'verify', file, '--ca', caFile, '--json']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const s = r.json.result.files[0].signers[0];
    assert.equal(s.signer.pinfl, attackerPinfl);
    assert.equal(s.chain, 'trusted');
  });

  it('an expired key cannot sign in by backdating its signingTime (auth/key and /backend/auth)', async () => {
    const p = plainCitizens(await registry(sb))[7]!;
    await register(sb, p, 'expired.key.owner', freshPhone());
    // A certificate valid for three seconds, then expired.
    const set = await sb.request('PATCH', '/api/v1/sandbox/settings', {
      certificateValidityDays: 3 / 86_400,
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    const k = opensslCsr('ec');
    let issued;
    try {
      issued = await applyForKey(sb, { type: 'individual', pinfl: p.pinfl, phone: p.phone }, k.csrPem);
    } finally {
      await sb.request('PATCH', '/api/v1/sandbox/settings', { certificateValidityDays: 730 });
    }
    const certificate = Buffer.from(issued.certificate.certificate, 'base64');
    const notBefore = parseCertificate(certificate).notBefore;
    while (Date.now() < parseCertificate(certificate).notAfter.getTime() + 1000)
      await new Promise((r) => setTimeout(r, 200));
    const backdated = async (challenge: string): Promise<string> => {
      const input = path.join(dir, 'expired-challenge.txt');
      writeFileSync(input, challenge);
      const out = await signFile(input, {
        key: { privateKey: createPrivateKey(k.keyPem), certificate },
        signingTime: new Date(notBefore.getTime() + 1000),
        existing: 'force',
      });
      assert.equal(out.status, 'signed', out.message);
      return readFileSync(out.output).toString('base64');
    };
    const c = await sb.request('POST', '/api/v1/auth/challenge');
    const r = await sb.request('POST', '/api/v1/auth/key', { pkcs7: await backdated(c.body.challenge) });
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.code, 'SIGNATURE_INVALID');
    assert.equal(r.body.eimzoStatus, -12);
    const ch = (await sb.request('GET', '/frontend/challenge')).body.challenge as string;
    const b = await sb.request('POST', '/backend/auth', await backdated(ch), TEXT);
    assert.equal(b.body.status, -12, JSON.stringify(b.body));
    assert.equal(b.body.subjectCertificateInfo, null);
  });

  describe('content given is the content checked', () => {
    const fx = fixtures();
    let attached: string;
    let forgedText: string;
    const original = 'To pay: 100 000 so‘m\n';

    before(() => {
      const doc = path.join(fx.dir, 'sec-original.txt');
      writeFileSync(doc, original);
      forgedText = path.join(fx.dir, 'sec-forged.txt');
      writeFileSync(forgedText, 'To pay: 900 000 000 so‘m\n');
      attached = path.join(fx.dir, 'sec-attached.p7s');
      openssl(
        ['cms', '-sign', '-binary', '-nodetach', '-in', doc, '-signer', fx.rsa.certFile].concat([
          '-inkey',
          fx.rsa.keyFile,
          '-outform',
          'DER',
          '-out',
          attached,
        ]),
      );
    });

    it('CLI: key verify att.p7s --content other.txt fails (exit 6, SIGNATURE_CONTENT_DIFFERS)', async () => {
      const r = await runCli([
        'key',
        'verify',
        attached,
        '--content',
        forgedText,
        '--ca',
        fx.caFile,
        '--json',
      ]);
      assert.equal(r.code, 6, r.stdout + r.stderr);
      assert.equal(r.json.error.code, 'SIGNATURE_CONTENT_DIFFERS');
      assert.match(r.json.error.message, /differs from the content given/);
      const s = r.json.result.files[0].signers[0];
      assert.equal(s.code, 'SIGNATURE_CONTENT_DIFFERS');
      assert.equal(s.status, -10);
      const ru = await runCli([
        'key',
        'verify',
        attached,
        '--content',
        forgedText,
        '--ca',
        fx.caFile,
        '--lang',
        'ru',
      ]);
      assert.equal(ru.code, 6);
      assert.match(ru.stderr + ru.stdout, /отличается от переданного/);
      assert.doesNotMatch(ru.stderr, /at .*\.js:\d+/); // no stack trace
    });

    it('CLI: the same content passes; a different file merely lying beside an attached signature is not used', async () => {
      const same = path.join(fx.dir, 'sec-same.txt');
      writeFileSync(same, original);
      const ok = await runCli(['key', 'verify', attached, '--content', same, '--ca', fx.caFile]);
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
      const beside = path.join(fx.dir, 'sec-beside.txt');
      writeFileSync(beside, 'something else');
      const p7 = beside + '.p7s';
      copyFileSync(attached, p7);
      const r = await runCli(['key', 'verify', p7, '--ca', fx.caFile]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
    });

    it('portal: /backend/pkcs7/verify/detached with other data and an attached PKCS#7 is status -10', async () => {
      const p7 = opensslSign(attacker.key, attacker.pem, original);
      const other = Buffer.from('To pay: 900 000 000 so‘m\n').toString('base64');
      const r = await sb.request('POST', '/backend/pkcs7/verify/detached', `${other}|${p7}`, TEXT);
      assert.equal(r.status, 200);
      assert.equal(r.body.status, -10, JSON.stringify(r.body));
      assert.equal(r.body.pkcs7Info.signers[0].exception, 'SIGNATURE_CONTENT_DIFFERS');
      assert.deepEqual(r.body.pkcs7Info.signers[0].certificate, []);
      const same = Buffer.from(original).toString('base64');
      const ok = await sb.request('POST', '/backend/pkcs7/verify/detached', `${same}|${p7}`, TEXT);
      assert.equal(ok.body.status, 1, JSON.stringify(ok.body));
    });
  });
});

describe('security: verifiedSigner() in the sign library', () => {
  const fx = fixtures();

  it('names the signer only when the signature and the chain to an anchor verified', async () => {
    const doc = path.join(fx.dir, 'vs-doc.txt');
    writeFileSync(doc, 'x');
    const out = path.join(fx.dir, 'vs.p7s');
    openssl(
      ['cms', '-sign', '-binary', '-nodetach', '-in', doc, '-signer', fx.rsa.certFile, '-inkey'].concat([
        fx.rsa.keyFile,
        '-outform',
        'DER',
        '-out',
        out,
      ]),
    );
    const { verifySignature, verifiedSigner } = await import('../../src/lib/sign/index.js');
    const sig = readFileSync(out);
    const trusted = await verifySignature(sig, { trusted: [fx.ca] });
    assert.equal(verifiedSigner(trusted.signers[0]!)?.identity.cn, 'Test User RSA');
    assert.ok(verifiedSigner(trusted.signers[0]!)?.certificate.equals(fx.rsa.certificate));
    // No anchors (chain unchecked), another CA, or a report built by hand: nobody.
    assert.equal(verifiedSigner((await verifySignature(sig)).signers[0]!), undefined);
    const other = readFileSync(fx.otherCaFile);
    assert.equal(verifiedSigner((await verifySignature(sig, { trusted: [other] })).signers[0]!), undefined);
    assert.equal(verifiedSigner({ ...trusted.signers[0]! }), undefined);
  });
});
