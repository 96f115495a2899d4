import { Args, Flags } from '@oclif/core';
import { BaseCommand, dataFlag, urlFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  REVOKE_REASONS,
  SandboxAdmin,
  sandboxDataDir,
  type RevokeAnswer,
} from '../../../lib/sandbox-control/index.js';

export default class SandboxRevoke extends BaseCommand<typeof SandboxRevoke> {
  static override summary = t('cmd.sandbox.revoke.summary');
  static override description = t('cmd.sandbox.revoke.description');
  static override examples = [
    '<%= config.bin %> sandbox revoke ~/DSKEYS/DS312058913725150001.pfx --reason keyCompromise',
  ];
  static override args = {
    target: Args.string({ description: t('cmd.sandbox.revoke.arg.target'), required: true }),
  };
  static override flags = {
    data: dataFlag,
    url: urlFlag,
    reason: Flags.string({
      summary: t('cmd.sandbox.revoke.flag.reason'),
      options: [...REVOKE_REASONS],
      default: 'unspecified',
    }),
  };

  async run(): Promise<RevokeAnswer> {
    const { ctx, args, flags } = this;
    const admin = SandboxAdmin.forDataDir(sandboxDataDir(flags.data), flags.url);
    const r = await admin.revoke(args.target, flags.reason as RevokeAnswer['reason']);
    ctx.out(t('sandbox.revoke.done', { serial: r.serial, reason: r.reason, at: r.revokedAt }));
    return r;
  }
}
