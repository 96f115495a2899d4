import { Flags } from '@oclif/core';

import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  installAgentTrust,
  uninstallAgentTrust,
  type AgentTrustResult,
} from '../../../lib/agent-trust/index.js';

/** The line each store's outcome prints (a failure is a warning). */
const STORE_LINE = {
  added: 'agentTrust.store.added',
  created: 'agentTrust.store.created',
  removed: 'agentTrust.store.removed',
  absent: 'agentTrust.store.absent',
  manual: 'agentTrust.store.manual',
  failed: 'agentTrust.store.failed',
} as const;

/** `--json` result of `oneid agent trust`: the AgentTrustResult of src/lib/agent-trust. */
export type AgentTrustCommandResult = AgentTrustResult;

export default class AgentTrust extends BaseCommand<typeof AgentTrust> {
  static override summary = t('cmd.agent.trust.summary');
  static override description = t('cmd.agent.trust.description');
  static override examples = [
    '<%= config.bin %> agent trust',
    '<%= config.bin %> agent trust --json',
    '<%= config.bin %> agent trust --uninstall',
  ];
  static override flags = {
    uninstall: Flags.boolean({ summary: t('cmd.agent.trust.flag.uninstall') }),
  };

  async run(): Promise<AgentTrustResult> {
    const { ctx, flags } = this;
    const r = flags.uninstall ? await uninstallAgentTrust() : await installAgentTrust();
    if (r.ca) ctx.out(t('agentTrust.created', { validTo: r.ca.validTo.slice(0, 10) }));
    for (const s of r.stores) {
      const params = { location: s.location, reader: s.reader, command: s.command, error: s.error };
      if (s.action === 'failed') ctx.warning(t(STORE_LINE.failed, params));
      else ctx.out(t(STORE_LINE[s.action], params));
    }
    if (r.action === 'install') {
      ctx.out(t('agentTrust.files', { dir: r.files.dir }));
      ctx.hint('agentTrust.hint.restart');
    } else ctx.out(t('agentTrust.removedFiles', { count: r.removedFiles?.length ?? 0, dir: r.files.dir }));
    return r;
  }
}
