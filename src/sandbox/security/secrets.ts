/**
 * Passwords (scrypt, salted, constant-time compare), opaque tokens (256 random bits, stored only
 * as SHA-256) and one-time numeric codes.
 */
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

// N=2^14, r=8, p=1: the interactive-login parameters RFC 7914 suggests; ~30 ms on this machine,
// run on libuv's thread pool so the event loop keeps serving other requests meanwhile.
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LEN = 32;

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LEN, SCRYPT, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url parts), self-describing so parameters can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

// A fixed hash to compare against when the login does not exist, so that timing does not reveal
// which logins are registered.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('dummy password that never matches!');
  return dummy;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      Buffer.from(salt, 'base64url'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem },
      (err, k) => (err ? reject(err) : resolve(k)),
    ),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export const sha256hex = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

/** 256-bit opaque token (URL-safe); the database keeps only its SHA-256. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Random identifier with a readable prefix, e.g. `reg_…`, `ka_…` (128 bits). */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(16).toString('base64url')}`;

export const newSmsCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
