/**
 * The E-IMZO-SERVER answers (REFERENCES.md §3): HTTP 200 with `status` 1 = success, another
 * `status` = the failure; bodies are base64 PKCS#7 text (or `data_b64|pkcs7_b64` for detached).
 */
import type { Ctx } from '../context.js';
import { ApiError } from '../http/errors.js';
import {
  checkPkcs7,
  consumeChallenge,
  EIMZO,
  fromBase64,
  overallStatus,
  pkcs7Info,
  subjectCertificateInfo,
  validNow,
} from '../signatures.js';
import { timestampPkcs7 } from '../tsa/attach.js';
import { caOf } from './certificates.js';

const message = (status: number): string =>
  ({
    [EIMZO.ok]: '',
    [EIMZO.certificateStatusUnknown]: 'Certificate status could not be checked',
    [EIMZO.signatureInvalid]: 'Signature is invalid',
    [EIMZO.certificateInvalid]: 'Certificate is invalid or revoked',
    [EIMZO.notValidAtSigningTime]: 'Certificate was not valid at signing time',
    [EIMZO.challengeInvalid]: 'Challenge not found or expired',
  })[status] ?? 'Verification failed';

/** Sign-in by an attached PKCS#7 of a challenge: one signer, valid now, the challenge unused. */
export async function authenticate(ctx: Ctx, body: string) {
  const checked = await checkPkcs7(ctx, fromBase64(body, 'The body'));
  let status = overallStatus(checked);
  if (status === EIMZO.ok && checked.signers.length !== 1) status = EIMZO.signatureInvalid;
  const cert = checked.signers[0]?.certificate;
  // A challenge is signed now: a backdated signingTime does not make an expired key valid.
  if (status === EIMZO.ok && cert && !validNow(cert)) status = EIMZO.notValidAtSigningTime;
  if (status === EIMZO.ok && !consumeChallenge(ctx, checked.parsed.content)) status = EIMZO.challengeInvalid;
  return {
    subjectCertificateInfo: status === EIMZO.ok && cert ? subjectCertificateInfo(cert) : null,
    status,
    message: message(status),
  };
}

export async function verifyAttached(ctx: Ctx, body: string) {
  const checked = await checkPkcs7(ctx, fromBase64(body, 'The body'));
  const status = overallStatus(checked);
  return { pkcs7Info: pkcs7Info(checked, checked.parsed.content), status, message: message(status) };
}

/** `data_b64|pkcs7_b64`; empty data is an empty document. */
export async function verifyDetached(ctx: Ctx, body: string) {
  const bar = body.indexOf('|');
  if (bar < 0) throw new ApiError(400, 'BAD_PARAMETERS', 'The body must be data_b64|pkcs7_b64.');
  const data =
    body.slice(0, bar).trim() === '' ? Buffer.alloc(0) : fromBase64(body.slice(0, bar), 'The data');
  const checked = await checkPkcs7(ctx, fromBase64(body.slice(bar + 1), 'The PKCS#7'), data);
  const status = overallStatus(checked);
  return { pkcs7Info: pkcs7Info(checked, undefined), status, message: message(status) };
}

/** Timestamps from the sandbox TSA for the signers that lack one. */
export async function timestamp(ctx: Ctx, body: string) {
  const { pkcs7, stamped } = await timestampPkcs7(caOf(ctx, 'TSA'), fromBase64(body, 'The body'));
  return {
    pkcs7b64: pkcs7.toString('base64'),
    timestampedSignerList: stamped,
    status: EIMZO.ok,
    message: '',
  };
}
