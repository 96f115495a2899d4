import { Flags } from '@oclif/core';
import { BaseCommand } from '../../index.js';
import { getLanguage, t } from '../../../lib/i18n/index.js';
import {
  agentDir,
  DEFAULT_MAX_MESSAGE,
  DEFAULT_PORT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_TLS_PORT,
  runAgentForeground,
  startAgentDetached,
} from '../../../lib/agent/index.js';

/** `--json` result of `oneid agent start`. */
export interface AgentStartResult {
  pid: number;
  ws: string;
  wss?: string;
  detached: boolean;
}

export default class AgentStart extends BaseCommand<typeof AgentStart> {
  static override summary = t('cmd.agent.start.summary');
  static override description = t('cmd.agent.start.description');
  static override examples = [
    '<%= config.bin %> agent start --detach',
    '<%= config.bin %> agent start --allow-origin https://my.gov.uz',
  ];
  static override flags = {
    detach: Flags.boolean({ summary: t('cmd.agent.start.flag.detach') }),
    port: Flags.integer({
      summary: t('cmd.agent.start.flag.port'),
      default: DEFAULT_PORT,
      min: 0,
      max: 65535,
    }),
    'tls-port': Flags.integer({
      summary: t('cmd.agent.start.flag.tls-port'),
      default: DEFAULT_TLS_PORT,
      min: 0,
      max: 65535,
    }),
    'allow-origin': Flags.string({ summary: t('cmd.agent.start.flag.allow-origin'), multiple: true }),
    'max-message-size': Flags.integer({
      summary: t('cmd.agent.start.flag.max-message-size'),
      default: DEFAULT_MAX_MESSAGE,
      min: 1024,
    }),
    'rate-limit': Flags.integer({
      summary: t('cmd.agent.start.flag.rate-limit'),
      default: DEFAULT_RATE_LIMIT,
      min: 1,
    }),
  };

  async run(): Promise<AgentStartResult> {
    const { ctx, flags: f } = this;
    const o = {
      dir: agentDir(),
      port: f.port,
      tlsPort: f['tls-port'],
      allowOrigins: f['allow-origin'] ?? [],
      keyRoots: ctx.settings.get('key-roots'),
      lang: getLanguage(),
      maxMessageSize: f['max-message-size'],
      rateLimit: f['rate-limit'],
    };
    const say = (ws: string, wss: string | undefined, pid: number, show: (s: string) => void) => {
      show(t('agent.started', { ws, pid }));
      show(wss ? t('agent.startedTls', { wss }) : t('agent.noTls'));
    };
    if (f.detach) {
      const info = await startAgentDetached({ ...o, detach: true });
      say(info.ws, info.wss, info.pid, (s) => ctx.out(s));
      return { pid: info.pid, ws: info.ws, wss: info.wss, detached: true };
    }
    let result: AgentStartResult | undefined;
    await runAgentForeground({
      ...o,
      detach: false,
      onListening: (l) => {
        result = { pid: l.pid, ws: l.listening, wss: l.wss, detached: false };
        say(l.listening, l.wss, l.pid, (s) => ctx.note(s));
        ctx.hint('agent.hint.foreground');
      },
    });
    return result!;
  }
}
