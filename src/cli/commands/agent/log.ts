import { Flags } from '@oclif/core';
import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { parseSince, signatureLog, type AuditEntry } from '../../../lib/agent/index.js';

/** `--json` result of `oneid agent log`. */
export interface AgentLogResult {
  file: string;
  entries: AuditEntry[];
}

export default class AgentLog extends BaseCommand<typeof AgentLog> {
  static override summary = t('cmd.agent.log.summary');
  static override description = t('cmd.agent.log.description');
  static override examples = [
    '<%= config.bin %> agent log',
    '<%= config.bin %> agent log --since 24h --json',
    '<%= config.bin %> agent log --since 2026-01-31',
  ];
  static override flags = { since: Flags.string({ summary: t('cmd.agent.log.flag.since') }) };

  async run(): Promise<AgentLogResult> {
    const { ctx, flags } = this;
    const log = signatureLog({ since: flags.since ? parseSince(flags.since) : undefined });
    if (log.entries.length === 0) ctx.out(t('agent.log.empty'));
    else
      for (const line of ctx.table(
        [
          t('agent.log.col.time'),
          t('agent.log.col.site'),
          t('agent.log.col.key'),
          t('agent.log.col.mode'),
          'SHA-256',
        ],
        log.entries.map((e) => [
          e.time,
          e.origin,
          `${e.key} (${e.serial})`,
          `${e.mode}${e.cosign ? '+' : ''}`,
          e.sha256,
        ]),
      ))
        ctx.out(line);
    return log;
  }
}
