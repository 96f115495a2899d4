/** Portal host keys and the (de)serialisation of session records, shared by the stores. */
import { StorageError, UsageError } from '../errors/index.js';
import type { Session, SessionRole } from './types.js';

/**
 * The key a portal's sessions are stored under: lower-case `host[:port]` (default ports dropped),
 * from a URL (`https://ID.gov.uz/` → `id.gov.uz`) or a bare host (`127.0.0.1:8765`).
 */
export function portalHost(portal: string): string {
  const text = portal.trim();
  let host = '';
  try {
    host = new URL(text.includes('://') ? text : `http://${text}`).host;
  } catch {
    // reported below
  }
  if (!host) throw new UsageError('SESSION_PORTAL', 'session.error.portal', { params: { portal: text } });
  return host.toLowerCase();
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function isRole(v: unknown): v is SessionRole {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (r.type === 'individual') return true;
  return r.type === 'legal' && isText(r.tin) && isText(r.role);
}

/** True when `v` has every field of a Session with the right type. */
export function isSession(v: unknown): v is Session {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    isText(s.portal) &&
    isText(s.login) &&
    isText(s.token) &&
    isRole(s.role) &&
    isText(s.expiresAt) &&
    isText(s.createdAt)
  );
}

/** Only the record's own fields, so nothing else a caller attached ends up in storage. */
export function toRecord(s: Session): Session {
  const role: SessionRole =
    s.role.type === 'legal' ? { type: 'legal', tin: s.role.tin, role: s.role.role } : { type: 'individual' };
  return {
    portal: portalHost(s.portal),
    login: s.login,
    token: s.token,
    role,
    expiresAt: s.expiresAt,
    createdAt: s.createdAt,
  };
}

/** Refuse to store a malformed record (a bug in the caller, reported before anything is written). */
export function assertSession(s: Session): void {
  if (!isSession(s)) throw new UsageError('SESSION_INVALID', 'session.error.invalidRecord');
}

/** A stored record that cannot be read: StorageError (exit 9) naming where it is. */
export function corrupt(where: string, cause?: unknown): StorageError {
  return new StorageError('SESSION_CORRUPT', 'session.error.corrupt', {
    params: { where },
    hintKey: 'session.hint.corrupt',
    cause,
  });
}

export function decodeSession(text: string, where: string): Session {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw corrupt(where, e);
  }
  if (!isSession(v)) throw corrupt(where);
  return toRecord(v);
}
