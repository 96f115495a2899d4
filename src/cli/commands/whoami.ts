import { Flags } from '@oclif/core';

import {
  accountContext,
  explained,
  labelled,
  maskedPinfl,
  requireSession,
  roleLabel,
  statusLabel,
  toRole,
  type Role,
} from '../../lib/account/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../index.js';
import { t } from '../../lib/i18n/index.js';
import { getAccount, getSession } from '../../lib/portal/index.js';

/** `--json` result of `oneid whoami`. */
export interface WhoamiResult {
  login: string;
  fullName: string;
  /** Masked (`30**********13`) unless --show-pinfl. */
  pinfl: string;
  status: 'verified' | 'unverified';
  role: Role;
  /** The legal entity acted for, when the role is a legal one. */
  legalEntity?: { tin: string; name?: string; role?: string };
  /** How the session was opened: LOGINPASSMETHOD, PKCSMETHOD, LEPKCSMETHOD. */
  authMethod: string;
  expiresAt: string;
  /** Where the session comes from. */
  source: 'keychain' | 'file' | 'ONEID_TOKEN';
  portal: string;
}

export default class Whoami extends BaseCommand<typeof Whoami> {
  static override summary = t('cmd.whoami.summary');
  static override description = `Asks the portal about the current session: login, full name, PINFL (masked unless
--show-pinfl), account status (verified / unverified), the active role and legal entity, how the
session was opened, when it expires, and where the session comes from (keychain, file or
ONEID_TOKEN). Exit 3 when not logged in or when the session has expired.

JSON result: { login, fullName, pinfl, status: "verified" | "unverified", role: { type, tin?, name?,
role? }, legalEntity?: { tin, name?, role? }, authMethod, expiresAt, source: "keychain" | "file" |
"ONEID_TOKEN", portal }`;
  static override examples = [
    '<%= config.bin %> whoami',
    '<%= config.bin %> whoami --show-pinfl --json',
    'ONEID_TOKEN=$TOKEN <%= config.bin %> whoami',
  ];
  static override flags = {
    'show-pinfl': Flags.boolean({ summary: 'Show the PINFL in full.' }),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<WhoamiResult> {
    const { http, place } = accountContext(this.settings, this.flags['insecure-storage'], {
      warn: (m) => this.warning(m),
    });
    const session = await requireSession(place);
    const [info, user] = await Promise.all([
      explained(getSession(http, session.token)),
      explained(getAccount(http, session.token)),
    ]);
    const role = toRole(info.role);
    const result: WhoamiResult = {
      login: user.user_id,
      fullName: user.full_name,
      pinfl: this.flags['show-pinfl'] ? user.pin : maskedPinfl(user.pin),
      status: user.valid === 'true' ? 'verified' : 'unverified',
      role,
      authMethod: info.authMethod,
      expiresAt: info.expiresAt,
      source: session.source,
      portal: place.host,
    };
    if (role.type === 'legal') result.legalEntity = { tin: role.tin!, name: role.name, role: role.role };

    const sourceText =
      session.source === 'keychain'
        ? t('account.whoami.source.keychain')
        : session.source === 'file'
          ? t('account.whoami.source.file')
          : t('account.whoami.source.token');
    for (const line of labelled([
      [t('account.whoami.login'), result.login],
      [t('account.whoami.name'), result.fullName],
      [t('account.whoami.pinfl'), result.pinfl],
      [t('account.whoami.status'), statusLabel(result.status)],
      [t('account.whoami.role'), roleLabel(role)],
      [t('account.whoami.method'), authMethodLabel(result.authMethod)],
      [t('account.whoami.expires'), result.expiresAt],
      [t('account.whoami.portal'), result.portal],
      [t('account.whoami.source'), sourceText],
    ]))
      this.out(line);
    if (session.source === 'file') this.warning(t('account.session.insecure'));
    if (result.status === 'unverified') this.hint('account.hint.verify');
    return result;
  }
}

/** The portal's method code in words; unknown codes are shown as the portal sends them. */
function authMethodLabel(code: string): string {
  switch (code) {
    case 'LOGINPASSMETHOD':
      return t('account.whoami.method.password');
    case 'PKCSMETHOD':
      return t('account.whoami.method.key');
    case 'LEPKCSMETHOD':
      return t('account.whoami.method.companyKey');
    default:
      return code;
  }
}
