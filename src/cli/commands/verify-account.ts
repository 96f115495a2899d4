import { accountOf, requireSession, statusLabel, verifyWithKey } from '../../lib/account/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../index.js';
import { pickKeyInteractively } from '../pickers/key.js';
import { keyFlag, secretFlagsWith } from '../flags/account.js';
import { t } from '../../lib/i18n/index.js';

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
  static override description = t('cmd.verify-account.description');
  static override examples = [
    '<%= config.bin %> verify-account --key DS401088144165590001.pfx --key-password-file ~/.key-pass',
    '<%= config.bin %> verify-account',
  ];
  static override flags = {
    key: keyFlag(t('cmd.verify-account.flag.key')),
    ...secretFlagsWith(
      'key-password',
      t('cmd.verify-account.flag.key-password-file'),
      t('cmd.verify-account.flag.key-password-stdin'),
    ),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<VerifyAccountResult> {
    const { ctx } = this;
    const http = await ctx.portal();
    const session = await requireSession(await ctx.sessions());
    const account = await accountOf(http, session.token);
    const v = await verifyWithKey(http, session.token, account, async () => {
      const ref = await ctx.valueOrAsk(this.flags.key, { flag: 'key' }, (p) =>
        pickKeyInteractively(p, { roots: ctx.settings.get('key-roots'), prefer: 'personal' }),
      );
      return ctx.openKey(ref, 'account.prompt.keyPassword');
    });
    const done = v.already ? 'account.verify.already' : 'account.verify.done';
    ctx.out(t(done, { login: account.user_id, status: statusLabel('verified') }));
    if (!v.already) ctx.hint('account.hint.afterVerify');
    const result: VerifyAccountResult = { login: account.user_id, status: 'verified', already: v.already };
    if (v.certificateSerial) result.certificateSerial = v.certificateSerial;
    if (v.key) result.key = { serial: v.key.serial, owner: v.key.owner, validTo: v.key.validTo };
    return result;
  }
}
