/**
 * PKCS#7 checks the portal makes, on top of the sign library's verifier: the sandbox CA as the
 * trust anchor, revocation from the CA's own records, challenges (single-use, expiring), and the
 * E-IMZO-SERVER answer shapes (REFERENCES.md §3), field for field.
 */
import { randomUUID } from 'node:crypto';
import { parseCertificate, type Certificate } from '../lib/pki/index.js';
import { isOneIdError } from '../lib/errors/index.js';
import {
  parseSignedData,
  verifiedSigner,
  VERIFY_LIMIT_CODES,
  verifySignature,
  type ParsedSignedData,
  type SignerReport,
  type VerifyReport,
} from '../lib/sign/index.js';
import type { Ctx } from './context.js';
import { ApiError, unprocessable } from './http/errors.js';

/** E-IMZO-SERVER status codes (REFERENCES.md §3). */
export const EIMZO = {
  ok: 1,
  certificateStatusUnknown: -1,
  signatureInvalid: -10,
  certificateInvalid: -11,
  notValidAtSigningTime: -12,
  challengeInvalid: -20,
} as const;

/** `yyyy-MM-dd HH:mm:ss` in Tashkent time (UTC+5, no daylight saving), as E-IMZO-SERVER writes times. */
export function eimzoTime(d: Date): string {
  return new Date(d.getTime() + 5 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

export interface CheckedSignature {
  report: VerifyReport;
  parsed: ParsedSignedData;
  /**
   * Per signer: the E-IMZO status (1 ok) after revocation, and the signer's certificate: only the
   * one the sign library verified (`verifiedSigner`: its key verified the signature, its chain
   * reached the sandbox CA), never another certificate of the message.
   */
  signers: Array<{ status: number; report: SignerReport; certificate?: Certificate; revoked: boolean }>;
}

/** Bytes from the base64 body the E-IMZO-SERVER endpoints take (whitespace tolerated). */
export function fromBase64(text: string, what: string): Buffer {
  const clean = text.replace(/\s+/g, '');
  if (!clean || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean))
    throw new ApiError(400, 'BAD_BASE64', `${what} is not base64.`);
  return Buffer.from(clean, 'base64');
}

export async function checkPkcs7(ctx: Ctx, pkcs7: Buffer, content?: Buffer): Promise<CheckedSignature> {
  let parsed: ParsedSignedData;
  let report: VerifyReport;
  try {
    parsed = parseSignedData(pkcs7);
    if (content === undefined && parsed.content === undefined) {
      throw new ApiError(
        400,
        'PKCS7_DETACHED',
        'The signature is detached: use the detached endpoint with the data.',
      );
    }
    report = await verifySignature(pkcs7, {
      content,
      trusted: ctx.ca ? [ctx.ca.rootCertificate] : undefined,
    });
  } catch (e) {
    if (e instanceof ApiError) throw e;
    if (isOneIdError(e) && VERIFY_LIMIT_CODES.has(e.code))
      throw unprocessable(
        'PKCS7_LIMIT_EXCEEDED',
        `The PKCS#7 exceeds a verification limit (${e.code}: ${String(e.params.found)}, at most ${String(e.params.max)}).`,
        { reason: e.code, ...e.data },
      );
    throw new ApiError(400, 'PKCS7_MALFORMED', 'The PKCS#7 is not a well-formed CMS SignedData.');
  }
  const signers = report.signers.map((r) => {
    const verified = verifiedSigner(r);
    let certificate: Certificate | undefined;
    if (verified) {
      try {
        certificate = parseCertificate(verified.certificate);
      } catch {
        certificate = undefined; // the sign library read it; the fuller parser may still refuse it
      }
    }
    const revoked =
      certificate !== undefined && ctx.ca !== undefined && ctx.ca.isRevoked(certificate.serialHex);
    // Without a verified certificate nobody is identified: never status 1 (e.g. no CA to check against).
    const status =
      r.status !== EIMZO.ok ? r.status : !certificate || revoked ? EIMZO.certificateInvalid : EIMZO.ok;
    return { status, report: r, certificate, revoked };
  });
  return { report, parsed, signers };
}

// ----- challenges -----

export function newChallenge(ctx: Ctx): { challenge: string; ttl: number } {
  const challenge = randomUUID();
  const now = Date.now();
  const ttl = ctx.settings.challengeTtlSeconds;
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM challenges WHERE expires_at < ?').run(now - 3_600_000);
    ctx.db
      .prepare('INSERT INTO challenges (id, created_at, expires_at) VALUES (?, ?, ?)')
      .run(challenge, now, now + ttl * 1000);
  })();
  return { challenge, ttl };
}

/** Mark the challenge signed in `content` used; false when unknown, expired or already used. */
export function consumeChallenge(ctx: Ctx, content: Buffer | undefined): boolean {
  if (!content || content.length > 64) return false;
  const id = content.toString('utf8');
  return ctx.db.transaction(() => {
    const r = ctx.db
      .prepare('UPDATE challenges SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?')
      .run(Date.now(), id, Date.now());
    return r.changes === 1;
  })();
}

// ----- answer shapes -----

/** `subjectName` as E-IMZO-SERVER returns it: short names (CN, UID…) and dotted OIDs as keys. */
export function subjectName(c: Certificate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of c.subject.attributes) out[a.type] ??= a.value;
  return out;
}

export function subjectCertificateInfo(c: Certificate): Record<string, unknown> {
  return {
    serialNumber: c.serialHex,
    X500Name: c.subject.text,
    subjectName: subjectName(c),
    validFrom: eimzoTime(c.notBefore),
    validTo: eimzoTime(c.notAfter),
  };
}

export function certificateInfo(c: Certificate): Record<string, unknown> {
  return {
    serialNumber: c.serialHex,
    subjectName: c.subject.text,
    validFrom: eimzoTime(c.notBefore),
    validTo: eimzoTime(c.notAfter),
    issuerName: c.issuer.text,
    publicKey: { keyAlgName: c.publicKeyAlgorithm.name, publicKey: Buffer.from(c.spki).toString('base64') },
    signature: { signAlgName: c.signatureAlgorithmOid, signature: Buffer.from(c.signature).toString('hex') },
  };
}

/** The `pkcs7Info` object of the verify endpoints. */
export function pkcs7Info(checked: CheckedSignature, document: Buffer | undefined): Record<string, unknown> {
  return {
    signers: checked.signers.map(({ status, report, certificate, revoked }, i) => {
      const si = checked.parsed.signers[i]!;
      return {
        signerId: {
          issuer: certificate?.issuer.text ?? null,
          subjectSerialNumber: certificate?.serialHex ?? null,
        },
        signingTime: report.signingTime ? eimzoTime(new Date(report.signingTime)) : null,
        signature: si.signature.toString('hex'),
        digest: si.messageDigest?.toString('hex') ?? null,
        verified: report.signatureValid && report.digestMatches,
        certificateVerified: report.chain === 'trusted' && !revoked,
        certificateValidAtSigningTime: report.certificateValidAtSigningTime,
        certificate: certificate ? [certificateInfo(certificate)] : [],
        OCSPResponse: null,
        revokedStatusInfo: revoked ? { revoked: true } : null,
        timeStampInfo: report.timestamp
          ? {
              time: eimzoTime(new Date(report.timestamp.time)),
              verified: report.timestamp.imprintMatches && report.timestamp.signatureValid,
            }
          : null,
        policyIdentifiers: certificate?.policies ?? [],
        exception:
          status === EIMZO.ok
            ? null
            : (report.code ??
              (revoked ? 'CERTIFICATE_REVOKED' : certificate ? 'UNKNOWN' : 'CERTIFICATE_NOT_VERIFIED')),
        status,
      };
    }),
    documentBase64: document ? document.toString('base64') : null,
  };
}

/**
 * A signed challenge was signed between the challenge's creation and now, whatever signing time
 * the signer wrote: the certificate must be valid now (an expired key cannot sign in by
 * backdating its signingTime attribute).
 */
export function validNow(c: Certificate, now = new Date()): boolean {
  return c.notBefore <= now && now <= c.notAfter;
}

/** Overall status: the first failing signer's, else ok. */
export function overallStatus(checked: CheckedSignature): number {
  if (!checked.signers.length) return EIMZO.signatureInvalid;
  return checked.signers.find((s) => s.status !== EIMZO.ok)?.status ?? EIMZO.ok;
}
