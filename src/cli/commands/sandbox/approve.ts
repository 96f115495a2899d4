import { Args } from '@oclif/core';
import { BaseCommand, dataFlag, urlFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { SandboxAdmin, sandboxDataDir, type ApplicationView } from '../../../lib/sandbox-control/index.js';

export default class SandboxApprove extends BaseCommand<typeof SandboxApprove> {
  static override summary = t('cmd.sandbox.approve.summary');
  static override description = `Stands in for the reviewer. The application must be paid and under review (see "oneid sandbox pay").

JSON result: the application { id, status: "issued", certificateSerial, invoice, ... }`;
  static override examples = ['<%= config.bin %> sandbox approve $APP_ID'];
  static override args = { id: Args.string({ description: 'Key application id (ka_…).', required: true }) };
  static override flags = { data: dataFlag, url: urlFlag };

  async run(): Promise<ApplicationView> {
    const app = await SandboxAdmin.forDataDir(sandboxDataDir(this.flags.data), this.flags.url).approve(
      this.args.id,
    );
    this.out(t('sandbox.approve.done', { id: app.id, serial: app.certificateSerial ?? '' }));
    return app;
  }
}
