import path from 'node:path';

import { Flags } from '@oclif/core';

import {
  actWithSession,
  continueApplication,
  ensureKeyFolder,
  holderSessionToken,
  lacksAccess,
  keyFolderCandidates,
  loadState,
  parseKeyAlgorithm,
  startApplication,
  watchApplication,
  type ApplicationReview,
  type ApplicationState,
  type ApplyIo,
  type ApplyStep,
  doneText,
  historyLines,
  invoiceLines,
  sourceText,
  statusText,
  stepText,
  typeText,
} from '../../../lib/apply/index.js';
import {
  BaseCommand,
  describeError,
  errorEnvelope,
  portalFlag,
  secretFlags,
  SECRET_ENV,
} from '../../index.js';
import { InterruptedError, isOneIdError, PortalRefusedError, UsageError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';
import { assertPasswordAcceptable, parsePhone, parsePinfl, parseTin } from '../../../lib/ids/index.js';
import type { KeyApplicationInvoice, KeyApplicationStatus } from '../../../lib/portal/index.js';

/** `--json` result of `oneid key apply`. */
export interface KeyApplyResult {
  id: string;
  type: 'individual' | 'legal';
  pinfl?: string;
  tin?: string;
  /** As the portal masked it. */
  phone: string;
  /** `ozdst:A`, `rsa:2048`, `ec:P-256`… */
  algorithm: string;
  /** Folder the key file goes to. */
  dir: string;
  status: KeyApplicationStatus;
  /** Last step completed: started, key, confirmed, request, documents, submitted, installed. */
  step: ApplyStep;
  submitted: boolean;
  invoice?: KeyApplicationInvoice;
  /** SubjectPublicKeyInfo of the new key, base64. */
  publicKey?: string;
  /** The installed key file (with --wait, or on a resume after approval). */
  installed?: string;
  rejectReason?: string;
  history: Array<{ status: KeyApplicationStatus; at: string }>;
}

export default class KeyApply extends BaseCommand<typeof KeyApply> {
  static override summary = t('cmd.key.apply.summary');
  static override description = `The e-imzo.uz online application from the command line. The key pair is generated
on this machine (O'z DSt 1092 curve A unless --alg says otherwise) and kept from the first moment
in a password-protected pending key file (mode 0600) in the config folder; only the certificate
request leaves the machine. Steps: start (the portal sends an SMS code to the phone registered to
the key holder) → key pair → SMS code → request → photo and selfie (JPEG or PNG, at most 5 MB,
checked here before upload) → review → send (the invoice is shown: amount and how to pay).
After payment and review, \`oneid key status <id>\` installs the key into the chosen folder
(default: the first USB stick's DSKEYS, else ~/DSKEYS). A legal entity's key is applied for by
its director with --legal --tin. Every step is saved: after a crash or Ctrl-C,
\`oneid key apply --resume <id>\` continues with the same key. The SMS confirmation gives this
computer the application's access secret, kept only in the application's state file (mode 0600)
and never shown: the portal lets nobody else at the application. If the key holder already has an
open application (started on a lost computer, or here), confirming the SMS code hands it over.
Without a terminal, every answer comes from flags, files or stdin (the SMS code from
--sms-code-file/--sms-code-stdin/ONEID_SMS_CODE, the key password from
--key-password-file/--key-password-stdin/ONEID_KEY_PASSWORD, --yes to send).

JSON result: { id, type: "individual" | "legal", pinfl?, tin?, phone, algorithm, dir, status:
"awaiting_sms" | "draft" | "awaiting_payment" | "in_review" | "issued" | "rejected", step, submitted,
invoice?: { id, amount, currency, percent, bhm, paid }, publicKey?, installed?, rejectReason?,
history: [{ status, at }] }`;
  static override examples = [
    '<%= config.bin %> key apply --pinfl 41604714357530 --phone "+998 93 979 40 52" --photo me.jpg --selfie selfie.png --sms-code-stdin --yes',
    '<%= config.bin %> key apply --legal --tin 234727238 --phone +998331266633 --photo me.jpg --selfie selfie.png --alg rsa --sms-code-stdin --yes',
    '<%= config.bin %> key apply --resume $APP_ID --sms-code-file code.txt --yes --json',
  ];
  static override flags = {
    legal: Flags.boolean({ summary: 'Apply for a legal entity key (the director applies; needs --tin).' }),
    pinfl: Flags.string({
      summary: "The key holder's PINFL (14 digits); for --legal, the director's (optional).",
    }),
    tin: Flags.string({ summary: 'The company TIN (9 digits) for --legal.' }),
    phone: Flags.string({ summary: 'Mobile phone registered to the key holder, +998 and 9 digits.' }),
    alg: Flags.string({
      summary: 'Key algorithm: ozdst[:A|B|C] (default ozdst:A), rsa[:2048|3072|4096], ec[:P-256|P-384].',
    }),
    dir: Flags.string({
      summary: 'Folder for the key file (default: first USB stick DSKEYS, else ~/DSKEYS).',
    }),
    photo: Flags.string({ summary: 'Your photo: JPEG or PNG, at most 5 MB.' }),
    selfie: Flags.string({
      summary: 'A selfie holding the passport open at the main page: JPEG or PNG, at most 5 MB.',
    }),
    yes: Flags.boolean({ char: 'y', summary: 'Send the application without asking for confirmation.' }),
    resume: Flags.string({ summary: 'Continue an interrupted application from its last saved step.' }),
    'resend-sms': Flags.boolean({ summary: 'With --resume: have the portal send a new SMS code first.' }),
    wait: Flags.boolean({
      summary: 'After sending, wait until the application is decided and install the key.',
    }),
    portal: portalFlag,
    ...secretFlags('key-password'),
    ...secretFlags('sms-code'),
  };

  private passwordValue?: Promise<string>;

  async run(): Promise<KeyApplyResult> {
    try {
      return await this.apply();
    } catch (e) {
      // Ctrl-C in a prompt: the same answer as Ctrl-C anywhere else.
      if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError'))
        throw this.interrupted(this.currentId);
      // Whatever stopped the run, scripts learn which application to resume.
      if (isOneIdError(e) && this.currentId && !e.data?.applicationId)
        (e as { data?: Record<string, unknown> }).data = { ...e.data, applicationId: this.currentId };
      throw e;
    }
  }

  private async apply(): Promise<KeyApplyResult> {
    const f = this.flags;
    const resumeId = f.resume;
    // Standard input is read once: it cannot carry both the key password and the SMS code.
    if (f['key-password-stdin'] && f['sms-code-stdin'])
      throw new UsageError('STDIN_TWICE', 'apply.error.stdinTwice');
    this.onInterrupt(() => this.currentId);
    let state: ApplicationState;
    if (resumeId) {
      const saved = await loadState(resumeId);
      if (!saved)
        throw new UsageError('APPLICATION_UNKNOWN', 'apply.error.unknown', { params: { id: resumeId } });
      this.currentId = saved.id;
      // A state saved before application secrets: the key holder's own session may still open it.
      if (lacksAccess(saved)) {
        const token = await holderSessionToken(this.settings);
        if (token) actWithSession(saved, token);
      }
      // Documents not yet uploaded may be replaced on resume (a moved or re-shot picture).
      if (f.photo) saved.photo = path.resolve(f.photo);
      if (f.selfie) saved.selfie = path.resolve(f.selfie);
      if (f.dir) saved.dir = await ensureKeyFolder(f.dir);
      this.note(t('apply.note.resuming', { id: saved.id, step: stepText(saved.step) }));
      state = await continueApplication(saved, this.io(false));
    } else {
      const input = await this.newApplicationInput();
      state = await startApplication(input, this.io(true));
    }
    if (f.wait && state.step === 'submitted' && state.status !== 'rejected') {
      this.note(t('apply.note.waiting'));
      state = await watchApplication(state, () => this.password(false), {
        onChange: (s) => this.note(t('apply.note.status', { status: statusText(s.status) })),
      });
    }
    return this.finish(state);
  }

  private currentId?: string;

  /** Ctrl-C: every completed step is saved (atomically); say how to continue, exit 130. */
  private onInterrupt(id: () => string | undefined): void {
    process.once('SIGINT', () => {
      const err = this.interrupted(id());
      const d = describeError(err);
      if (this.jsonEnabled())
        process.stdout.write(JSON.stringify(errorEnvelope(d, this.warnings), null, 2) + '\n');
      else process.stderr.write(`\n${t('apply.note.interrupted')}\n${d.hint ? d.hint + '\n' : ''}`);
      process.exit(130);
    });
  }

  private interrupted(id: string | undefined): InterruptedError {
    return new InterruptedError('INTERRUPTED', 'apply.note.interrupted', {
      hintKey: id ? 'apply.hint.resume' : undefined,
      hintParams: { id },
      data: id ? { applicationId: id } : undefined,
    });
  }

  private finish(state: ApplicationState): KeyApplyResult {
    const submitted = ['submitted', 'installed'].includes(state.step);
    this.out(t('apply.out.application', { id: state.id, status: statusText(state.status) }));
    if (state.invoice && !state.invoice.paid && state.status === 'awaiting_payment')
      for (const line of invoiceLines(state)) this.out(line);
    if (state.installed) this.out(t('apply.out.installed', { path: state.installed }));
    if (!submitted) this.hint('apply.hint.resume', { id: state.id });
    else if (!state.installed) this.hint('apply.hint.status', { id: state.id });
    const result: KeyApplyResult = {
      id: state.id,
      type: state.type,
      phone: state.phoneMasked,
      algorithm: state.algorithm,
      dir: state.dir,
      status: state.status,
      step: state.step,
      submitted,
      history: state.history,
    };
    if (state.pinfl) result.pinfl = state.pinfl;
    if (state.tin) result.tin = state.tin;
    if (state.invoice) result.invoice = state.invoice;
    if (state.publicKey) result.publicKey = state.publicKey;
    if (state.installed) result.installed = state.installed;
    if (state.rejectReason) result.rejectReason = state.rejectReason;
    if (state.status === 'rejected') {
      for (const line of historyLines(state)) this.out(line);
      throw new PortalRefusedError('APPLICATION_REJECTED', 'apply.error.rejected', {
        params: { id: state.id, reason: state.rejectReason ?? '-' },
        data: { applicationId: state.id, result },
      });
    }
    return result;
  }

  /** The key password: asked once per run; a new key's password is typed twice and checked. */
  private password(isNew: boolean): Promise<string> {
    this.passwordValue ??= (async () => {
      const { value } = await this.secret('key-password', 'apply.prompt.keyPassword', { confirm: isNew });
      if (isNew) assertPasswordAcceptable(value);
      return value;
    })();
    return this.passwordValue;
  }

  private io(isNew: boolean): ApplyIo {
    const f = this.flags;
    const smsFromPrompt = !f['sms-code-file'] && !f['sms-code-stdin'] && !process.env[SECRET_ENV['sms-code']];
    return {
      password: () => this.password(isNew),
      resendSms: f['resend-sms'],
      retrySms: this.term.interactive && smsFromPrompt,
      smsCode: async ({ phone, attempt, attemptsLeft }) => {
        if (attempt === 1) this.note(t('apply.note.smsSent', { phone }));
        else this.warning(t('apply.warn.smsWrong', { left: attemptsLeft ?? 0 }));
        try {
          return (await this.secret('sms-code', 'apply.prompt.smsCode')).value;
        } catch (e) {
          if (e instanceof UsageError && e.code === 'SECRET_MISSING')
            throw new UsageError('SMS_CODE_NEEDED', 'apply.error.smsNeeded', {
              params: { id: this.currentId ?? '-' },
              hintKey: 'apply.hint.resumeSms',
              hintParams: { id: this.currentId ?? '-' },
              data: { applicationId: this.currentId },
            });
          throw e;
        }
      },
      confirmSubmit: (review) => this.confirmSubmit(review),
      onRecovered: ({ id, from, local, submitted }) => {
        this.currentId = id;
        this.note(t('apply.note.recovered', { id, from }));
        if (local) this.note(t('apply.note.recoveredLocal', { id }));
        else if (submitted) this.warning(t('apply.warn.recoveredSubmitted', { id }));
      },
      onStep: (step, state) => {
        this.currentId = state.id;
        this.note(doneText(step, state));
      },
    };
  }

  private async confirmSubmit(review: ApplicationReview): Promise<boolean> {
    const rows: Array<[string, string | undefined]> = [
      ['apply.review.id', review.id],
      ['apply.review.type', typeText(review.type)],
      ['apply.review.tin', review.tin],
      ['apply.review.pinfl', review.pinfl],
      ['apply.review.phone', review.phone],
      ['apply.review.algorithm', review.algorithm],
      ['apply.review.dir', review.dir],
      ['apply.review.photo', review.photo],
      ['apply.review.selfie', review.selfie],
    ];
    this.note(this.style.bold(t('apply.review.title')));
    for (const [k, v] of rows) if (v) this.note(`  ${t(k)}: ${v}`);
    if (this.flags.yes) return true;
    if (!this.term.interactive)
      throw new UsageError('SUBMIT_CONFIRMATION_NEEDED', 'apply.error.confirmNeeded', {
        hintKey: 'apply.hint.resumeYes',
        hintParams: { id: review.id },
        data: { applicationId: review.id },
      });
    const { confirm } = await import('@inquirer/prompts');
    return confirm({ message: t('apply.prompt.submit'), default: true }, { output: process.stderr });
  }

  /** Every answer of a new application, checked locally before anything is sent. */
  private async newApplicationInput() {
    const f = this.flags;
    const legal =
      f.legal ||
      (f.tin !== undefined && f.pinfl === undefined) ||
      (f.tin === undefined && f.pinfl === undefined && this.term.interactive
        ? await this.valueOrPrompt<boolean>(undefined, 'legal', (p, ctx) =>
            p.select(
              {
                message: t('apply.prompt.type'),
                choices: [
                  { name: typeText('individual'), value: false },
                  { name: typeText('legal'), value: true },
                ],
              },
              ctx,
            ),
          )
        : false);
    let tin: string | undefined;
    if (legal) {
      const raw = await this.valueOrPrompt(f.tin, 'tin', (p, ctx) =>
        p.input({ message: t('apply.prompt.tin') }, ctx),
      );
      const parsed = parseTin(raw);
      if (parsed.kind !== 'legal')
        throw new UsageError('TIN_NOT_LEGAL', 'apply.error.tinNotLegal', { params: { tin: parsed.value } });
      tin = parsed.value;
    } else if (f.tin !== undefined) {
      throw new UsageError('TIN_WITHOUT_LEGAL', 'apply.error.tinWithoutLegal');
    }
    const pinflRaw = legal
      ? f.pinfl
      : await this.valueOrPrompt(f.pinfl, 'pinfl', (p, ctx) =>
          p.input({ message: t('apply.prompt.pinfl') }, ctx),
        );
    const pinfl = pinflRaw === undefined ? undefined : parsePinfl(pinflRaw).value;
    const phone = parsePhone(
      await this.valueOrPrompt(f.phone, 'phone', (p, ctx) =>
        p.input({ message: t('apply.prompt.phone') }, ctx),
      ),
      { mobile: true },
    ).value;
    const algorithm = parseKeyAlgorithm(f.alg);
    const roots = this.settings.resolve('key-roots');
    // ONEID_KEYS_PATH is read by discovery itself (labelled as such); pass only profile/flag roots.
    const candidates = await keyFolderCandidates(roots.source === 'env' ? [] : roots.value);
    const dir = await ensureKeyFolder(
      f.dir ??
        (this.term.interactive && candidates.length > 1
          ? await this.valueOrPrompt<string>(undefined, 'dir', (p, ctx) =>
              p.select(
                {
                  message: t('apply.prompt.dir'),
                  choices: candidates.map((c) => ({
                    name: `${c.path} (${sourceText(c.source)})`,
                    value: c.path,
                  })),
                },
                ctx,
              ),
            )
          : candidates[0]!.path),
    );
    const photo = await this.valueOrPrompt(f.photo, 'photo', (p, ctx) =>
      p.input({ message: t('apply.prompt.photo') }, ctx),
    );
    const selfie = await this.valueOrPrompt(f.selfie, 'selfie', (p, ctx) =>
      p.input({ message: t('apply.prompt.selfie') }, ctx),
    );
    return {
      portal: this.settings.get('portal'),
      type: legal ? ('legal' as const) : ('individual' as const),
      pinfl,
      tin,
      phone,
      algorithm,
      dir,
      photo: path.resolve(photo),
      selfie: path.resolve(selfie),
    };
  }
}
