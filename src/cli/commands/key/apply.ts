import { Flags } from '@oclif/core';
import {
  applyForKey,
  confirmationNeeded,
  interruptedError,
  narration,
  smsCodeNeeded,
  applyOutcome,
  applyResult,
  rejectedError,
  reviewLines,
  type ApplyAsk,
  type ApplyIo,
  type KeyApplyResult,
} from '../../../lib/apply/index.js';
import { BaseCommand, portalFlag, secretFlags } from '../../index.js';
import { untilInterrupted } from '../../interrupt.js';
import { pickPlaceInteractively } from '../../pickers/place.js';
import { isOneIdError, UsageError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';

export type { KeyApplyResult } from '../../../lib/apply/index.js';

const [kp, sms] = [secretFlags('key-password'), secretFlags('sms-code')];
/** A shared flag with this command's own help text. */
const summarised = <F>(flag: F, summary: string): F => ({ ...flag, summary });

export default class KeyApply extends BaseCommand<typeof KeyApply> {
  static override summary = t('cmd.key.apply.summary');
  static override description = t('cmd.key.apply.description');
  static override examples = [
    '<%= config.bin %> key apply --pinfl 41604714357530 --phone "+998 93 979 40 52" --photo me.jpg --selfie selfie.png --sms-code-stdin --yes',
    '<%= config.bin %> key apply --legal --tin 234727238 --phone +998331266633 --photo me.jpg --selfie selfie.png --alg rsa --sms-code-stdin --yes',
    '<%= config.bin %> key apply --tin 419713678 --phone +998908777637 --region 1726 --district "Chilonzor tumani" --photo me.jpg --selfie selfie.png --sms-code-stdin --yes',
    '<%= config.bin %> key apply --resume $APP_ID --sms-code-file code.txt --yes --json',
  ];
  static override flags = {
    legal: Flags.boolean({ summary: t('cmd.key.apply.flag.legal') }),
    pinfl: Flags.string({ summary: t('cmd.key.apply.flag.pinfl') }),
    tin: Flags.string({ summary: t('cmd.key.apply.flag.tin') }),
    phone: Flags.string({ summary: t('cmd.key.apply.flag.phone') }),
    alg: Flags.string({ summary: t('cmd.key.apply.flag.alg') }),
    dir: Flags.string({ summary: t('cmd.key.apply.flag.dir') }),
    photo: Flags.string({ summary: t('cmd.key.apply.flag.photo') }),
    selfie: Flags.string({ summary: t('cmd.key.apply.flag.selfie') }),
    region: Flags.string({ summary: t('cmd.key.apply.flag.region') }),
    district: Flags.string({ summary: t('cmd.key.apply.flag.district') }),
    yes: Flags.boolean({ char: 'y', summary: t('cmd.key.apply.flag.yes') }),
    resume: Flags.string({ summary: t('cmd.key.apply.flag.resume') }),
    'resend-sms': Flags.boolean({ summary: t('cmd.key.apply.flag.resend-sms') }),
    wait: Flags.boolean({ summary: t('cmd.key.apply.flag.wait') }),
    portal: portalFlag,
    'key-password-file': summarised(kp['key-password-file'], t('cmd.key.apply.flag.key-password-file')),
    'key-password-stdin': summarised(kp['key-password-stdin'], t('cmd.key.apply.flag.key-password-stdin')),
    'sms-code-file': summarised(sms['sms-code-file'], t('cmd.key.apply.flag.sms-code-file')),
    'sms-code-stdin': summarised(sms['sms-code-stdin'], t('cmd.key.apply.flag.sms-code-stdin')),
  };

  /** The application this run works on, once known: every failure says which one to resume. */
  private currentId?: string;
  private passwordValue?: Promise<string>;

  async run(): Promise<KeyApplyResult> {
    const { ctx, flags: f } = this;
    // Standard input is read once: it cannot carry both the key password and the SMS code.
    if (f['key-password-stdin'] && f['sms-code-stdin'])
      throw new UsageError('STDIN_TWICE', 'apply.error.stdinTwice');
    const ask: ApplyAsk = {
      interactive: ctx.term.interactive,
      text: (flag, given, key) => ctx.valueOrAsk(given, { flag }, (p) => p.input({ message: t(key) })),
      choose: (flag, key, choices) =>
        ctx.valueOrAsk(undefined, { flag }, (p) => p.select({ message: t(key), choices })),
      pickPlace: (regions) => pickPlaceInteractively(ctx.prompter, regions),
    };
    const outside = { settings: ctx.settings, sessions: () => ctx.sessions() };
    const state = await untilInterrupted(
      () => applyForKey(f, { ...outside, ask, io: this.io(!f.resume) }),
      () => interruptedError(this.currentId),
    );
    const { lines, hint } = applyOutcome(state);
    for (const line of lines) ctx.out(line);
    if (hint) ctx.hint(hint.key, hint.params);
    const result = applyResult(state);
    if (state.status === 'rejected') throw rejectedError(state, result);
    return result;
  }

  /** Whatever stopped the run (Ctrl-C in a prompt too), scripts learn which application to resume. */
  protected override async catch(err: Error & { exitCode?: number }): Promise<never> {
    if (err?.name === 'ExitPromptError' || err?.name === 'AbortPromptError')
      err = interruptedError(this.currentId);
    if (isOneIdError(err) && this.currentId && !err.data?.applicationId)
      (err as { data?: Record<string, unknown> }).data = { ...err.data, applicationId: this.currentId };
    return super.catch(err);
  }

  private io(isNew: boolean): ApplyIo {
    const { ctx, flags: f } = this;
    return {
      // Asked once per run; a new key's password is typed twice (and checked by the flow).
      password: () =>
        (this.passwordValue ??= ctx
          .secret('key-password', 'apply.prompt.keyPassword', { confirm: isNew })
          .then((s) => s.value)),
      resendSms: f['resend-sms'],
      retrySms: ctx.term.interactive && !ctx.secretGiven('sms-code'),
      smsCode: async ({ phone, attempt, attemptsLeft, sent }) => {
        if (attempt > 1) ctx.warning(t('apply.warn.smsWrong', { left: attemptsLeft ?? 0 }));
        else ctx.note(t(sent ? 'apply.note.smsSent' : 'apply.note.smsEarlier', { phone }));
        const code = await ctx.secret('sms-code', 'apply.prompt.smsCode').catch((e: unknown) => {
          throw e instanceof UsageError && e.code === 'SECRET_MISSING' ? smsCodeNeeded(this.currentId) : e;
        });
        return code.value;
      },
      confirmSubmit: async (review) => {
        const { title, lines } = reviewLines(review);
        for (const line of [ctx.style.bold(title), ...lines]) ctx.note(line);
        if (f.yes) return true;
        if (!ctx.term.interactive) throw confirmationNeeded(review.id);
        return ctx.prompter.confirm({ message: t('apply.prompt.submit'), default: true });
      },
      ...narration({
        note: (text) => ctx.note(text),
        warn: (text) => ctx.warning(text),
        onId: (id) => (this.currentId = id),
      }),
    };
  }
}
