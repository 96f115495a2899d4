import { BaseCommand, dataFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { sandboxDataDir, stopSandbox } from '../../../lib/sandbox-control/index.js';

/** `--json` result of `oneid sandbox stop`. */
export interface SandboxStopResult {
  stopped: boolean;
  pid?: number;
  dataDir: string;
}

export default class SandboxStop extends BaseCommand<typeof SandboxStop> {
  static override summary = t('cmd.sandbox.stop.summary');
  static override description = t('cmd.sandbox.stop.description');
  static override examples = ['<%= config.bin %> sandbox stop'];
  static override flags = { data: dataFlag };

  async run(): Promise<SandboxStopResult> {
    const { ctx } = this;
    const dataDir = sandboxDataDir(this.flags.data);
    const info = await stopSandbox(dataDir);
    ctx.out(info ? t('sandbox.stopped', { pid: info.pid }) : t('sandbox.wasNotRunning'));
    return info ? { stopped: true, pid: info.pid, dataDir } : { stopped: false, dataDir };
  }
}
