import { BaseCommand, dataFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { runningSandbox, SandboxAdmin, sandboxDataDir } from '../../../lib/sandbox-control/index.js';

/** `--json` result of `oneid sandbox status`. */
export interface SandboxStatusResult {
  running: boolean;
  dataDir: string;
  url?: string;
  pid?: number;
  version?: string;
  uptimeSeconds?: number;
  integrity?: 'ok' | 'damaged';
  counts?: Record<string, number>;
}

export default class SandboxStatus extends BaseCommand<typeof SandboxStatus> {
  static override summary = t('cmd.sandbox.status.summary');
  static override description = t('cmd.sandbox.status.description');
  static override examples = ['<%= config.bin %> sandbox status', '<%= config.bin %> sandbox status --json'];
  static override flags = { data: dataFlag };

  async run(): Promise<SandboxStatusResult> {
    const { ctx } = this;
    const dataDir = sandboxDataDir(this.flags.data);
    const info = runningSandbox(dataDir);
    if (!info) {
      ctx.out(t('sandbox.status.stopped', { dir: dataDir }));
      return { running: false, dataDir };
    }
    const s = await new SandboxAdmin(info.url).status();
    ctx.out(
      t('sandbox.status.running', { url: info.url, pid: s.pid, version: s.version, uptime: s.uptimeSeconds }),
    );
    ctx.out(t('sandbox.status.data', { dir: s.dataDir, integrity: s.integrity }));
    ctx.out(
      t('sandbox.status.counts', {
        accounts: s.counts.accounts ?? 0,
        applications: s.counts.key_applications ?? 0,
        certificates: s.counts.certificates ?? 0,
        messages: s.counts.outbox ?? 0,
      }),
    );
    return {
      running: true,
      dataDir,
      url: info.url,
      pid: s.pid,
      version: s.version,
      uptimeSeconds: s.uptimeSeconds,
      integrity: s.integrity,
      counts: s.counts,
    };
  }
}
