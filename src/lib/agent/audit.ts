/**
 * The signature log: one JSON line per signature (time, site, key, SHA-256 of what was signed,
 * attached or detached), appended with one write() each to a 0600 file opened O_APPEND: lines are
 * never rewritten, and a killed agent leaves every line it wrote whole.
 */
import { chmodSync, closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { UsageError } from '../errors/index.js';
import type { AuditEntry } from './contract.js';

export class AuditLog {
  private fd: number;
  count = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'a', 0o600);
    chmodSync(file, 0o600); // a file made earlier with a wider mode
  }

  append(e: AuditEntry): void {
    writeSync(this.fd, JSON.stringify(e) + '\n');
    this.count++;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/** `--since`: a duration back from now (`90s`, `30m`, `12h`, `7d`) or a date/time (ISO 8601). */
export function parseSince(value: string, now = Date.now()): Date {
  const ms = parseDuration(value);
  if (ms !== undefined) return new Date(now - ms);
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new UsageError('AGENT_BAD_SINCE', 'agent.error.badSince', { params: { value } });
  return d;
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `30m`, `12h`, `7d`, `1h30m` → milliseconds; undefined when it is not a duration. */
export function parseDuration(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (!/^(\d+[smhd])+$/.test(v)) return undefined;
  let ms = 0;
  for (const m of v.matchAll(/(\d+)([smhd])/g)) ms += Number(m[1]) * UNITS[m[2]!]!;
  return ms;
}

/** The log's entries (oldest first), from `since` on; a damaged line (a disk full…) is skipped. */
export function readAudit(file: string, since?: Date): AuditEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const e = JSON.parse(line) as AuditEntry;
      if (!since || new Date(e.time).getTime() >= since.getTime()) out.push(e);
    } catch {
      // a torn last line of a full disk: the lines before it still count
    }
  }
  return out;
}
