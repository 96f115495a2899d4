/**
 * What a draft application collects and how it is sent: the PKCS#10 request (the key pair is the
 * client's), the photo and the selfie (JPEG or PNG, recognised by content), then submission, which
 * issues the invoice (fee = percent × BHM, portal data).
 */
import { randomInt } from 'node:crypto';
import { applicationView, loadApplication } from '../../applications.js';
import { csrBytes, CsrError, parseCsr } from '../../ca/csr.js';
import type { Ctx } from '../../context.js';
import { ApiError, badRequest, unprocessable } from '../../http/errors.js';
import { detectImage } from '../../images.js';
import { queueSms } from '../../outbox.js';
import type { ApplicationView } from '../../../lib/sandbox-contract/index.js';
import { applicationFor, changeDraft, touch, type Authorize } from './access.js';

export function attachRequest(ctx: Ctx, id: string, authorize: Authorize, pkcs10: string): ApplicationView {
  authorize(loadApplication(ctx, id));
  let parsed;
  try {
    parsed = parseCsr(csrBytes(pkcs10));
  } catch (e) {
    if (e instanceof CsrError) throw badRequest(e.code, e.message);
    throw e;
  }
  return changeDraft(ctx, id, authorize, 'pkcs10 = ?, key_algorithm = ?', parsed.der, parsed.keyAlgorithm);
}

export function attachDocument(
  ctx: Ctx,
  id: string,
  authorize: Authorize,
  kind: 'photo' | 'selfie',
  body: unknown,
): ApplicationView {
  authorize(loadApplication(ctx, id));
  if (!Buffer.isBuffer(body))
    throw new ApiError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the image bytes as image/jpeg, image/png or application/octet-stream.',
    );
  const type = detectImage(body);
  if (!type) throw unprocessable('NOT_AN_IMAGE', 'The file is neither a JPEG nor a PNG image.');
  return changeDraft(ctx, id, authorize, `${kind} = ?, ${kind}_type = ?`, body, type);
}

/** Invoice numbers are 12 digits, random, like payment-system references. */
function invoiceNumber(): string {
  return String(randomInt(100_000_000_000, 1_000_000_000_000));
}

export function submitApplication(ctx: Ctx, id: string, authorize: Authorize): ApplicationView {
  const out = ctx.db.transaction(() => {
    const a = applicationFor(ctx, id, authorize, 'draft');
    const missing = [
      a.pkcs10 ? '' : 'request',
      a.photo_type ? '' : 'photo',
      a.selfie_type ? '' : 'selfie',
    ].filter(Boolean);
    if (missing.length) return { missing, app: undefined };
    const s = ctx.settings;
    const percent = a.type === 'legal' ? s.feePercentLegal : s.feePercentIndividual;
    const amount = Math.round((s.bhm * percent) / 100);
    const invoice = invoiceNumber();
    touch(
      ctx,
      id,
      "status = 'awaiting_payment', invoice_id = ?, fee_amount = ?, fee_percent = ?, bhm = ?",
      invoice,
      amount,
      percent,
      s.bhm,
    );
    queueSms(ctx.db, a.phone, `E-IMZO: invoice ${invoice} for ${amount} so'm. Pay it to continue.`);
    return { missing: [], app: loadApplication(ctx, id) };
  })();
  if (!out.app) {
    throw unprocessable('APPLICATION_INCOMPLETE', `Attach first: ${out.missing.join(', ')}.`, {
      missing: out.missing,
    });
  }
  return applicationView(out.app);
}
