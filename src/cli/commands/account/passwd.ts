import { changePassword, type PasswordChanged } from '../../../lib/account/index.js';
import { UsageError } from '../../../lib/errors/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../../index.js';
import { secretFlagsWith } from '../../flags/account.js';
import { t } from '../../../lib/i18n/index.js';

/** `--json` result of `oneid account passwd`. */
export type AccountPasswdResult = PasswordChanged;

export default class AccountPasswd extends BaseCommand<typeof AccountPasswd> {
  static override summary = t('cmd.account.passwd.summary');
  static override description = t('cmd.account.passwd.description');
  static override examples = [
    '<%= config.bin %> account passwd',
    '<%= config.bin %> account passwd --password-file ~/.oneid-pass --new-password-file ~/.oneid-new-pass --json',
  ];
  static override flags = {
    ...secretFlagsWith(
      'password',
      t('cmd.account.passwd.flag.password-file'),
      t('cmd.account.passwd.flag.password-stdin'),
    ),
    ...secretFlagsWith(
      'new-password',
      t('cmd.account.passwd.flag.new-password-file'),
      t('cmd.account.passwd.flag.new-password-stdin'),
    ),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<AccountPasswdResult> {
    const { ctx, flags: f } = this;
    if (f['password-stdin'] && f['new-password-stdin'])
      throw new UsageError('STDIN_TWICE', 'account.error.stdinTwice', {
        params: { first: '--password-stdin', second: '--new-password-stdin' },
      });
    const r = await changePassword(await ctx.portal(), await ctx.sessions(), {
      current: async () => (await ctx.secret('password', 'account.prompt.currentPassword')).value,
      next: async () =>
        (await ctx.secret('new-password', 'account.prompt.newPassword', { confirm: true })).value,
    });
    ctx.out(t('account.passwd.done', { login: r.login }));
    ctx.note(t('account.passwd.sessionsEnded', { count: r.sessionsEnded, local: r.localSessionsRemoved }));
    ctx.hint('account.hint.loginAgain', { login: r.login });
    return r;
  }
}
