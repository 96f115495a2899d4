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
  static override description = `Runs a real HTTP server over a SQLite database in the data directory, seeded on first start with a population registry (citizens, foreign and stateless persons) and a company registry. In the foreground it logs requests (secrets redacted) on stderr and stops on Ctrl-C; with --detach it runs in the background (log: sandbox.log in the data directory) and the command returns once it answers.

JSON result: { url, pid, port, dataDir, detached }`;
  static override examples = [
    '<%= config.bin %> sandbox start --detach',
    '<%= config.bin %> sandbox start --port 9000 --data ./sandbox-data',
    '<%= config.bin %> sandbox start --detach --ca-algorithm ecdsa-p256 --data ./openssl-friendly',
  ];
  static override flags = {
    port: Flags.integer({
      summary: 'TCP port on 127.0.0.1 (0 = any free port).',
      default: 8765,
      min: 0,
      max: 65535,
    }),
    data: dataFlag,
    detach: Flags.boolean({ summary: 'Run in the background and return once the portal answers.' }),
    'ca-algorithm': Flags.option({
      options: ['ozdst-1092', 'ecdsa-p256'] as const,
      summary: "Signature algorithm of the sandbox CA when the data directory is new (default O'z DSt 1092).",
    })(),
  };

  async run(): Promise<SandboxStartResult> {
    const dataDir = sandboxDataDir(this.flags.data);
    const opts = {
      dataDir,
      port: this.flags.port,
      detach: this.flags.detach,
      caAlgorithm: this.flags['ca-algorithm'],
    };
    let info: SandboxInfo | undefined;
    if (this.flags.detach) {
      info = await startDetached(opts);
      this.out(t('sandbox.started', { url: info.url, pid: info.pid, dir: dataDir }));
    } else {
      await runForeground({
        ...opts,
        onListening: (i) => {
          info = i;
          this.note(t('sandbox.started', { url: i.url, pid: i.pid, dir: dataDir }));
          this.hint('sandbox.hint.foreground');
        },
      });
    }
    return { url: info!.url, pid: info!.pid, port: info!.port, dataDir, detached: this.flags.detach };
  }
}
