import { Flags } from '@oclif/core';
import { BaseCommand, dataFlag, urlFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { SandboxAdmin, sandboxDataDir, type OutboxMessage } from '../../../lib/sandbox-control/index.js';

/** `--json` result of `oneid sandbox outbox`: newest first. */
export interface SandboxOutboxResult {
  messages: OutboxMessage[];
}

export default class SandboxOutbox extends BaseCommand<typeof SandboxOutbox> {
  static override summary = t('cmd.sandbox.outbox.summary');
  static override description = t('cmd.sandbox.outbox.description');
  static override examples = [
    '<%= config.bin %> sandbox outbox --phone +998901234567 --last 1',
    '<%= config.bin %> sandbox outbox --channel email --json',
  ];
  static override flags = {
    data: dataFlag,
    url: urlFlag,
    phone: Flags.string({ summary: t('cmd.sandbox.outbox.flag.phone') }),
    last: Flags.integer({ summary: t('cmd.sandbox.outbox.flag.last'), default: 10, min: 1, max: 1000 }),
    channel: Flags.option({
      options: ['sms', 'email'] as const,
      summary: t('cmd.sandbox.outbox.flag.channel'),
    })(),
  };

  async run(): Promise<SandboxOutboxResult> {
    const { ctx, flags } = this;
    const admin = SandboxAdmin.forDataDir(sandboxDataDir(flags.data), flags.url);
    const { messages } = await admin.outbox({ phone: flags.phone, last: flags.last, channel: flags.channel });
    if (!messages.length) ctx.out(t('sandbox.outbox.empty'));
    for (const m of messages) {
      ctx.out(`${m.createdAt}  ${m.channel}  ${m.recipient}${m.subject ? `  [${m.subject}]` : ''}`);
      ctx.out(`  ${m.body}`);
    }
    return { messages };
  }
}
