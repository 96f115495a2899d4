import { Args, Flags } from '@oclif/core';

import { BaseCommand } from '../../index.js';
import { keyPasswordFlags, newKeyPasswordFlags } from '../../flags/keys.js';
import { t } from '../../../lib/i18n/index.js';
import { changeKeyPassword, resolveKeyRef, type ChangePasswordResult } from '../../../lib/keys/index.js';

/** `--json` result of `oneid key passwd`. */
export type KeyPasswdResult = ChangePasswordResult;

export default class KeyPasswd extends BaseCommand<typeof KeyPasswd> {
  static override summary = t('cmd.key.passwd.summary');
  static override description = t('cmd.key.passwd.description');
  static override examples = [
    '<%= config.bin %> key passwd ~/DSKEYS/DS401088144165590001.pfx',
    '<%= config.bin %> key passwd 31205891372515 --key-password-file ~/.key-pass --new-key-password-file ~/.new-key-pass --no-backup --json',
  ];
  static override args = {
    key: Args.string({ description: t('cmd.key.passwd.arg.key'), required: true }),
  };
  static override flags = {
    backup: Flags.boolean({ summary: t('cmd.key.passwd.flag.backup'), default: true, allowNo: true }),
    legacy: Flags.boolean({ summary: t('cmd.key.passwd.flag.legacy') }),
    ...keyPasswordFlags,
    ...newKeyPasswordFlags,
  };

  async run(): Promise<KeyPasswdResult> {
    const { ctx } = this;
    const { path } = await resolveKeyRef(this.args.key, { roots: ctx.settings.get('key-roots') });
    const oldPassword = (await ctx.secret('key-password', 'keys.prompt.password')).value;
    const newPassword = (await ctx.secret('new-key-password', 'keys.prompt.newPassword', { confirm: true }))
      .value;
    const result = await changeKeyPassword(path, oldPassword, newPassword, {
      backup: this.flags.backup,
      legacy: this.flags.legacy ? true : undefined,
    });
    ctx.out(t('keys.passwd.done', { path: result.path }));
    if (result.backup) ctx.note(t('keys.passwd.backup', { backup: result.backup }));
    return result;
  }
}
