import { Args } from '@oclif/core';
import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { decideSite } from '../../../lib/agent/index.js';

/** `--json` result of `oneid agent deny`. */
export interface AgentDenyResult {
  origin: string;
  allowed: false;
}

export default class AgentDeny extends BaseCommand<typeof AgentDeny> {
  static override summary = t('cmd.agent.deny.summary');
  static override description = t('cmd.agent.deny.description');
  static override examples = ['<%= config.bin %> agent deny https://example.com'];
  static override args = {
    origin: Args.string({ description: t('cmd.agent.deny.arg.origin'), required: true }),
  };

  async run(): Promise<AgentDenyResult> {
    const origin = await decideSite(this.args.origin, 'deny');
    this.ctx.out(t('agent.denied', { origin }));
    return { origin, allowed: false };
  }
}
