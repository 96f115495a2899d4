import { Args } from '@oclif/core';
import { BaseCommand, dataFlag, urlFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { SandboxAdmin, sandboxDataDir, type ApplicationView } from '../../../lib/sandbox-control/index.js';

export default class SandboxPay extends BaseCommand<typeof SandboxPay> {
  static override summary = t('cmd.sandbox.pay.summary');
  static override description = `The application goes under review; it is approved automatically after the portal's review delay, or by "oneid sandbox approve".

JSON result: the application { id, status: "in_review", invoice: { id, amount, paid: true }, reviewDueAt, ... }`;
  static override examples = ['<%= config.bin %> sandbox pay $INVOICE'];
  static override args = {
    invoice: Args.string({ description: 'Invoice number (from the application).', required: true }),
  };
  static override flags = { data: dataFlag, url: urlFlag };

  async run(): Promise<ApplicationView> {
    const app = await SandboxAdmin.forDataDir(sandboxDataDir(this.flags.data), this.flags.url).pay(
      this.args.invoice,
    );
    this.out(t('sandbox.pay.done', { invoice: this.args.invoice, id: app.id }));
    return app;
  }
}
