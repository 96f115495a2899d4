import { BaseCommand, dataFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  clearData,
  runningSandbox,
  SandboxAdmin,
  sandboxDataDir,
} from '../../../lib/sandbox-control/index.js';

/** `--json` result of `oneid sandbox reset`. */
export interface SandboxResetResult {
  dataDir: string;
  /** `running`: accounts, applications, sessions and messages removed, registries and CA kept. `stopped`: database removed. */
  mode: 'running' | 'stopped';
}

export default class SandboxReset extends BaseCommand<typeof SandboxReset> {
  static override summary = t('cmd.sandbox.reset.summary');
  static override description = t('cmd.sandbox.reset.description');
  static override examples = ['<%= config.bin %> sandbox reset'];
  static override flags = { data: dataFlag };

  async run(): Promise<SandboxResetResult> {
    const { ctx } = this;
    const dataDir = sandboxDataDir(this.flags.data);
    const info = runningSandbox(dataDir);
    if (info) {
      await new SandboxAdmin(info.url).reset();
      ctx.out(t('sandbox.reset.running'));
      return { dataDir, mode: 'running' };
    }
    clearData(dataDir);
    ctx.out(t('sandbox.reset.stopped'));
    return { dataDir, mode: 'stopped' };
  }
}
