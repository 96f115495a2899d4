import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { agentStatus, type AgentStatus } from '../../../lib/agent/index.js';

/** `--json` result of `oneid agent status`: `{ running: false }`, or the agent's state. */
export type AgentStatusResult = { running: false } | ({ running: true } & AgentStatus);

export default class AgentStatusCommand extends BaseCommand<typeof AgentStatusCommand> {
  static override summary = t('cmd.agent.status.summary');
  static override description = t('cmd.agent.status.description');
  static override examples = ['<%= config.bin %> agent status', '<%= config.bin %> agent status --json'];

  async run(): Promise<AgentStatusResult> {
    const { ctx } = this;
    const s = await agentStatus();
    if (!s) {
      ctx.out(t('agent.status.stopped'));
      return { running: false };
    }
    ctx.out(t('agent.status.running', { ws: s.ws, pid: s.pid, since: s.startedAt }));
    ctx.out(s.wss ? t('agent.startedTls', { wss: s.wss }) : t('agent.noTls'));
    ctx.out(t('agent.status.signatures', { count: s.signatures }));
    ctx.out(t('agent.status.sites', { sites: s.allowedOrigins.join(', ') || '-' }));
    if (s.deniedOrigins.length) ctx.out(t('agent.status.denied', { sites: s.deniedOrigins.join(', ') }));
    if (s.unlocked.length === 0) ctx.out(t('agent.status.noKeys'));
    else
      for (const line of ctx.table(
        [
          t('agent.status.col.key'),
          t('agent.status.col.left'),
          t('agent.status.col.used'),
          t('agent.status.col.sites'),
        ],
        s.unlocked.map((k) => [
          `${k.owner ?? ''} (${k.serial})`,
          `${Math.ceil(k.secondsLeft / 60)} min`,
          k.maxSignatures === undefined ? String(k.signatures) : `${k.signatures}/${k.maxSignatures}`,
          k.origins.join(', ') || t('agent.status.anySite'),
        ]),
      ))
        ctx.out(line);
    return { running: true, ...s };
  }
}
