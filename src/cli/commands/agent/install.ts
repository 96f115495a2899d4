import { Flags } from '@oclif/core';
import path from 'node:path';
import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { installAtLogin, type InstallResult } from '../../../lib/agent/index.js';

/** `--json` result of `oneid agent install`. */
export type AgentInstallResult = InstallResult;

export default class AgentInstall extends BaseCommand<typeof AgentInstall> {
  static override summary = t('cmd.agent.install.summary');
  static override description = t('cmd.agent.install.description');
  static override examples = [
    '<%= config.bin %> agent install',
    '<%= config.bin %> agent install --uninstall',
  ];
  static override flags = { uninstall: Flags.boolean({ summary: t('cmd.agent.install.flag.uninstall') }) };

  async run(): Promise<AgentInstallResult> {
    const { ctx, flags } = this;
    const r = await installAtLogin({
      uninstall: flags.uninstall,
      cli: { node: process.execPath, script: path.resolve(process.argv[1] ?? 'oneid') },
    });
    if (r.file) ctx.out(t(r.installed ? 'agent.install.wrote' : 'agent.install.removed', { file: r.file }));
    ctx.out(t(r.ran ? 'agent.install.ran' : 'agent.install.run', { commands: r.commands.join('\n  ') }));
    if (r.undo) ctx.hint('agent.install.undo', { command: r.undo });
    return r;
  }
}
