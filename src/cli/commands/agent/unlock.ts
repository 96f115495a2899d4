import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../../index.js';
import { keyPasswordFlags } from '../../flags/keys.js';
import { UsageError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';
import { parseDuration, unlockKey, type UnlockedKeyView } from '../../../lib/agent/index.js';

/** `--json` result of `oneid agent unlock`: the unlocked key (never the key itself). */
export type AgentUnlockResult = UnlockedKeyView;

export default class AgentUnlock extends BaseCommand<typeof AgentUnlock> {
  static override summary = t('cmd.agent.unlock.summary');
  static override description = t('cmd.agent.unlock.description');
  static override examples = [
    '<%= config.bin %> agent unlock DS2810582130001.pfx --for 30m',
    '<%= config.bin %> agent unlock 281058213 --for 2h --origin https://my.soliq.uz --max-signatures 200',
  ];
  static override args = { key: Args.string({ description: t('cmd.agent.unlock.arg.key'), required: true }) };
  static override flags = {
    for: Flags.string({ summary: t('cmd.agent.unlock.flag.for'), default: '30m' }),
    origin: Flags.string({ summary: t('cmd.agent.unlock.flag.origin'), multiple: true }),
    'max-signatures': Flags.integer({ summary: t('cmd.agent.unlock.flag.max-signatures'), min: 1 }),
    ...keyPasswordFlags,
  };

  async run(): Promise<AgentUnlockResult> {
    const { ctx, flags: f } = this;
    const ms = parseDuration(f.for);
    if (ms === undefined || ms < 1000)
      throw new UsageError('AGENT_BAD_DURATION', 'agent.error.badDuration', { params: { value: f.for } });
    const k = await unlockKey({
      ref: this.args.key,
      password: async () => (await ctx.secret('key-password', 'keys.prompt.password')).value,
      forSeconds: Math.round(ms / 1000),
      origins: f.origin ?? [],
      maxSignatures: f['max-signatures'],
      keyRoots: ctx.settings.get('key-roots'),
    });
    ctx.out(
      t('agent.unlocked', {
        key: `${k.owner ?? ''} (${k.serial})`,
        minutes: Math.ceil(k.secondsLeft / 60),
        sites: k.origins.join(', ') || t('agent.status.anySite'),
      }),
    );
    return k;
  }
}
