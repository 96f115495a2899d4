/**
 * SIGKILL the portal in the middle of write load, ten times over the same data dir. After each
 * kill the database opens, passes `PRAGMA integrity_check`, and holds every write the portal had
 * answered with a success (WAL: a commit reaches the OS before the answer goes out).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';
import { PASSWORD, registry, today, type Person } from './flows.js';

const ROUNDS = 10;
const WORKERS = 12;

describe('sandbox: crash safety', function () {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'oneid-crash-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`keeps every accepted write through ${ROUNDS} SIGKILLs under load`, async function () {
    this.timeout(120_000);
    // What the clients were told, across all rounds.
    const acceptedRegistrations = new Map<string, string>(); // id → step the portal confirmed
    const acceptedAccounts = new Map<string, string>(); // login → pinfl
    let people: Person[] = [];
    let serial = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const sb: SandboxHandle = await startSandbox({ dataDir, relaxedLimits: true });
      if (!people.length)
        people = (await registry(sb)).persons.filter(
          (p) => p.kind === 'citizen' && p.passport_expiry_date > today(),
        );
      let stop = false;
      const worker = async (): Promise<void> => {
        while (!stop) {
          try {
            const s = await sb.request('POST', '/api/v1/registrations', { acceptOffer: true });
            if (s.status !== 201) continue;
            const id = s.body.id as string;
            acceptedRegistrations.set(id, 'identity');
            const person = people[serial++ % people.length]!;
            const idn = await sb.request('POST', `/api/v1/registrations/${id}/identity`, {
              pinfl: person.pinfl,
              passport: person.passport,
            });
            if (idn.status !== 200) continue;
            acceptedRegistrations.set(id, 'confirm');
            if (
              (await sb.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: true }))
                .status !== 200
            )
              continue;
            acceptedRegistrations.set(id, 'contacts');
            const login = `crash.${round}.${serial}`;
            const phone = `+99894${String(serial).padStart(7, '0')}`;
            const c = await sb.request('POST', `/api/v1/registrations/${id}/contacts`, {
              login,
              password: PASSWORD,
              email: `${login}@example.uz`,
              phone,
            });
            if (c.status !== 200) continue;
            acceptedRegistrations.set(id, 'sms');
            const done = await sb.request('POST', `/api/v1/registrations/${id}/complete`, {
              code: await sb.lastSmsCode(phone),
            });
            if (done.status === 201) {
              acceptedRegistrations.set(id, 'done');
              acceptedAccounts.set(login, person.pinfl);
            }
          } catch {
            // The server died under us: stop this worker.
            return;
          }
        }
      };
      const workers = Array.from({ length: WORKERS }, worker);
      await new Promise((r) => setTimeout(r, 300 + ((round * 137) % 500)));
      await sb.kill();
      stop = true;
      await Promise.all(workers);

      // Open the file as it was left (WAL recovery runs here) and check it.
      const db = new Database(path.join(dataDir, 'sandbox.db'));
      try {
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', `round ${round}`);
        const step = db.prepare('SELECT step FROM registrations WHERE id = ?');
        const order = ['identity', 'confirm', 'contacts', 'sms', 'done'];
        for (const [id, confirmed] of acceptedRegistrations) {
          const row = step.get(id) as { step: string } | undefined;
          assert.ok(row, `registration ${id} lost in round ${round}`);
          assert.ok(
            order.indexOf(row.step) >= order.indexOf(confirmed) ||
              (confirmed === 'identity' && row.step === 'identity'),
            `${id}: ${row.step} < ${confirmed}`,
          );
        }
        const acc = db.prepare('SELECT pinfl FROM accounts WHERE login = ?');
        for (const [login, pinfl] of acceptedAccounts) {
          assert.equal(
            (acc.get(login) as { pinfl: string } | undefined)?.pinfl,
            pinfl,
            `account ${login} lost in round ${round}`,
          );
        }
      } finally {
        db.close();
      }
    }
    assert.ok(acceptedRegistrations.size > ROUNDS * 5, `load too light: ${acceptedRegistrations.size}`);
    assert.ok(acceptedAccounts.size > 0, 'no account completed under load');
  });
});
