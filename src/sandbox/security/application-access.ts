/**
 * Who may touch a key application (issue 13; docs/decisions.md "Security"):
 * - the application-scoped secret: 256 random bits, issued once when the SMS code is confirmed
 *   (the phone is proven), sent back in the `X-Application-Secret` header; the database keeps
 *   only its SHA-256;
 * - or a portal session (`Authorization: Bearer`) of the account whose PINFL is the key holder's.
 * An application still waiting for its SMS code has no secret yet: its id, told only to whoever
 * started it, is enough there (nothing is in it but what the starter typed).
 * A refusal is the same 404 APPLICATION_NOT_FOUND as an unknown id, so that the endpoints do not
 * tell which ids exist.
 *
 * The limits of `POST /key-applications` live here too: wrong holder/phone pairs per client IP and
 * per holder, and SMS counted per (phone, IP) so that one address cannot use up a phone's allowance.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ApplicationRow } from '../application-row.js';
import type { Ctx } from '../context.js';
import { notFound, tooMany, type ApiError } from '../http/errors.js';
import { bearerToken } from './sessions.js';
import { sameDigest, sha256hex } from './secrets.js';

/** The header name as documented; fastify's `req.headers` has it in lower case. */
export const APPLICATION_SECRET_HEADER = 'X-Application-Secret';
const HEADER_KEY = APPLICATION_SECRET_HEADER.toLowerCase();

/** `kas_` and 256 random bits, base64url. */
export const newApplicationSecret = (): string => `kas_${randomBytes(32).toString('base64url')}`;

export const applicationSecretHash = (secret: string): string => sha256hex(secret);

const SECRET_RE = /^kas_[A-Za-z0-9_-]{43}$/;

export const applicationNotFound = (): ApiError =>
  notFound(
    'APPLICATION_NOT_FOUND',
    'No such key application, or the request does not carry its secret (X-Application-Secret) ' +
      "or the key holder's session.",
  );

/** True when the request proves it may see and change `app`. */
export function mayAccess(ctx: Ctx, req: FastifyRequest, app: ApplicationRow): boolean {
  if (app.status === 'awaiting_sms') return true;
  const given = req.headers[HEADER_KEY];
  if (typeof given === 'string' && SECRET_RE.test(given.trim()) && app.secret_hash) {
    if (sameDigest(applicationSecretHash(given.trim()), app.secret_hash)) return true;
  }
  const token = bearerToken(req);
  if (token) {
    const row = ctx.db
      .prepare(
        `SELECT a.pinfl FROM sessions s JOIN accounts a ON a.id = s.account_id
         WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?`,
      )
      .get(sha256hex(token), Date.now()) as { pinfl: string } | undefined;
    if (row && row.pinfl === app.pinfl) return true;
  }
  return false;
}

/** Throws the 404 of an unknown id unless the request may access `app`. */
export function authorizeApplication(ctx: Ctx, req: FastifyRequest, app: ApplicationRow): void {
  if (!mayAccess(ctx, req, app)) throw applicationNotFound();
}

// ---- limits of POST /key-applications -------------------------------------------------------

const guessIpKey = (ip: string) => `ka-guess-ip:${ip}`;
const guessHolderKey = (holder: string) => `ka-guess-holder:${holder}`;

function guessRefusal(ctx: Ctx): ApiError {
  return tooMany(
    'TOO_MANY_MISMATCHES',
    'Too many wrong key holder / phone pairs; wait and try again.',
    ctx.settings.applicationGuessWindowSeconds,
  );
}

/**
 * Before the registry is asked: refuse when this address, or anyone for this holder, has made
 * too many wrong guesses. Checked first, so that a right guess made after the limit looks the same
 * as a wrong one (the limit would otherwise still answer the question).
 */
export function checkGuessLimits(ctx: Ctx, ip: string, holder: string): void {
  const s = ctx.settings;
  if (
    ctx.limiter.count(guessIpKey(ip)) >= s.applicationGuessesPerIp ||
    ctx.limiter.count(guessHolderKey(holder)) >= s.applicationGuessesPerHolder
  )
    throw guessRefusal(ctx);
}

/** Count one wrong guess: an unknown holder (per IP only) or a wrong phone (per IP and holder). */
export function noteWrongGuess(ctx: Ctx, ip: string, holder?: string): void {
  const s = ctx.settings;
  const windowMs = s.applicationGuessWindowSeconds * 1000;
  ctx.limiter.hit(guessIpKey(ip), s.applicationGuessesPerIp, windowMs);
  if (holder) ctx.limiter.hit(guessHolderKey(holder), s.applicationGuessesPerHolder, windowMs);
}

/**
 * SMS of key applications: per (phone, IP) first, then per IP, then per phone overall (a higher
 * cap, counted only for messages the narrower limits let through). A stranger on one address
 * uses up only his own (phone, IP) share; the holder's own address keeps its share.
 */
export function checkApplicationSmsLimits(ctx: Ctx, phone: string, ip: string): void {
  const s = ctx.settings;
  const windowMs = s.rateWindowSeconds * 1000;
  const refuse = (message: string) => tooMany('SMS_RATE_LIMITED', message, s.rateWindowSeconds);
  if (!ctx.limiter.hit(`ka-sms-phone-ip:${phone}|${ip}`, s.applicationSmsPerPhoneIp, windowMs))
    throw refuse('Too many SMS messages to this number from this address; wait and try again.');
  if (!ctx.limiter.hit(`sms-ip:${ip}`, s.ipMaxSms, windowMs))
    throw refuse('Too many SMS messages from this address; wait and try again.');
  if (!ctx.limiter.hit(`ka-sms-phone:${phone}`, s.applicationSmsPerPhone, windowMs))
    throw refuse('Too many SMS messages to this number; wait and try again.');
}
