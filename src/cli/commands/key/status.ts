import { Args, Flags } from '@oclif/core';

import {
  applicationStatus,
  applicationSummary,
  elsewhereOutcome,
  listOutcome,
  rejectedError,
  statusOutcome,
  statusText,
  type KeyStatusResult,
  type Outcome,
} from '../../../lib/apply/index.js';
import { BaseCommand, portalFlag, secretFlags } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';

export type { KeyApplicationSummary, KeyStatusResult } from '../../../lib/apply/index.js';

const kp = secretFlags('key-password');
/** A shared flag with this command's own help text. */
const summarised = <F>(flag: F, summary: string): F => ({ ...flag, summary });

export default class KeyStatus extends BaseCommand<typeof KeyStatus> {
  static override summary = t('cmd.key.status.summary');
  static override description = t('cmd.key.status.description');
  static override examples = [
    '<%= config.bin %> key status',
    '<%= config.bin %> key status $APP_ID --watch',
    '<%= config.bin %> key status --all --json',
    '<%= config.bin %> key status $APP_ID --key-password-file ~/.key-pass --json',
  ];
  static override args = {
    id: Args.string({ description: t('cmd.key.status.arg.id') }),
  };
  static override flags = {
    dir: Flags.string({ summary: t('cmd.key.status.flag.dir') }),
    watch: Flags.boolean({ summary: t('cmd.key.status.flag.watch') }),
    all: Flags.boolean({ summary: t('cmd.key.status.flag.all'), exclusive: ['watch', 'dir'] }),
    portal: portalFlag,
    'key-password-file': summarised(kp['key-password-file'], t('cmd.key.status.flag.key-password-file')),
    'key-password-stdin': summarised(kp['key-password-stdin'], t('cmd.key.status.flag.key-password-stdin')),
  };

  private passwordValue?: Promise<string>;

  async run(): Promise<KeyStatusResult> {
    const { ctx, args, flags } = this;
    const answer = await applicationStatus(
      { id: args.id, dir: flags.dir, watch: flags.watch, all: flags.all },
      {
        settings: ctx.settings,
        sessions: () => ctx.sessions(),
        portal: () => ctx.portal(),
        io: {
          password: () =>
            (this.passwordValue ??= ctx
              .secret('key-password', 'apply.prompt.keyPassword')
              .then((s) => s.value)),
          onWaiting: () => ctx.note(t('apply.note.waiting')),
          onStatus: (s) => ctx.note(t('apply.note.status', { status: statusText(s.status) })),
        },
      },
    );
    switch (answer.kind) {
      case 'remote':
        ctx.out(
          t('apply.out.application', { id: answer.summary.id, status: statusText(answer.summary.status) }),
        );
        ctx.warning(t('apply.warn.notLocal', { id: answer.summary.id }));
        return { applications: [answer.summary] };
      case 'list': {
        const elsewhere = answer.elsewhere ?? [];
        if (answer.states.length === 0 && elsewhere.length === 0) ctx.note(t('apply.note.none'));
        this.render(listOutcome(answer.states));
        const other = elsewhereOutcome(elsewhere);
        for (const line of other.lines) ctx.out(line);
        for (const w of other.warnings) ctx.warning(w);
        if (answer.locked) ctx.warning(t('apply.warn.secretMissing', { id: answer.locked.id }));
        return { applications: [...answer.states.map(applicationSummary), ...elsewhere] };
      }
      case 'one': {
        this.render(statusOutcome(answer.state));
        const result = { applications: [applicationSummary(answer.state)] };
        if (answer.state.status === 'rejected') throw rejectedError(answer.state, result);
        return result;
      }
    }
  }

  private render({ lines, hint }: Outcome): void {
    for (const line of lines) this.ctx.out(line);
    if (hint) this.ctx.hint(hint.key, hint.params);
  }
}
