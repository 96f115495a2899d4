import { Args, Flags } from '@oclif/core';
import { BaseCommand, dataFlag, urlFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { SandboxAdmin, sandboxDataDir, type ApplicationView } from '../../../lib/sandbox-control/index.js';

export default class SandboxReject extends BaseCommand<typeof SandboxReject> {
  static override summary = t('cmd.sandbox.reject.summary');
  static override description = `JSON result: the application { id, status: "rejected", rejectReason, ... }`;
  static override examples = ['<%= config.bin %> sandbox reject $APP_ID --reason "The selfie is blurred"'];
  static override args = { id: Args.string({ description: 'Key application id (ka_…).', required: true }) };
  static override flags = {
    data: dataFlag,
    url: urlFlag,
    reason: Flags.string({ summary: 'Why the application is rejected.', required: true }),
  };

  async run(): Promise<ApplicationView> {
    const admin = SandboxAdmin.forDataDir(sandboxDataDir(this.flags.data), this.flags.url);
    const app = await admin.reject(this.args.id, this.flags.reason);
    this.out(t('sandbox.reject.done', { id: app.id }));
    return app;
  }
}
