import { Args } from '@oclif/core';
import { BaseCommand, dataFlag, urlFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { SandboxAdmin, sandboxDataDir, type ApplicationView } from '../../../lib/sandbox-control/index.js';

export default class SandboxApprove extends BaseCommand<typeof SandboxApprove> {
  static override summary = t('cmd.sandbox.approve.summary');
  static override description = t('cmd.sandbox.approve.description');
  static override examples = ['<%= config.bin %> sandbox approve $APP_ID'];
  static override args = {
    id: Args.string({ description: t('cmd.sandbox.approve.arg.id'), required: true }),
  };
  static override flags = { data: dataFlag, url: urlFlag };

  async run(): Promise<ApplicationView> {
    const { ctx, args, flags } = this;
    const app = await SandboxAdmin.forDataDir(sandboxDataDir(flags.data), flags.url).approve(args.id);
    ctx.out(t('sandbox.approve.done', { id: app.id, serial: app.certificateSerial ?? '' }));
    return app;
  }
}
