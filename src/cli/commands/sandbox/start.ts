import { Flags } from '@oclif/core';
import { BaseCommand, dataFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  runForeground,
  sandboxDataDir,
  startDetached,
  type SandboxInfo,
} from '../../../lib/sandbox-control/index.js';

/** `--json` result of `oneid sandbox start`. */
export interface SandboxStartResult {
  url: string;
  pid: number;
  port: number;
  dataDir: string;
  detached: boolean;
}

export default class SandboxStart extends BaseCommand<typeof SandboxStart> {
  static override summary = t('cmd.sandbox.start.summary');
  static override description = t('cmd.sandbox.start.description');
  static override examples = [
    '<%= config.bin %> sandbox start --detach',
    '<%= config.bin %> sandbox start --port 9000 --data ./sandbox-data',
    '<%= config.bin %> sandbox start --detach --ca-algorithm ecdsa-p256 --data ./openssl-friendly',
  ];
  static override flags = {
    port: Flags.integer({
      summary: t('cmd.sandbox.start.flag.port'),
      default: 8765,
      min: 0,
      max: 65535,
    }),
    data: dataFlag,
    detach: Flags.boolean({ summary: t('cmd.sandbox.start.flag.detach') }),
    'ca-algorithm': Flags.option({
      options: ['ozdst-1092', 'ecdsa-p256'] as const,
      summary: t('cmd.sandbox.start.flag.ca-algorithm'),
    })(),
  };

  async run(): Promise<SandboxStartResult> {
    const { ctx, flags } = this;
    const dataDir = sandboxDataDir(flags.data);
    const opts = { dataDir, port: flags.port, detach: flags.detach, caAlgorithm: flags['ca-algorithm'] };
    let info: SandboxInfo | undefined;
    if (flags.detach) {
      info = await startDetached(opts);
      ctx.out(t('sandbox.started', { url: info.url, pid: info.pid, dir: dataDir }));
    } else {
      await runForeground({
        ...opts,
        onListening: (i) => {
          info = i;
          ctx.note(t('sandbox.started', { url: i.url, pid: i.pid, dir: dataDir }));
          ctx.hint('sandbox.hint.foreground');
        },
      });
    }
    return { url: info!.url, pid: info!.pid, port: info!.port, dataDir, detached: flags.detach };
  }
}
