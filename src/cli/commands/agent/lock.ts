import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../../index.js';
import { UsageError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';
import { lockKeys } from '../../../lib/agent/index.js';

/** `--json` result of `oneid agent lock`. */
export interface AgentLockResult {
  locked: number;
}

export default class AgentLock extends BaseCommand<typeof AgentLock> {
  static override summary = t('cmd.agent.lock.summary');
  static override description = t('cmd.agent.lock.description');
  static override examples = [
    '<%= config.bin %> agent lock --all',
    '<%= config.bin %> agent lock DS2810582130001.pfx',
  ];
  static override args = { key: Args.string({ description: t('cmd.agent.lock.arg.key') }) };
  static override flags = { all: Flags.boolean({ summary: t('cmd.agent.lock.flag.all') }) };

  async run(): Promise<AgentLockResult> {
    const { ctx, flags, args } = this;
    if (!!args.key === flags.all) throw new UsageError('AGENT_LOCK_WHICH', 'agent.error.lockWhich');
    const locked = await lockKeys({ ref: args.key, keyRoots: ctx.settings.get('key-roots') });
    ctx.out(t('agent.locked', { count: locked }));
    return { locked };
  }
}
