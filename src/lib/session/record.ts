/** Portal keys and URLs, and the (de)serialisation of session records, shared by the stores. */
import { StorageError, UsageError } from '../errors/index.js';
import type { Session, SessionRole } from './types.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i;

function parse(text: string, scheme: (host: string) => string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text.includes('://') ? text : `${scheme(text.split('/')[0]!)}://${text}`);
  } catch {
    // reported below
  }
  if (!url?.host || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new UsageError('SESSION_PORTAL', 'session.error.portal', { params: { portal: text } });
  return url;
}

const prefix = (url: URL): string => url.pathname.replace(/\/+$/, '');

/**
 * A portal's full base URL as sessions keep it: `https://id.gov.uz/oneid` (lower-case host,
 * default port, trailing slash, query and fragment dropped; a path prefix kept). A record written
 * before sessions kept URLs holds only the host: a loopback host becomes `http://`, any other
 * `https://` (what `logout` assumed for them).
 */
export function portalUrl(portal: string): string {
  const url = parse(portal.trim(), (host) => (LOOPBACK.test(host) ? 'http' : 'https'));
  return `${url.protocol}//${url.host}${prefix(url)}`;
}

/**
 * The key a portal's sessions are stored under: lower-case `host[:port]` (default ports dropped)
 * and the path prefix, if any, from a URL (`https://ID.gov.uz/oneid/` → `id.gov.uz/oneid`) or a
 * key (`127.0.0.1:8765`). A portal at the root keeps the key sessions always had (its host).
 */
export function portalKey(portal: string): string {
  const url = parse(portal.trim(), () => 'http');
  return `${url.host}${prefix(url)}`;
}

/** The old name of `portalKey` (the key was the host until portals could have a path prefix). */
export const portalHost = portalKey;

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
    portal: portalUrl(s.portal),
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
