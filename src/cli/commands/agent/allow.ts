import { Args } from '@oclif/core';
import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { decideSite } from '../../../lib/agent/index.js';

/** `--json` result of `oneid agent allow`. */
export interface AgentAllowResult {
  origin: string;
  allowed: true;
}

export default class AgentAllow extends BaseCommand<typeof AgentAllow> {
  static override summary = t('cmd.agent.allow.summary');
  static override description = t('cmd.agent.allow.description');
  static override examples = [
    '<%= config.bin %> agent allow https://my.gov.uz',
    '<%= config.bin %> agent allow null',
  ];
  static override args = {
    origin: Args.string({ description: t('cmd.agent.allow.arg.origin'), required: true }),
  };

  async run(): Promise<AgentAllowResult> {
    const origin = await decideSite(this.args.origin, 'allow');
    this.ctx.out(t('agent.allowed', { origin }));
    return { origin, allowed: true };
  }
}
