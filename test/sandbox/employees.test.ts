// Issue 17 on the portal side: a director authorizes an accountant, who applies for a company key
// in their own name, binds it and signs in with the role; revoking refuses the role at once. And
// the attacks the audit asked to replay: managing employees without the company role, applying for
// a company key unauthorized, recovery as an account-enumeration oracle or a guessing machine,
// sessions that outlive a password change.
import assert from 'node:assert/strict';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import {
  applyForKey,
  bearer,
  freshPhone,
  login,
  opensslCsr,
  PASSWORD,
  plainCitizens,
  register,
  registry,
  signedChallenge,
  type Company,
  type KeyMaterial,
  type Person,
} from './flows.js';

const ACCOUNTANT = 'Common For Accountant';

describe('sandbox: employees, recovery, password change, regions (issue 17)', function () {
  let sb: SandboxHandle;
  let reg: { persons: Person[]; companies: Company[] };
  let people: Person[];
  let company: Company;
  let director: Person;
  let headToken: string;

  /** A personal key issued and the account verified with it. */
  async function verified(p: Person, token: string): Promise<void> {
    const k = opensslCsr('ec');
    const a = await applyForKey(sb, { type: 'individual', pinfl: p.pinfl, phone: p.phone }, k.csrPem);
    const v = await sb.request(
      'POST',
      '/api/v1/account/verify',
      { pkcs7: await signedChallenge(sb, k, a.certificate.pem) },
      bearer(token),
    );
    assert.equal(v.status, 200, JSON.stringify(v.body));
  }

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true, autoApproveMs: -1 });
    reg = await registry(sb);
    people = plainCitizens(reg);
    company = reg.companies[2]!;
    director = reg.persons.find((p) => p.pinfl === company.director_pinfl)!;
    await register(sb, director, 'director.emp');
    const token = await login(sb, 'director.emp');
    await verified(director, token);
    const k = opensslCsr('ec');
    const a = await applyForKey(sb, { type: 'legal', tin: company.tin, phone: director.phone }, k.csrPem);
    const bind = await sb.request(
      'POST',
      '/api/v1/account/legal-entities',
      { pkcs7: await signedChallenge(sb, k, a.certificate.pem) },
      bearer(token),
    );
    assert.equal(bind.status, 201, JSON.stringify(bind.body));
    headToken = await login(sb, 'director.emp', company.tin);
  });
  after(async () => sb?.stop());

  describe('employees', () => {
    const accountant = () => people[0]!;
    let accToken: string;
    let companyKey: { key: KeyMaterial; pem: string };

    it('only the director acting as "Common For Head" manages them; identity never comes from the body', async () => {
      const body = { pinfl: accountant().pinfl, role: ACCOUNTANT };
      const asIndividual = await login(sb, 'director.emp', 'individual');
      const r1 = await sb.request('POST', '/api/v1/legal-entity/employees', body, bearer(asIndividual));
      assert.equal(r1.status, 403);
      assert.equal(r1.body.code, 'ROLE_REQUIRED');
      assert.equal(r1.body.requiredRole, 'Common For Head');
      await register(sb, accountant(), 'accountant.emp', freshPhone());
      accToken = await login(sb, 'accountant.emp');
      // The accountant cannot authorize himself, naming the company in the body.
      const self = await sb.request(
        'POST',
        '/api/v1/legal-entity/employees',
        { ...body, tin: company.tin },
        bearer(accToken),
      );
      assert.equal(self.status, 400, JSON.stringify(self.body)); // no such field
      const self2 = await sb.request('POST', '/api/v1/legal-entity/employees', body, bearer(accToken));
      assert.equal(self2.body.code, 'ROLE_REQUIRED');
      assert.equal((await sb.request('POST', '/api/v1/legal-entity/employees', body)).status, 401);
      const bad = await sb.request(
        'POST',
        '/api/v1/legal-entity/employees',
        { pinfl: accountant().pinfl, role: 'Common For Head' },
        bearer(headToken),
      );
      assert.equal(bad.body.code, 'ROLE_INVALID');
      const added = await sb.request('POST', '/api/v1/legal-entity/employees', body, bearer(headToken));
      assert.equal(added.status, 201, JSON.stringify(added.body));
      assert.equal(added.body.role, ACCOUNTANT);
      assert.equal(added.body.bound, false);
      const twice = await sb.request('POST', '/api/v1/legal-entity/employees', body, bearer(headToken));
      assert.equal(twice.body.code, 'ALREADY_AUTHORIZED');
      const list = await sb.request('GET', '/api/v1/legal-entity/employees', undefined, bearer(headToken));
      assert.deepEqual(
        list.body.employees.map((e: any) => [e.pinfl, e.role]),
        [[accountant().pinfl, ACCOUNTANT]],
      );
    });

    it('an unauthorized person cannot apply for the company key; the authorized one does, in their own name', async () => {
      const stranger = people[1]!;
      await register(sb, stranger, 'stranger.emp', freshPhone());
      const st = await login(sb, 'stranger.emp');
      const refused = await sb.request(
        'POST',
        '/api/v1/key-applications',
        { type: 'legal', tin: company.tin, phone: stranger.phone },
        bearer(st),
      );
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, 'NOT_AUTHORIZED');
      // Someone else's session leaves the director's way open: the director's phone proves it,
      // and the application is the director's.
      const forDirector = await sb.request(
        'POST',
        '/api/v1/key-applications',
        { type: 'legal', tin: company.tin, phone: director.phone },
        bearer(st),
      );
      assert.equal(forDirector.status, 201, JSON.stringify(forDirector.body));
      const draft = await sb.request('GET', `/api/v1/key-applications/${forDirector.body.id}`);
      assert.equal(draft.body.pinfl, director.pinfl);
      // Confirmed by the director's phone, it is the director's, and not in the stranger's list.
      const confirmed = await sb.request('POST', `/api/v1/key-applications/${forDirector.body.id}/confirm`, {
        code: await sb.lastSmsCode(director.phone),
      });
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      const strangers = await sb.request('GET', '/api/v1/key-applications', undefined, bearer(st));
      assert.deepEqual(strangers.body.applications, []);
      // Without a session a company key is the director's: the accountant's phone does not match.
      const anon = await sb.request('POST', '/api/v1/key-applications', {
        type: 'legal',
        tin: company.tin,
        phone: accountant().phone,
      });
      assert.equal(anon.body.code, 'PHONE_MISMATCH');

      await verified(accountant(), accToken);
      const k = opensslCsr('ec');
      const a = await applyForKey(
        sb,
        { type: 'legal', tin: company.tin, phone: accountant().phone, machine: 'buxgalteriya-pc' } as any,
        k.csrPem,
        bearer(accToken),
      );
      companyKey = { key: k, pem: a.certificate.pem };
      const view = await sb.request('GET', `/api/v1/key-applications/${a.id}`, undefined, bearer(accToken));
      assert.equal(view.body.pinfl, accountant().pinfl);
      assert.equal(view.body.tin, company.tin);
      assert.equal(view.body.machine, 'buxgalteriya-pc');
      const mine = await sb.request('GET', '/api/v1/key-applications', undefined, bearer(accToken));
      assert.ok(mine.body.applications.some((x: any) => x.id === a.id && x.machine === 'buxgalteriya-pc'));
      // Not the director's, not the stranger's.
      const theirs = await sb.request('GET', '/api/v1/key-applications', undefined, bearer(st));
      assert.ok(!theirs.body.applications.some((x: any) => x.id === a.id));

      const bind = await sb.request(
        'POST',
        '/api/v1/account/legal-entities',
        { pkcs7: await signedChallenge(sb, k, a.certificate.pem) },
        bearer(accToken),
      );
      assert.equal(bind.status, 201, JSON.stringify(bind.body));
      assert.equal(bind.body.role, ACCOUNTANT);
      accToken = await login(sb, 'accountant.emp', company.tin);
      const card = await sb.request('GET', '/api/v1/legal-entity', undefined, bearer(accToken));
      assert.equal(card.status, 200, JSON.stringify(card.body));
      assert.equal(card.body.tin, company.tin);
      assert.equal(card.body.yourRole, ACCOUNTANT);
      assert.deepEqual(card.body.employees, [
        { fullName: card.body.employees[0].fullName, role: ACCOUNTANT, bound: true },
      ]);
      // The accountant does not manage employees.
      const manage = await sb.request('GET', '/api/v1/legal-entity/employees', undefined, bearer(accToken));
      assert.equal(manage.body.code, 'ROLE_REQUIRED');
      const byKey = await sb.request('POST', '/api/v1/auth/key', {
        pkcs7: await signedChallenge(sb, companyKey.key, companyKey.pem),
      });
      assert.equal(byKey.status, 200, JSON.stringify(byKey.body));
      assert.equal(byKey.body.role.role, ACCOUNTANT);
    });

    it('revoking ends the sessions in the role, refuses it to password sign-in and revokes the company key', async () => {
      const before = await sb.request('GET', '/api/v1/auth/session', undefined, bearer(accToken));
      assert.equal(before.status, 200);
      const gone = await sb.request(
        'DELETE',
        `/api/v1/legal-entity/employees/${accountant().pinfl}`,
        undefined,
        bearer(headToken),
      );
      assert.equal(gone.status, 200, JSON.stringify(gone.body));
      assert.ok(gone.body.sessionsEnded >= 1);
      assert.equal(
        (await sb.request('GET', '/api/v1/auth/session', undefined, bearer(accToken))).status,
        401,
      );
      const pw = await sb.request('POST', '/api/v1/auth/login', {
        login: 'accountant.emp',
        password: PASSWORD,
        role: company.tin,
      });
      assert.equal(pw.status, 403);
      assert.equal(pw.body.code, 'ROLE_NOT_AVAILABLE');
      const key = await sb.request('POST', '/api/v1/auth/key', {
        pkcs7: await signedChallenge(sb, companyKey.key, companyKey.pem),
      });
      // The company key issued to the employee was revoked with the authorization (CRLReason
      // affiliationChanged): refused as a key, before any role is looked at.
      assert.equal(gone.body.certificatesRevoked, 1);
      assert.equal(key.status, 422, JSON.stringify(key.body));
      assert.equal(key.body.code, 'CERTIFICATE_REVOKED');
      assert.equal(key.body.eimzoStatus, -11);
      const individual = await login(sb, 'accountant.emp');
      const apply = await sb.request(
        'POST',
        '/api/v1/key-applications',
        { type: 'legal', tin: company.tin, phone: accountant().phone },
        bearer(individual),
      );
      assert.equal(apply.body.code, 'NOT_AUTHORIZED');
      const again = await sb.request(
        'DELETE',
        `/api/v1/legal-entity/employees/${accountant().pinfl}`,
        undefined,
        bearer(headToken),
      );
      assert.equal(again.body.code, 'EMPLOYEE_NOT_FOUND');
    });
  });

  describe('recovery and password change', () => {
    const keys = (o: object) => Object.keys(o).sort().join(',');

    it('answers alike for an unknown PINFL, a PINFL without an account and a wrong passport; only a match gets an SMS', async () => {
      const owner = people[3]!;
      const phone = freshPhone();
      await register(sb, owner, 'recover.me', phone);
      const noAccount = people[4]!;
      const smsBefore = await sb.lastSms(phone);
      const answers = [
        await sb.request('POST', '/api/v1/recovery', {
          pinfl: noAccount.pinfl,
          passport: noAccount.passport,
        }),
        await sb.request('POST', '/api/v1/recovery', { pinfl: owner.pinfl, passport: noAccount.passport }),
      ];
      assert.equal(await sb.lastSms(phone), smsBefore, 'no SMS for a mismatch');
      const right = await sb.request('POST', '/api/v1/recovery', {
        pinfl: owner.pinfl,
        passport: owner.passport,
      });
      for (const a of [...answers, right]) {
        assert.equal(a.status, 201, JSON.stringify(a.body));
        assert.equal(keys(a.body), 'codeExpiresIn,id');
      }
      assert.notEqual(await sb.lastSms(phone), smsBefore);
      // The code step refuses a mismatch exactly as it refuses a wrong code.
      const wrong = '000000';
      const fake = await sb.request('POST', `/api/v1/recovery/${answers[1]!.body.id}/complete`, {
        code: wrong,
        password: 'New-pass#1',
      });
      const real = await sb.request('POST', `/api/v1/recovery/${right.body.id}/complete`, {
        code: (await sb.lastSmsCode(phone)) === wrong ? '000001' : wrong,
        password: 'New-pass#1',
      });
      assert.deepEqual(fake.body, real.body);
      assert.equal(real.body.code, 'SMS_CODE_INVALID');
    });

    it('limits wrong passports per PINFL (the right one is then refused too) and wrong SMS codes per recovery', async () => {
      const owner = people[5]!;
      const phone = freshPhone();
      await register(sb, owner, 'recover.two', phone);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (await sb.request('POST', '/api/v1/recovery', { pinfl: owner.pinfl, passport: 'AA0000001' }))
            .status,
        );
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);
      const locked = await sb.request('POST', '/api/v1/recovery', {
        pinfl: owner.pinfl,
        passport: owner.passport,
      });
      assert.equal(locked.status, 429);
      assert.equal(locked.body.code, 'RECOVERY_LOCKED');
      // A PINFL without an account locks the same way: the lock answers nothing.
      const nobody = people[6]!;
      const s2: number[] = [];
      for (let i = 0; i < 6; i++)
        s2.push(
          (await sb.request('POST', '/api/v1/recovery', { pinfl: nobody.pinfl, passport: 'AA0000001' }))
            .status,
        );
      assert.deepEqual(s2, statuses);

      const other = people[7]!;
      const phone2 = freshPhone();
      await register(sb, other, 'recover.three', phone2);
      const r = await sb.request('POST', '/api/v1/recovery', {
        pinfl: other.pinfl,
        passport: other.passport,
      });
      const code = await sb.lastSmsCode(phone2);
      const wrong = code === '111111' ? '222222' : '111111';
      const codes: string[] = [];
      for (let i = 0; i < 5; i++)
        codes.push(
          (
            await sb.request('POST', `/api/v1/recovery/${r.body.id}/complete`, {
              code: wrong,
              password: 'New-pass#1',
            })
          ).body.code,
        );
      assert.deepEqual(codes, [...Array(4).fill('SMS_CODE_INVALID'), 'SMS_ATTEMPTS_EXCEEDED']);
      const late = await sb.request('POST', `/api/v1/recovery/${r.body.id}/complete`, {
        code,
        password: 'New-pass#1',
      });
      assert.equal(late.status, 429, 'the right code after the limit opens nothing');
    });

    it('a recovered password tells the login and ends every session of the account', async () => {
      const owner = people[8]!;
      const phone = freshPhone();
      await register(sb, owner, 'recover.four', phone);
      const t1 = await login(sb, 'recover.four');
      const t2 = await login(sb, 'recover.four');
      const r = await sb.request('POST', '/api/v1/recovery', {
        pinfl: owner.pinfl,
        passport: owner.passport,
      });
      const done = await sb.request('POST', `/api/v1/recovery/${r.body.id}/complete`, {
        code: await sb.lastSmsCode(phone),
        password: 'New-pass#1',
      });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.deepEqual(done.body, { login: 'recover.four', sessionsEnded: 2 });
      for (const t of [t1, t2])
        assert.equal((await sb.request('GET', '/api/v1/account', undefined, bearer(t))).status, 401);
      const old = await sb.request('POST', '/api/v1/auth/login', {
        login: 'recover.four',
        password: PASSWORD,
      });
      assert.equal(old.status, 401);
      const fresh = await sb.request('POST', '/api/v1/auth/login', {
        login: 'recover.four',
        password: 'New-pass#1',
      });
      assert.equal(fresh.status, 200);
      const reuse = await sb.request('POST', `/api/v1/recovery/${r.body.id}/complete`, {
        code: '123456',
        password: 'Other-pass#2',
      });
      assert.equal(reuse.body.code, 'SMS_CODE_MISSING');
    });

    it('passwd: a wrong current password changes nothing; the right one ends every session', async () => {
      const owner = people[9]!;
      await register(sb, owner, 'passwd.one', freshPhone());
      const t1 = await login(sb, 'passwd.one');
      const t2 = await login(sb, 'passwd.one');
      const wrong = await sb.request(
        'POST',
        '/api/v1/account/password',
        { password: 'Wrong-pass1', newPassword: 'New-pass#1' },
        bearer(t1),
      );
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.code, 'PASSWORD_WRONG');
      assert.equal((await sb.request('GET', '/api/v1/account', undefined, bearer(t2))).status, 200);
      const ok = await sb.request(
        'POST',
        '/api/v1/account/password',
        { password: PASSWORD, newPassword: 'New-pass#1' },
        bearer(t1),
      );
      assert.deepEqual(ok.body, { status: 'ok', sessionsEnded: 2 });
      for (const t of [t1, t2])
        assert.equal((await sb.request('GET', '/api/v1/account', undefined, bearer(t))).status, 401);
    });
  });

  describe('regions, personal TIN', () => {
    it('serves the 14 regions with SOATO codes and their districts; forms check the codes', async () => {
      const r = await sb.request('GET', '/api/v1/regions');
      assert.equal(r.status, 200);
      assert.equal(r.body.regions.length, 14);
      const tashkent = r.body.regions.find((x: any) => x.code === '1726');
      assert.equal(tashkent.name, 'Toshkent shahri');
      assert.ok(tashkent.districts.some((d: any) => d.code === '1726294' && d.name === 'Chilonzor tumani'));
      assert.ok(r.body.regions.some((x: any) => x.code === '1735' && x.name.startsWith('Qoraqalpog')));
      const p = people[10]!;
      const bad = await sb.request('POST', '/api/v1/key-applications', {
        type: 'individual',
        pinfl: p.pinfl,
        phone: p.phone,
        region: '1726',
        district: '1703202',
      });
      assert.equal(bad.body.code, 'DISTRICT_UNKNOWN');
      const ok = await sb.request('POST', '/api/v1/key-applications', {
        type: 'individual',
        pinfl: p.pinfl,
        phone: p.phone,
        region: '1726',
        district: '1726294',
      });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
    });

    it('"STIR yoki PINFL": a person applies with the personal TIN the registry links to their PINFL', async () => {
      const p = people.find((x) => (x as any).tin)! as Person & { tin: string };
      const r = await sb.request('POST', '/api/v1/key-applications', {
        type: 'individual',
        tin: p.tin,
        phone: p.phone,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const v = await sb.request('GET', `/api/v1/key-applications/${r.body.id}`);
      assert.equal(v.body.pinfl, p.pinfl);
      assert.equal(v.body.type, 'individual');
      const company = await sb.request('POST', '/api/v1/key-applications', {
        type: 'individual',
        tin: reg.companies[0]!.tin,
        phone: p.phone,
      });
      assert.equal(company.body.code, 'TIN_INVALID');
    });
  });

  describe('reset (last: it empties the sandbox)', () => {
    it('forgets employees and recoveries with the accounts (the registries stay)', async () => {
      const r = await sb.request('POST', '/api/v1/sandbox/reset');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const status = await sb.request('GET', '/api/v1/sandbox/status');
      assert.equal(status.body.counts.accounts, 0);
    });
  });
});
