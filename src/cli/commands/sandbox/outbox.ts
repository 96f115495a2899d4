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
  static override description = `Newest first. Filter by recipient phone (any usual spelling of a +998 number) or e-mail address.

JSON result: { messages: [{ id, channel, recipient, subject, body, createdAt }] }`;
  static override examples = [
    '<%= config.bin %> sandbox outbox --phone +998901234567 --last 1',
    '<%= config.bin %> sandbox outbox --channel email --json',
  ];
  static override flags = {
    data: dataFlag,
    url: urlFlag,
    phone: Flags.string({ summary: 'Only messages to this phone number (or e-mail address).' }),
    last: Flags.integer({ summary: 'At most this many messages.', default: 10, min: 1, max: 1000 }),
    channel: Flags.option({ options: ['sms', 'email'] as const, summary: 'Only this channel.' })(),
  };

  async run(): Promise<SandboxOutboxResult> {
    const admin = SandboxAdmin.forDataDir(sandboxDataDir(this.flags.data), this.flags.url);
    const { messages } = await admin.outbox({
      phone: this.flags.phone,
      last: this.flags.last,
      channel: this.flags.channel,
    });
    if (!messages.length) this.out(t('sandbox.outbox.empty'));
    for (const m of messages) {
      this.out(`${m.createdAt}  ${m.channel}  ${m.recipient}${m.subject ? `  [${m.subject}]` : ''}`);
      this.out(`  ${m.body}`);
    }
    return { messages };
  }
}
