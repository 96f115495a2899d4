/**
 * "Sign the portal's challenge with your key" — the proof behind key sign-in, registration by key,
 * account verification and legal-entity binding. The key is checked locally first (validity, whose
 * PINFL / TIN it carries) so the common mistakes get their own message before any signature is
 * sent; then the challenge is signed as attached CMS by the sign area, exactly as E-IMZO would.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { KeyUnusableError, PortalRefusedError, UsageError } from '../errors/index.js';
import { t } from '../i18n/index.js';
import type { OpenedKey } from '../keys/index.js';
import { assertValidNow, type CertificateIdentity } from '../pki/index.js';
import { getChallenge, type PortalHttp } from '../portal/index.js';
import { signerKeyOf, signFile } from '../sign/index.js';

/** The key in the flows' results: pki's `CertificateIdentity` (PINFL, legal-entity TIN) with owner, serial, validity. */
export type KeyIdentity = Pick<CertificateIdentity, 'pinfl' | 'tin'> & {
  serial: string;
  owner?: string;
  organization?: string;
  validTo: string;
};

export function keyIdentity(key: OpenedKey): KeyIdentity {
  const c = key.certificate;
  const id: KeyIdentity = { serial: c.serialHex, validTo: c.notAfter.toISOString() };
  if (c.identity.pinfl) id.pinfl = c.identity.pinfl;
  if (c.identity.tin) id.tin = c.identity.tin;
  if (c.identity.cn) id.owner = c.identity.cn;
  if (c.identity.o) id.organization = c.identity.o;
  return id;
}

const isCompanyTin = (tin: string | undefined): tin is string => !!tin && /^2\d{8}$/.test(tin);

/** What the proof is for decides which key is acceptable. */
export interface KeyExpectation {
  /** The account's PINFL: the key must carry the same. */
  pinfl?: string;
  /** 'personal' refuses company keys (verification), 'company' requires one (binding). */
  kind?: 'personal' | 'company';
}

/** Local checks: expired or not yet valid (pki's one check), wrong person, wrong kind of key. */
export function checkKey(key: OpenedKey, expect: KeyExpectation = {}, now = new Date()): KeyIdentity {
  const id = keyIdentity(key);
  const c = key.certificate;
  const params = {
    serial: id.serial,
    from: c.notBefore.toISOString().slice(0, 10),
    to: id.validTo.slice(0, 10),
  };
  assertValidNow(c, now);
  if (!id.pinfl)
    throw new KeyUnusableError('CERTIFICATE_WITHOUT_PINFL', 'account.error.keyWithoutPinfl', { params });
  if (expect.kind === 'company' && !isCompanyTin(id.tin))
    throw new UsageError('NOT_A_LEGAL_ENTITY_KEY', 'account.error.notCompanyKey', {
      params,
      hintKey: 'account.hint.companyKey',
    });
  if (expect.kind === 'personal' && isCompanyTin(id.tin))
    throw new UsageError('NOT_A_PERSONAL_KEY', 'account.error.notPersonalKey', {
      params: { ...params, tin: id.tin },
    });
  if (expect.pinfl && id.pinfl !== expect.pinfl)
    // The same refusal the portal would give (its code), found before anything is sent.
    throw new PortalRefusedError('PINFL_MISMATCH', 'account.error.pinflMismatch', {
      params: { key: maskedPinfl(id.pinfl), account: maskedPinfl(expect.pinfl) },
      hintKey: 'account.hint.ownKey',
    });
  return id;
}

/** `30**********13`: enough to tell two people apart, not enough to copy. */
export function maskedPinfl(pinfl: string): string {
  return pinfl.length < 6
    ? '*'.repeat(pinfl.length)
    : pinfl.slice(0, 2) + '*'.repeat(pinfl.length - 4) + pinfl.slice(-2);
}

/** Base64 attached CMS SignedData of `content`, signed by `key` (via the sign area, in a 0700 temp dir). */
export async function signAttached(key: OpenedKey, content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'oneid-challenge-'));
  try {
    const input = path.join(dir, 'challenge.txt');
    const output = path.join(dir, 'challenge.p7s');
    await writeFile(input, content, { mode: 0o600 });
    const result = await signFile(input, {
      key: signerKeyOf(key),
      output,
      detached: false,
      existing: 'force',
    });
    if (result.status === 'failed')
      throw new KeyUnusableError(result.code ?? 'SIGN_FAILED', 'account.error.signFailed', {
        params: { reason: result.messageKey ? t(result.messageKey, result.params) : (result.message ?? '') },
      });
    return (await readFile(output)).toString('base64');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A fresh challenge from the portal, signed with the key. */
export async function proveWithKey(http: PortalHttp, key: OpenedKey): Promise<string> {
  const { challenge } = await getChallenge(http);
  return signAttached(key, challenge);
}
