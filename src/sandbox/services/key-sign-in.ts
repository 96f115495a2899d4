/**
 * Everything done by signing a challenge with a key (DOMAIN.md flows 3, 4, 5): sign-in
 * (PKCSMETHOD, or LEPKCSMETHOD with a company key), account verification, and binding a legal
 * entity. The key's identity is the verified signer certificate's (key-identity.ts).
 */
import { findAccountById, findAccountByPinfl, isBound, rolesOf, type AccountRow } from '../accounts.js';
import type { Ctx } from '../context.js';
import { ApiError, conflict, forbidden, unprocessable } from '../http/errors.js';
import { signedChallenge } from '../key-identity.js';
import { findCompany, roleInCompany } from '../registry/lookup.js';
import { HEAD_ROLE } from '../registry/seed.js';
import type { Session } from '../security/sessions.js';
import { authorizedRole } from './employees.js';
import { chooseRole, sessionAnswer } from './sign-in.js';

const isLegalTin = (tin: string | null | undefined): tin is string => !!tin && /^2\d{8}$/.test(tin);

const samePerson = (keyPinfl: string, account: AccountRow): void => {
  if (keyPinfl !== account.pinfl)
    throw unprocessable('PINFL_MISMATCH', 'The key belongs to another person (PINFL differs).');
};

export async function keySignIn(
  ctx: Ctx,
  pkcs7: string,
  role: string | undefined,
): Promise<Record<string, unknown>> {
  const key = await signedChallenge(ctx, pkcs7);
  const account = findAccountByPinfl(ctx.db, key.pinfl);
  if (!account)
    throw new ApiError(401, 'NO_ACCOUNT_FOR_KEY', 'No account has the PINFL of this key: register first.');
  if (isLegalTin(key.tin)) {
    const bound = rolesOf(ctx.db, account.id).some((r) => r.tin === key.tin);
    if (!bound && isBound(ctx.db, account.id, key.tin))
      throw forbidden('ROLE_NOT_AVAILABLE', 'The company no longer authorizes this account to act for it.');
    if (!bound) throw forbidden('LEGAL_ENTITY_NOT_BOUND', 'Bind this legal entity to the account first.');
    const { roles } = chooseRole(ctx, account.id, key.tin);
    return sessionAnswer(ctx, account.id, key.tin, 'LEPKCSMETHOD', roles);
  }
  const { roleTin, roles } = chooseRole(ctx, account.id, role);
  return sessionAnswer(ctx, account.id, roleTin, 'PKCSMETHOD', roles);
}

export async function verifyAccount(
  ctx: Ctx,
  sess: Session,
  pkcs7: string,
): Promise<{ status: 'verified'; certificateSerial: string }> {
  const account = findAccountById(ctx.db, sess.accountId)!;
  const key = await signedChallenge(ctx, pkcs7);
  samePerson(key.pinfl, account);
  ctx.db.transaction(() =>
    ctx.db
      .prepare("UPDATE accounts SET status = 'verified', verified_cert_serial = ? WHERE id = ?")
      .run(key.serial, account.id),
  )();
  return { status: 'verified', certificateSerial: key.serial };
}

export const boundLegalEntities = (ctx: Ctx, sess: Session) => ({
  legalEntities: rolesOf(ctx.db, sess.accountId).filter((r) => r.type === 'legal'),
});

/** Only the director the company registry records, signing with the company's key, binds it. */
export async function bindLegalEntity(
  ctx: Ctx,
  sess: Session,
  pkcs7: string,
): Promise<{ tin: string; name: string; role: string }> {
  const account = findAccountById(ctx.db, sess.accountId)!;
  if (account.status !== 'verified')
    throw forbidden('ACCOUNT_UNVERIFIED', 'Verify the account with your personal key first.');
  const key = await signedChallenge(ctx, pkcs7);
  if (!isLegalTin(key.tin)) {
    throw unprocessable(
      'NOT_A_LEGAL_ENTITY_KEY',
      'This key is not a legal entity key (no company TIN in the certificate).',
    );
  }
  const company = findCompany(ctx.db, key.tin);
  if (!company)
    throw unprocessable('COMPANY_NOT_FOUND', 'The TIN of this key is not in the company registry.');
  samePerson(key.pinfl, account);
  // The registry's director binds as "Common For Head"; anyone else only while the company's
  // authorization (issue 17) stands, in its role.
  const isHead =
    company.director_pinfl === account.pinfl &&
    roleInCompany(ctx.db, company.tin, account.pinfl) === HEAD_ROLE;
  const role = isHead ? HEAD_ROLE : authorizedRole(ctx, company.tin, account.pinfl);
  if (!role) {
    throw unprocessable(
      'NOT_DIRECTOR',
      'Only the director recorded in the company registry, or a person the company has authorized, can bind the company.',
    );
  }
  const inserted = ctx.db.transaction(
    () =>
      ctx.db
        .prepare(
          'INSERT OR IGNORE INTO account_legal_entities (account_id, tin, role, bound_at) VALUES (?, ?, ?, ?)',
        )
        .run(account.id, company.tin, role, Date.now()).changes,
  )();
  if (!inserted) throw conflict('ALREADY_BOUND', 'This legal entity is already bound to the account.');
  return { tin: company.tin, name: company.name, role };
}
