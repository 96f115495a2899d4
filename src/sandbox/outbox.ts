/**
 * Messages the portal "sends": stored instead of delivered, so testers read SMS codes with
 * `oneid sandbox outbox`. Callers insert inside their own transaction, so a message exists exactly
 * when the state change that caused it was committed.
 */
import type { OutboxMessage } from '../lib/sandbox-contract/index.js';
import type { Db } from './db/database.js';

export function queueSms(db: Db, phone: string, body: string): void {
  db.prepare(
    'INSERT INTO outbox (channel, recipient, subject, body, created_at) VALUES (?, ?, NULL, ?, ?)',
  ).run('sms', phone, body, Date.now());
}

export function queueEmail(db: Db, to: string, subject: string, body: string): void {
  db.prepare('INSERT INTO outbox (channel, recipient, subject, body, created_at) VALUES (?, ?, ?, ?, ?)').run(
    'email',
    to,
    subject,
    body,
    Date.now(),
  );
}

/** Newest first, optionally for one recipient; `last` bounds the count. */
export function listOutbox(
  db: Db,
  opts: { recipient?: string; last?: number; channel?: string },
): OutboxMessage[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (opts.recipient) {
    where.push('recipient = ?');
    args.push(opts.recipient);
  }
  if (opts.channel) {
    where.push('channel = ?');
    args.push(opts.channel);
  }
  const sql = `SELECT id, channel, recipient, subject, body, created_at FROM outbox
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...args, opts.last ?? 50) as Array<{
    id: number;
    channel: 'sms' | 'email';
    recipient: string;
    subject: string | null;
    body: string;
    created_at: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
