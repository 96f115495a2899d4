import {
  accountContext,
  accountOf,
  requireSession,
  statusLabel,
  verifyWithKey,
} from '../../lib/account/index.js';
import {
  BaseCommand,
  pickKeyInteractively,
  insecureStorageFlag,
  keyFlag,
  portalFlag,
  secretFlags,
} from '../index.js';
import { t } from '../../lib/i18n/index.js';
import { openKey } from '../../lib/keys/index.js';

/** `--json` result of `oneid verify-account`. */
export interface VerifyAccountResult {
  login: string;
  status: 'verified';
  /** True when the account was verified before (no key was used). */
  already: boolean;
  /** Serial number of the certificate the portal recorded. */
  certificateSerial?: string;
  key?: { serial: string; owner?: string; validTo: string };
}

export default class VerifyAccount extends BaseCommand<typeof VerifyAccount> {
  static override summary = t('cmd.verify-account.summary');
  static override description = `Signs the portal's challenge with your personal key; the portal checks the signature and
that the key's PINFL is the account's, and marks the account verified ("подлинный"). Only verified
accounts can bind legal entities and use the advanced services. Without --key an interactive terminal
shows the keys found on your key disks. Checked before anything is sent: the key must be valid today,
belong to you (same PINFL) and be a personal key, not a company's.

Exit 3 when not logged in, 4 on a wrong key password, 5 for an expired or damaged key, 8 when the
portal refuses (e.g. PINFL_MISMATCH).

JSON result: { login, status: "verified", already, certificateSerial?, key?: { serial, owner?, validTo } }`;
  static override examples = [
    '<%= config.bin %> verify-account --key DS401088144165590001.pfx --key-password-file ~/.key-pass',
    '<%= config.bin %> verify-account',
  ];
  static override flags = {
    key: keyFlag('Your personal key.'),
    ...secretFlags('key-password'),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<VerifyAccountResult> {
    const { http, place } = accountContext(this.settings, this.flags['insecure-storage'], {
      warn: (m) => this.warning(m),
    });
    const session = await requireSession(place);
    const account = await accountOf(http, session.token);
    const roots = this.settings.get('key-roots');
    const v = await verifyWithKey(http, session.token, account, async () => {
      const ref = await this.valueOrPrompt(this.flags.key, 'key', (p, ctx) =>
        pickKeyInteractively(p, ctx.output, { roots, prefer: 'personal' }),
      );
      return openKey(
        ref,
        async () => (await this.secret('key-password', 'account.prompt.keyPassword')).value,
        { roots },
      );
    });
    this.out(
      t(v.already ? 'account.verify.already' : 'account.verify.done', {
        login: account.user_id,
        status: statusLabel('verified'),
      }),
    );
    if (!v.already) this.hint('account.hint.afterVerify');
    const result: VerifyAccountResult = { login: account.user_id, status: 'verified', already: v.already };
    if (v.certificateSerial) result.certificateSerial = v.certificateSerial;
    if (v.key) result.key = { serial: v.key.serial, owner: v.key.owner, validTo: v.key.validTo };
    return result;
  }
}
