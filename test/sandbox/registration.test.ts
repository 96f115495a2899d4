import assert from 'node:assert/strict';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { freshPhone, PASSWORD, plainCitizens, register, registry, today, type Person } from './flows.js';

describe('sandbox: registration API', function () {
  let sb: SandboxHandle;
  let people: Person[];
  let all: Person[];

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true });
    const reg = await registry(sb);
    all = reg.persons;
    people = plainCitizens(reg);
  });
  after(async () => sb?.stop());

  const start = async (): Promise<string> =>
    (await sb.request('POST', '/api/v1/registrations', { acceptOffer: true })).body.id;

  it('serves the offer and refuses a start without accepting it', async () => {
    const offer = await sb.request('GET', '/api/v1/registrations/offer');
    assert.equal(offer.status, 200);
    assert.ok(offer.body.text.length > 20);
    const r = await sb.request('POST', '/api/v1/registrations', { acceptOffer: false });
    assert.equal(r.status, 400);
    assert.equal(r.body.code, 'VALIDATION');
  });

  it('registers a citizen in five steps: account unverified, e-mail queued', async () => {
    const p = people[0]!;
    const account = await register(sb, p, 'first.user');
    assert.equal(account.status, 'unverified');
    assert.equal(account.pin, p.pinfl);
    const mail = await sb.request('GET', '/api/v1/sandbox/outbox?phone=first.user@example.uz');
    assert.equal(mail.body.messages[0].channel, 'email');
  });

  it('shows the registry data at the confirmation step', async () => {
    const id = await start();
    const p = people[1]!;
    const r = await sb.request('POST', `/api/v1/registrations/${id}/identity`, {
      pinfl: p.pinfl,
      passport: p.passport.toLowerCase(),
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.step, 'confirm');
    assert.equal(r.body.person.surname, p.surname);
    assert.equal(r.body.person.passport, p.passport);
    const back = await sb.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: false });
    assert.equal(back.body.step, 'identity');
    const state = await sb.request('GET', `/api/v1/registrations/${id}`);
    assert.equal(state.body.step, 'identity');
    assert.equal(state.body.person, null);
  });

  describe('identity step refusals', () => {
    const cases: Array<[string, () => { pinfl: string; passport: string }, number, string]> = [
      [
        'a PINFL with a wrong check digit',
        () => ({
          pinfl: people[2]!.pinfl.slice(0, 13) + ((Number(people[2]!.pinfl[13]) + 1) % 10),
          passport: people[2]!.passport,
        }),
        400,
        'PINFL_INVALID',
      ],
      [
        'a malformed passport',
        () => ({ pinfl: people[2]!.pinfl, passport: 'A1234567' }),
        400,
        'PASSPORT_INVALID',
      ],
      [
        'a passport of someone else',
        () => ({ pinfl: people[2]!.pinfl, passport: people[3]!.passport }),
        422,
        'IDENTITY_NOT_FOUND',
      ],
      [
        'a foreign citizen',
        () => all.find((p) => p.kind === 'foreign')!,
        422,
        'PASSPORT_IDENTIFICATION_UNAVAILABLE',
      ],
      [
        'a stateless person',
        () => all.find((p) => p.kind === 'stateless')!,
        422,
        'PASSPORT_IDENTIFICATION_UNAVAILABLE',
      ],
      [
        'an expired passport',
        () => all.find((p) => p.kind === 'citizen' && p.passport_expiry_date < today())!,
        422,
        'PASSPORT_EXPIRED',
      ],
    ];
    for (const [what, body, status, code] of cases) {
      it(`refuses ${what} (${code})`, async () => {
        const id = await start();
        const { pinfl, passport } = body();
        const r = await sb.request('POST', `/api/v1/registrations/${id}/identity`, { pinfl, passport });
        assert.equal(r.status, status, JSON.stringify(r.body));
        assert.equal(r.body.code, code);
        assert.equal(r.body.status, status);
        assert.equal(typeof r.body.message, 'string');
      });
    }

    it('refuses a second account for the same PINFL (ACCOUNT_EXISTS)', async () => {
      const id = await start();
      const r = await sb.request('POST', `/api/v1/registrations/${id}/identity`, {
        pinfl: people[0]!.pinfl,
        passport: people[0]!.passport,
      });
      assert.equal(r.status, 409);
      assert.equal(r.body.code, 'ACCOUNT_EXISTS');
    });
  });

  describe('contacts step', () => {
    let id: string;
    before(async () => {
      id = await start();
      const p = people[4]!;
      await sb.request('POST', `/api/v1/registrations/${id}/identity`, {
        pinfl: p.pinfl,
        passport: p.passport,
      });
      await sb.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: true });
    });
    const good = { login: 'contact.user', password: PASSWORD, email: 'c@example.uz', phone: '+998901110022' };
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ login: 'abc' }, 400, 'LOGIN_INVALID'],
      [{ password: 'short!' }, 400, 'PASSWORD_WEAK'],
      [{ password: 'longenoughbutplain' }, 400, 'PASSWORD_WEAK'],
      [{ email: 'not-an-email' }, 400, 'EMAIL_INVALID'],
      [{ phone: '+7 999 123 45 67' }, 400, 'PHONE_INVALID'],
      [{ login: 'first.user' }, 409, 'LOGIN_TAKEN'],
    ];
    for (const [change, status, code] of cases) {
      it(`refuses ${JSON.stringify(change)} (${code})`, async () => {
        const r = await sb.request('POST', `/api/v1/registrations/${id}/contacts`, { ...good, ...change });
        assert.equal(r.status, status, JSON.stringify(r.body));
        assert.equal(r.body.code, code);
      });
    }

    it('sends an SMS code, counts wrong codes, and locks after the limit', async () => {
      const r = await sb.request('POST', `/api/v1/registrations/${id}/contacts`, good);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.match(r.body.phone, /^\+998 90 \*\*\*-\*\*-22$/);
      const code = await sb.lastSmsCode(good.phone);
      const wrong = code === '000000' ? '111111' : '000000';
      const first = await sb.request('POST', `/api/v1/registrations/${id}/complete`, { code: wrong });
      assert.equal(first.status, 422);
      assert.equal(first.body.code, 'SMS_CODE_INVALID');
      assert.equal(first.body.attemptsLeft, 4);
      for (let i = 0; i < 3; i++)
        await sb.request('POST', `/api/v1/registrations/${id}/complete`, { code: wrong });
      const last = await sb.request('POST', `/api/v1/registrations/${id}/complete`, { code: wrong });
      assert.equal(last.status, 429);
      assert.equal(last.body.code, 'SMS_ATTEMPTS_EXCEEDED');
      // Even the right code no longer works; a new one does.
      assert.equal(
        (await sb.request('POST', `/api/v1/registrations/${id}/complete`, { code })).body.code,
        'SMS_ATTEMPTS_EXCEEDED',
      );
      assert.equal((await sb.request('POST', `/api/v1/registrations/${id}/sms/resend`)).status, 200);
      const fresh = await sb.lastSmsCode(good.phone);
      const ok = await sb.request('POST', `/api/v1/registrations/${id}/complete`, { code: fresh });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      const again = await sb.request('POST', `/api/v1/registrations/${id}/complete`, { code: fresh });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'REGISTRATION_COMPLETED');
    });
  });

  it('answers WRONG_STEP and REGISTRATION_NOT_FOUND', async () => {
    const id = await start();
    const early = await sb.request('POST', `/api/v1/registrations/${id}/contacts`, {
      login: 'early.bird',
      password: PASSWORD,
      email: 'e@example.uz',
      phone: freshPhone(),
    });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'WRONG_STEP');
    assert.equal(
      (await sb.request('POST', `/api/v1/registrations/${id}/complete`, { code: '123456' })).body.code,
      'WRONG_STEP',
    );
    const missing = await sb.request('GET', '/api/v1/registrations/reg_doesnotexist');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'REGISTRATION_NOT_FOUND');
  });

  it('refuses an expired SMS code (SMS_CODE_EXPIRED)', async () => {
    await sb.request('PATCH', '/api/v1/sandbox/settings', { smsCodeTtlSeconds: 1 });
    try {
      const id = await start();
      const p = people[6]!;
      await sb.request('POST', `/api/v1/registrations/${id}/identity`, {
        pinfl: p.pinfl,
        passport: p.passport,
      });
      await sb.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: true });
      const phone = freshPhone();
      const body = { login: 'expired.code', password: PASSWORD, email: 'x@example.uz', phone };
      assert.equal((await sb.request('POST', `/api/v1/registrations/${id}/contacts`, body)).status, 200);
      const code = await sb.lastSmsCode(phone);
      await new Promise((r) => setTimeout(r, 1100));
      const r = await sb.request('POST', `/api/v1/registrations/${id}/complete`, { code });
      assert.equal(r.status, 422);
      assert.equal(r.body.code, 'SMS_CODE_EXPIRED');
    } finally {
      await sb.request('PATCH', '/api/v1/sandbox/settings', {
        smsCodeTtlSeconds: 300,
        ipMaxSms: 1_000_000,
        ipMaxFailures: 1_000_000,
      });
    }
  });

  it('rate-limits SMS per phone (SMS_RATE_LIMITED)', async () => {
    const id = await start();
    const p = people[5]!;
    await sb.request('POST', `/api/v1/registrations/${id}/identity`, {
      pinfl: p.pinfl,
      passport: p.passport,
    });
    await sb.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: true });
    const phone = freshPhone();
    const body = { login: 'limited.user', password: PASSWORD, email: 'l@example.uz', phone };
    assert.equal((await sb.request('POST', `/api/v1/registrations/${id}/contacts`, body)).status, 200);
    let limited;
    for (let i = 0; i < 6 && !limited; i++) {
      const r = await sb.request('POST', `/api/v1/registrations/${id}/sms/resend`);
      if (r.status === 429) limited = r;
    }
    assert.ok(limited, 'expected a 429');
    assert.equal(limited.body.code, 'SMS_RATE_LIMITED');
    assert.ok(limited.body.retryAfter > 0);
  });
});
