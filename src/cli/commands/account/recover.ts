import { Flags } from '@oclif/core';

import { recoverAccount, type Recovered } from '../../../lib/account/index.js';
import { UsageError } from '../../../lib/errors/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../../index.js';
import { keyFlag, secretFlagsWith } from '../../flags/account.js';
import { pickKeyInteractively } from '../../pickers/key.js';
import { t } from '../../../lib/i18n/index.js';

/** `--json` result of `oneid account recover`. */
export type AccountRecoverResult = Recovered;

const STDIN = ['new-password', 'sms-code', 'key-password'] as const;

export default class AccountRecover extends BaseCommand<typeof AccountRecover> {
  static override summary = t('cmd.account.recover.summary');
  static override description = t('cmd.account.recover.description');
  static override examples = [
    '<%= config.bin %> account recover',
    '<%= config.bin %> account recover --pinfl 40108814416559 --passport AA0891926 --new-password-file ~/.oneid-pass --sms-code-stdin',
    '<%= config.bin %> account recover --key DS401088144165590001.pfx --new-password-file ~/.oneid-pass --sms-code-stdin --json',
  ];
  static override flags = {
    pinfl: Flags.string({ summary: t('cmd.account.recover.flag.pinfl') }),
    passport: Flags.string({ summary: t('cmd.account.recover.flag.passport') }),
    key: keyFlag(t('cmd.account.recover.flag.key')),
    ...secretFlagsWith(
      'new-password',
      t('cmd.account.recover.flag.new-password-file'),
      t('cmd.account.recover.flag.new-password-stdin'),
    ),
    ...secretFlagsWith(
      'sms-code',
      t('cmd.account.recover.flag.sms-code-file'),
      t('cmd.account.recover.flag.sms-code-stdin'),
    ),
    ...secretFlagsWith(
      'key-password',
      t('cmd.account.recover.flag.key-password-file'),
      t('cmd.account.recover.flag.key-password-stdin'),
    ),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<AccountRecoverResult> {
    const { ctx, flags: f } = this;
    const stdin = STDIN.filter((s) => (f as Record<string, unknown>)[`${s}-stdin`] === true);
    if (stdin.length > 1)
      throw new UsageError('STDIN_TWICE', 'account.error.stdinTwice', {
        params: { first: `--${stdin[0]}-stdin`, second: `--${stdin[1]}-stdin` },
      });
    const byKey =
      f.key !== undefined ||
      (f.pinfl === undefined &&
        f.passport === undefined &&
        ctx.term.interactive &&
        (await ctx.prompter.select({
          message: t('account.prompt.recoverHow'),
          choices: [
            { name: t('account.recover.byPassport'), value: false },
            { name: t('account.recover.byKey'), value: true },
          ],
        })));
    const identity = byKey
      ? undefined
      : {
          pinfl: await ctx.valueOrAsk(f.pinfl, { flag: 'pinfl' }, (p) =>
            p.input({ message: t('account.prompt.pinfl') }),
          ),
          passport: await ctx.valueOrAsk(f.passport, { flag: 'passport' }, (p) =>
            p.input({ message: t('account.prompt.passport') }),
          ),
        };
    // Without a terminal a missing SMS-code source fails now, before anything is sent.
    if (!ctx.term.interactive && !ctx.secretGiven('sms-code'))
      await ctx.secret('sms-code', 'account.prompt.smsCode');
    const r = await recoverAccount(await ctx.portal(), await ctx.sessions(), {
      identity,
      key: async () => {
        const ref = await ctx.valueOrAsk(f.key, { flag: 'key' }, (p) =>
          pickKeyInteractively(p, { roots: ctx.settings.get('key-roots'), prefer: 'personal' }),
        );
        return ctx.openKey(ref, 'account.prompt.keyPassword');
      },
      newPassword: async () =>
        (await ctx.secret('new-password', 'account.prompt.newPassword', { confirm: true })).value,
      smsCode: async ({ phone }) => {
        ctx.note(phone ? t('account.recover.smsSent', { phone }) : t('account.recover.smsIfMatch'));
        return (await ctx.secret('sms-code', 'account.prompt.smsCode')).value;
      },
    });
    ctx.out(t('account.recover.done', { login: r.login }));
    ctx.note(t('account.passwd.sessionsEnded', { count: r.sessionsEnded, local: r.localSessionsRemoved }));
    ctx.hint('account.hint.loginAgain', { login: r.login });
    return r;
  }
}
