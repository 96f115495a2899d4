/**
 * What the administration API shows of the portal's state and how it is emptied: process status
 * with counts and database integrity, the registries (to pick identities for tests), the outbox,
 * and `reset`, which forgets what users did and keeps the registries and the CA.
 */
import type {
  OutboxMessage,
  OutboxQuery,
  RegistryAnswer,
  RegistryCompany,
  RegistryPerson,
  RegistryQuery,
  SandboxStatus,
} from '../../../lib/sandbox-contract/index.js';
import type { Ctx } from '../../context.js';
import { integrityOk } from '../../db/database.js';
import { listOutbox } from '../../outbox.js';
import { normalizePhone } from '../../registry/identifiers.js';

const started = Date.now();

/** Tables holding what users did; `reset` empties them and keeps the registries and the CA. */
export const USER_TABLES = [
  'sso_tokens',
  'sso_codes',
  'sessions',
  'account_legal_entities',
  'employee_authorizations',
  'recoveries',
  'sms_codes',
  'registrations',
  'certificates',
  'key_applications',
  'challenges',
  'outbox',
  'accounts',
];

const COUNTED = ['persons', 'companies', 'accounts', 'key_applications', 'certificates', 'outbox'];

export function sandboxStatus(ctx: Ctx): SandboxStatus {
  const count = (t: string): number =>
    (ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return {
    status: 'ok',
    version: ctx.version,
    pid: process.pid,
    dataDir: ctx.dataDir,
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    integrity: integrityOk(ctx.db) ? 'ok' : 'damaged',
    counts: Object.fromEntries(COUNTED.map((t) => [t, count(t)])),
  };
}

export function registries(ctx: Ctx, q: RegistryQuery): RegistryAnswer {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.kind) {
    where.push('p.kind = ?');
    args.push(q.kind);
  }
  if (q.free) where.push('NOT EXISTS (SELECT 1 FROM accounts a WHERE a.pinfl = p.pinfl)');
  const persons = ctx.db
    .prepare(
      `SELECT p.* FROM persons p ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY rowid LIMIT ?`,
    )
    .all(...args, q.limit ?? 1000) as RegistryPerson[];
  const companies = ctx.db.prepare('SELECT * FROM companies ORDER BY rowid').all() as Array<
    Omit<RegistryCompany, 'roles'>
  >;
  const roles = ctx.db.prepare('SELECT tin, pinfl, role FROM company_roles').all() as Array<{
    tin: string;
    pinfl: string;
    role: string;
  }>;
  return {
    persons,
    companies: companies.map((c) => ({
      ...c,
      roles: roles.filter((r) => r.tin === c.tin).map(({ pinfl, role }) => ({ pinfl, role })),
    })),
  };
}

/** `phone` may be an e-mail address; a phone is normalised (`+998…`) before it is matched. */
export function outbox(ctx: Ctx, q: OutboxQuery): { messages: OutboxMessage[] } {
  const recipient = q.phone ? (q.phone.includes('@') ? q.phone : normalizePhone(q.phone)) : undefined;
  return { messages: listOutbox(ctx.db, { recipient, channel: q.channel, last: q.last }) };
}

export function resetSandbox(ctx: Ctx): { status: 'ok' } {
  ctx.db.transaction(() => {
    for (const t of USER_TABLES) ctx.db.prepare(`DELETE FROM ${t}`).run();
  })();
  ctx.limiter.reset();
  return { status: 'ok' };
}
