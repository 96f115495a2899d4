import { Flags } from '@oclif/core';

import {
  fullName,
  maskedPinfl,
  registerAccount,
  statusLabel,
  type RegisterIO,
  type RegisterSecret,
} from '../../lib/account/index.js';
import { BaseCommand, portalFlag } from '../index.js';
import { pickKeyInteractively } from '../pickers/key.js';
import { pickPlaceInteractively } from '../pickers/place.js';
import { keyFlag, secretFlagsWith } from '../flags/account.js';
import { t } from '../../lib/i18n/index.js';

/** `--json` result of `oneid register`. */
export interface RegisterResult {
  account: {
    id: number;
    login: string;
    /** Masked PINFL. */
    pinfl: string;
    /** `unverified` after passport registration; `verified` when registered with a key. */
    status: 'verified' | 'unverified';
  };
  fullName: string;
  method: 'passport' | 'key';
  /** Commands to run next. */
  next: string[];
}

const SECRETS: RegisterSecret[] = ['password', 'sms-code', 'key-password'];

export default class Register extends BaseCommand<typeof Register> {
  static override summary = t('cmd.register.summary');
  static override description = t('cmd.register.description');
  static override examples = [
    '<%= config.bin %> register',
    '<%= config.bin %> register --accept-offer --pinfl 41604714357530 --passport AA3608516 --yes --login munisa01 --email munisa@example.uz --phone "+998 90 123 45 67" --password-file ~/.oneid-pass --sms-code-stdin',
    '<%= config.bin %> sandbox outbox --phone "+998 90 123 45 67" --last 1',
    '<%= config.bin %> register --with-key --key DS312058913725150001.pfx --accept-offer --yes --login alisher01 --email alisher@example.uz --phone 901234568 --password-file ~/.oneid-pass --sms-code-stdin',
  ];
  static override flags = {
    'accept-offer': Flags.boolean({ summary: t('cmd.register.flag.accept-offer') }),
    pinfl: Flags.string({ summary: t('cmd.register.flag.pinfl') }),
    passport: Flags.string({ summary: t('cmd.register.flag.passport') }),
    'with-key': Flags.boolean({ summary: t('cmd.register.flag.with-key') }),
    key: keyFlag(t('cmd.register.flag.key')),
    yes: Flags.boolean({ char: 'y', summary: t('cmd.register.flag.yes') }),
    login: Flags.string({ summary: t('cmd.register.flag.login') }),
    email: Flags.string({ summary: t('cmd.register.flag.email') }),
    phone: Flags.string({ summary: t('cmd.register.flag.phone') }),
    'actual-address': Flags.string({ summary: t('cmd.register.flag.actual-address') }),
    region: Flags.string({ summary: t('cmd.register.flag.region') }),
    district: Flags.string({ summary: t('cmd.register.flag.district') }),
    'notify-by-email': Flags.boolean({ summary: t('cmd.register.flag.notify-by-email') }),
    resume: Flags.string({ summary: t('cmd.register.flag.resume') }),
    'resend-sms': Flags.boolean({ summary: t('cmd.register.flag.resend-sms') }),
    ...secretFlagsWith(
      'password',
      t('cmd.register.flag.password-file'),
      t('cmd.register.flag.password-stdin'),
    ),
    ...secretFlagsWith(
      'sms-code',
      t('cmd.register.flag.sms-code-file'),
      t('cmd.register.flag.sms-code-stdin'),
    ),
    ...secretFlagsWith(
      'key-password',
      t('cmd.register.flag.key-password-file'),
      t('cmd.register.flag.key-password-stdin'),
    ),
    portal: portalFlag,
  };

  async run(): Promise<RegisterResult> {
    const { account, person, method } = await registerAccount(await this.ctx.portal(), this.io());
    const { login, status } = account;
    this.ctx.out(t('account.register.done', { login, status: statusLabel(status) }));
    const verified = status === 'verified';
    this.ctx.hint(verified ? 'account.hint.afterRegisterVerified' : 'account.hint.afterRegister', { login });
    return {
      account: { id: account.id, login, pinfl: maskedPinfl(account.pin), status },
      fullName: fullName(person),
      method,
      next: [`oneid login ${login}`, ...(verified ? [] : ['oneid verify-account --key <your personal key>'])],
    };
  }

  /** The wizard's answers: the flags, and this terminal (prompts, secrets, keys). */
  private io(): RegisterIO {
    const { ctx, flags: f } = this;
    return {
      given: {
        acceptOffer: f['accept-offer'],
        pinfl: f.pinfl,
        passport: f.passport,
        withKey: f['with-key'],
        key: f.key,
        yes: f.yes,
        login: f.login,
        email: f.email,
        phone: f.phone,
        actualAddress: f['actual-address'],
        region: f.region,
        district: f.district,
        notifyByEmail: f['notify-by-email'],
        stdin: SECRETS.filter((s) => (f as Record<string, unknown>)[`${s}-stdin`] === true),
        resume: f.resume,
        resendSms: f['resend-sms'],
      },
      interactive: ctx.term.interactive,
      asker: ctx.prompter,
      valueOrAsk: (value, input, ask) => ctx.valueOrAsk(value, input, ask),
      secret: (name, key, o) => ctx.secret(name, key, o),
      secretGiven: (name) => ctx.secretGiven(name),
      pickPlace: (regions) => pickPlaceInteractively(ctx.prompter, regions),
      pickKey: () =>
        pickKeyInteractively(ctx.prompter, { roots: ctx.settings.get('key-roots'), prefer: 'personal' }),
      openKey: (ref) => ctx.openKey(ref, 'account.prompt.keyPassword'),
      note: (text) => ctx.note(text),
      problem: (text) => ctx.note(ctx.style.red(text)),
      heading: (text) => ctx.note(ctx.style.bold(text)),
    };
  }
}
