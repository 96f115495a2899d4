/**
 * Issue 13, limits under concurrency: the attacks replayed against a real sandbox over real HTTP.
 * A limit that is checked, then followed by an asynchronous check (scrypt of a password), must be
 * reserved before the first await; otherwise a burst of parallel guesses is evaluated in full.
 * "Evaluated" below = answered 401/422/200 (the guess was checked), against 429 (refused unchecked).
 */
import assert from 'node:assert/strict';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { freshPhone, PASSWORD, plainCitizens, register, registry, type Person } from '../sandbox/flows.js';

type Answer = { status: number; body: any };

function tally(answers: Answer[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}

/** A passport in the registry's format that is not `right`. */
const wrongPassport = (right: string, i: number): string => {
  const p = `ZZ${String(1_000_000 + i).padStart(7, '0')}`;
  return p === right ? `ZY${p.slice(2)}` : p;
};

describe('security: lockouts hold under concurrency (issue 13)', function () {
  this.timeout(120_000);
  let sb: SandboxHandle;
  let people: Person[];

  before(async () => {
    sb = await startSandbox({ relaxedLimits: true });
    people = plainCitizens(await registry(sb));
    await register(sb, people[0]!, 'burst.user');
  });
  after(async () => sb?.stop());

  const settings = async (s: Record<string, number>): Promise<void> => {
    const r = await sb.request('PATCH', '/api/v1/sandbox/settings', s); // also resets the limiter
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };

  it('300 parallel password logins (299 wrong, 1 right): at most loginMaxFailures evaluated, no token', async () => {
    await settings({ loginMaxFailures: 5, ipMaxFailures: 1_000_000 });
    const attempts = Array.from({ length: 300 }, (_, i) => ({
      login: 'burst.user',
      password: i === 299 ? PASSWORD : `Wrong-pass-${i}!`,
    }));
    const answers = await Promise.all(attempts.map((b) => sb.request('POST', '/api/v1/auth/login', b)));
    const counts = tally(answers);
    const evaluated = (counts[401] ?? 0) + (counts[200] ?? 0);
    console.log(`      login burst: ${JSON.stringify(counts)} → ${evaluated} evaluated`);
    assert.ok(evaluated <= 5, `evaluated ${evaluated} > 5: ${JSON.stringify(counts)}`);
    assert.equal(counts[429], 300 - evaluated);
    for (const a of answers.filter((x) => x.status === 429)) {
      assert.equal(a.body.code, 'ACCOUNT_LOCKED');
      assert.ok(a.body.retryAfter > 0);
    }
    const right = answers[299]!;
    assert.equal(right.status, 429, `the right password got ${right.status}`);
    assert.equal(right.body.token, undefined);
    // And now the login is locked for the right password too.
    const after = await sb.request('POST', '/api/v1/auth/login', { login: 'burst.user', password: PASSWORD });
    assert.equal(after.status, 429);
    assert.equal(after.body.code, 'ACCOUNT_LOCKED');
    assert.ok(after.body.retryAfter > 1);
  });

  it('a right password resets the login failures; a lock needs loginMaxFailures more', async () => {
    await settings({ loginMaxFailures: 3, ipMaxFailures: 1_000_000 });
    const wrong = () =>
      sb.request('POST', '/api/v1/auth/login', { login: 'burst.user', password: 'Nope-nope1' });
    assert.equal((await wrong()).status, 401);
    assert.equal((await wrong()).status, 401);
    const ok = await sb.request('POST', '/api/v1/auth/login', { login: 'burst.user', password: PASSWORD });
    assert.equal(ok.status, 200);
    assert.equal((await wrong()).status, 401);
    assert.equal((await wrong()).status, 401);
    assert.equal((await wrong()).status, 401);
    assert.equal((await wrong()).body.code, 'ACCOUNT_LOCKED');
  });

  it('300 parallel logins to different logins: at most ipMaxFailures evaluated, the rest IP_LOCKED', async () => {
    await settings({ loginMaxFailures: 1000, ipMaxFailures: 10 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          sb.request('POST', '/api/v1/auth/login', { login: `sprayed.${i}`, password: 'Wrong-pass1' }),
        ),
      );
      const counts = tally(answers);
      console.log(`      address burst: ${JSON.stringify(counts)}`);
      assert.ok((counts[401] ?? 0) <= 10, JSON.stringify(counts));
      assert.equal(counts[429], 300 - (counts[401] ?? 0));
      assert.ok(answers.filter((a) => a.status === 429).every((a) => a.body.code === 'IP_LOCKED'));
    } finally {
      await settings({ loginMaxFailures: 5, ipMaxFailures: 1_000_000 });
    }
  });

  describe('passport guessing at /registrations/{id}/identity', () => {
    const start = async (): Promise<string> =>
      (await sb.request('POST', '/api/v1/registrations', { acceptOffer: true })).body.id;
    const identify = (id: string, pinfl: string, passport: string): Promise<Answer> =>
      sb.request('POST', `/api/v1/registrations/${id}/identity`, { pinfl, passport });

    it('per PINFL: identityMaxFailures wrong passports, then 429 with retryAfter, even for the right one', async () => {
      await settings({ ipMaxFailures: 1_000_000 }); // identityMaxFailures: 5, the default
      const p = people[1]!;
      const id = await start();
      for (let i = 0; i < 5; i++) {
        const r = await identify(id, p.pinfl, wrongPassport(p.passport, i));
        assert.equal(r.status, 422);
        assert.equal(r.body.code, 'IDENTITY_NOT_FOUND');
      }
      const next = await identify(id, p.pinfl, wrongPassport(p.passport, 5));
      assert.equal(next.status, 429, JSON.stringify(next.body));
      assert.equal(next.body.code, 'IDENTITY_ATTEMPTS_EXCEEDED');
      assert.ok(next.body.retryAfter > 0);
      const right = await identify(await start(), p.pinfl, p.passport);
      assert.equal(right.status, 429);
      // Another PINFL from the same address is not affected.
      const other = await identify(await start(), people[2]!.pinfl, people[2]!.passport);
      assert.equal(other.status, 200, JSON.stringify(other.body));
    });

    it('per PINFL, in parallel: 100 guesses at once, at most identityMaxFailures checked', async () => {
      await settings({ ipMaxFailures: 1_000_000 }); // identityMaxFailures: 5, the default
      const p = people[3]!;
      const id = await start();
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) => identify(id, p.pinfl, wrongPassport(p.passport, i))),
      );
      const counts = tally(answers);
      assert.ok((counts[422] ?? 0) <= 5, JSON.stringify(counts));
      assert.equal(counts[429], 100 - (counts[422] ?? 0));
    });

    it('per address: ipMaxFailures wrong pairs over many PINFLs, then 429', async () => {
      await settings({ ipMaxFailures: 3 });
      try {
        const id = await start();
        for (let i = 0; i < 3; i++) {
          const q = people[4 + i]!;
          assert.equal((await identify(id, q.pinfl, wrongPassport(q.passport, i))).status, 422);
        }
        const q = people[7]!;
        const r = await identify(id, q.pinfl, q.passport);
        assert.equal(r.status, 429);
        assert.equal(r.body.code, 'IDENTITY_ATTEMPTS_EXCEEDED');
        assert.ok(r.body.retryAfter > 0);
      } finally {
        await settings({ ipMaxFailures: 1_000_000 }); // identityMaxFailures: 5, the default
      }
    });
  });

  it('SMS code attempts: 50 parallel wrong codes, at most smsMaxAttempts checked', async () => {
    await settings({ smsMaxAttempts: 5, ipMaxFailures: 1_000_000 });
    const p = people[8]!;
    const id = (await sb.request('POST', '/api/v1/registrations', { acceptOffer: true })).body.id;
    assert.equal(
      (
        await sb.request('POST', `/api/v1/registrations/${id}/identity`, {
          pinfl: p.pinfl,
          passport: p.passport,
        })
      ).status,
      200,
    );
    await sb.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: true });
    const phone = freshPhone();
    const c = await sb.request('POST', `/api/v1/registrations/${id}/contacts`, {
      login: 'sms.burst',
      password: PASSWORD,
      email: 'sms.burst@example.uz',
      phone,
    });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    const code = await sb.lastSmsCode(phone);
    const wrong = (i: number): string => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sb.request('POST', `/api/v1/registrations/${id}/complete`, { code: wrong(i) }),
      ),
    );
    const counts = tally(answers);
    assert.ok((counts[422] ?? 0) <= 5, JSON.stringify(counts));
    assert.equal(counts[201], undefined);
    // The right code after the attempts are used up: refused too (a new code must be requested).
    const late = await sb.request('POST', `/api/v1/registrations/${id}/complete`, { code });
    assert.equal(late.status, 429);
    assert.equal(late.body.code, 'SMS_ATTEMPTS_EXCEEDED');
  });
});
