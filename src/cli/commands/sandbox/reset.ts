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
  static override description = `On a running sandbox: removes accounts, registrations, key applications, certificates, sessions and messages, and keeps the registries and the CA. On a stopped one: removes its database, so the next start seeds fresh registries and a new CA.

JSON result: { dataDir, mode: "running" | "stopped" }`;
  static override examples = ['<%= config.bin %> sandbox reset'];
  static override flags = { data: dataFlag };

  async run(): Promise<SandboxResetResult> {
    const dataDir = sandboxDataDir(this.flags.data);
    const info = runningSandbox(dataDir);
    if (info) {
      await new SandboxAdmin(info.url).reset();
      this.out(t('sandbox.reset.running'));
      return { dataDir, mode: 'running' };
    }
    clearData(dataDir);
    this.out(t('sandbox.reset.stopped'));
    return { dataDir, mode: 'stopped' };
  }
}
