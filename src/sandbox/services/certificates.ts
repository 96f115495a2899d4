/** Certificates as the portal hands them out: PEM text, an issued certificate with its chain. */
import type { ApplicationRow } from '../applications.js';
import type { Ctx } from '../context.js';
import { derToPem, REVOCATION_REASONS } from '../../lib/pki/index.js';
import type { RevokeAnswer, RevokeReason } from '../../lib/sandbox-contract/index.js';
import { conflict, notFound } from '../http/errors.js';

/** PEM as the portal's answers carry it (one implementation: pki's). */
export const toPem = (der: Buffer, label = 'CERTIFICATE'): string => derToPem(der, label);

/** The sandbox CA, or 409 CA_UNAVAILABLE in a build whose PKI library cannot issue. */
export function caOf(ctx: Ctx, what = 'CA'): NonNullable<Ctx['ca']> {
  if (!ctx.ca) throw conflict('CA_UNAVAILABLE', `The sandbox ${what} is not available in this build.`);
  return ctx.ca;
}

/** The certificate issued for an application (409 NOT_ISSUED before), its chain, and both as PEM. */
export function issuedCertificate(ctx: Ctx, a: ApplicationRow): Record<string, unknown> {
  if (a.status !== 'issued' || !a.certificate_serial) {
    throw conflict('NOT_ISSUED', `No certificate yet: the application is "${a.status}".`, {
      applicationStatus: a.status,
    });
  }
  const row = ctx.db.prepare('SELECT der FROM certificates WHERE serial = ?').get(a.certificate_serial) as {
    der: Buffer;
  };
  const chain = ctx.ca!.chain();
  const pem = [row.der, ...chain].map((d) => toPem(d)).join('');
  return {
    serialNumber: a.certificate_serial,
    certificate: row.der.toString('base64'),
    chain: chain.map((d) => d.toString('base64')),
    pem,
  };
}

/** The CA and TSA certificates: the trust anchors for verification. */
export function caCertificates(ctx: Ctx): { ca: string; tsa: string; pem: string } {
  const c = caOf(ctx);
  return {
    ca: c.rootCertificate.toString('base64'),
    tsa: c.tsa.certificate.toString('base64'),
    pem: toPem(c.rootCertificate),
  };
}

/**
 * Revoke an issued certificate (at once on the CRL and in OCSP answers); 404 when unknown or
 * already revoked.
 */
export function revokeCertificate(
  ctx: Ctx,
  serialHex: string,
  reason: RevokeReason = 'unspecified',
): RevokeAnswer {
  const ca = caOf(ctx);
  const serial = serialHex.toLowerCase();
  const done = ctx.db.transaction(() => ca.revoke(serial, REVOCATION_REASONS[reason]))();
  if (!done) throw notFound('CERTIFICATE_NOT_FOUND', 'No such certificate, or it is already revoked.');
  const state = ca.status(serial);
  const revokedAt = state?.status === 'revoked' ? state.revokedAt : new Date();
  return { serial, revokedAt: revokedAt.toISOString(), reason };
}

/** The OCSP responder (RFC 6960): a DER OCSPRequest in, a DER OCSPResponse out. */
export function answerOcsp(ctx: Ctx, request: Buffer): Buffer {
  return caOf(ctx, 'OCSP responder').ocsp(request);
}
