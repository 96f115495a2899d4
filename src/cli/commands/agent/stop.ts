import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { stopAgent } from '../../../lib/agent/index.js';

/** `--json` result of `oneid agent stop`. */
export interface AgentStopResult {
  stopped: boolean;
  pid?: number;
}

export default class AgentStop extends BaseCommand<typeof AgentStop> {
  static override summary = t('cmd.agent.stop.summary');
  static override description = t('cmd.agent.stop.description');
  static override examples = ['<%= config.bin %> agent stop'];

  async run(): Promise<AgentStopResult> {
    const info = await stopAgent();
    this.ctx.out(info ? t('agent.stopped', { pid: info.pid }) : t('agent.wasNotRunning'));
    return info ? { stopped: true, pid: info.pid } : { stopped: false };
  }
}
