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
  static override description = `Sends SIGTERM and waits for a clean shutdown (SIGKILL after 10 seconds). Stopping a sandbox that is not running is not an error.

JSON result: { stopped, pid?, dataDir }`;
  static override examples = ['<%= config.bin %> sandbox stop'];
  static override flags = { data: dataFlag };

  async run(): Promise<SandboxStopResult> {
    const dataDir = sandboxDataDir(this.flags.data);
    const info = await stopSandbox(dataDir);
    this.out(info ? t('sandbox.stopped', { pid: info.pid }) : t('sandbox.wasNotRunning'));
    return info ? { stopped: true, pid: info.pid, dataDir } : { stopped: false, dataDir };
  }
}
