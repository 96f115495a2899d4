import { Args, Flags } from '@oclif/core';
import { BaseCommand, dataFlag, urlFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { SandboxAdmin, sandboxDataDir, type ApplicationView } from '../../../lib/sandbox-control/index.js';

export default class SandboxReject extends BaseCommand<typeof SandboxReject> {
  static override summary = t('cmd.sandbox.reject.summary');
  static override description = t('cmd.sandbox.reject.description');
  static override examples = ['<%= config.bin %> sandbox reject $APP_ID --reason "The selfie is blurred"'];
  static override args = {
    id: Args.string({ description: t('cmd.sandbox.reject.arg.id'), required: true }),
  };
  static override flags = {
    data: dataFlag,
    url: urlFlag,
    reason: Flags.string({ summary: t('cmd.sandbox.reject.flag.reason'), required: true }),
  };

  async run(): Promise<ApplicationView> {
    const { ctx, args, flags } = this;
    const admin = SandboxAdmin.forDataDir(sandboxDataDir(flags.data), flags.url);
    const app = await admin.reject(args.id, flags.reason);
    ctx.out(t('sandbox.reject.done', { id: app.id }));
    return app;
  }
}
