import { Args } from '@oclif/core';
import { BaseCommand, dataFlag, urlFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { SandboxAdmin, sandboxDataDir, type ApplicationView } from '../../../lib/sandbox-control/index.js';

export default class SandboxPay extends BaseCommand<typeof SandboxPay> {
  static override summary = t('cmd.sandbox.pay.summary');
  static override description = t('cmd.sandbox.pay.description');
  static override examples = ['<%= config.bin %> sandbox pay $INVOICE'];
  static override args = {
    invoice: Args.string({ description: t('cmd.sandbox.pay.arg.invoice'), required: true }),
  };
  static override flags = { data: dataFlag, url: urlFlag };

  async run(): Promise<ApplicationView> {
    const { ctx, args, flags } = this;
    const app = await SandboxAdmin.forDataDir(sandboxDataDir(flags.data), flags.url).pay(args.invoice);
    ctx.out(t('sandbox.pay.done', { invoice: args.invoice, id: app.id }));
    return app;
  }
}
