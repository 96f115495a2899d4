import { Flags } from '@oclif/core';

import {
  checkEmail,
  checkKey,
  checkRegisterInput,
  fullName,
  maskedPinfl,
  personLines,
  proveWithKey,
  register,
  statusLabel,
  type ContactsInput,
  type RegisterDialog,
} from '../../lib/account/index.js';
import { BaseCommand, pickKeyInteractively, portalFlag, secretFlags } from '../index.js';
import { isOneIdError, UsageError } from '../../lib/errors/index.js';
import { t } from '../../lib/i18n/index.js';
import {
  assertPasswordAcceptable,
  parseLogin,
  parsePassport,
  parsePhone,
  parsePinfl,
} from '../../lib/ids/index.js';
import { openKey } from '../../lib/keys/index.js';
import { PortalHttp, type Offer, type RegistryPerson, type SmsSent } from '../../lib/portal/index.js';

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

type Field = 'pinfl' | 'passport' | 'login' | 'password' | 'email' | 'phone';

/** Which answer a refusal is about, so an interactive user is asked only for that one again. */
function fieldOf(e: Error): Field | 'identity' | undefined {
  if (!isOneIdError(e)) return undefined;
  const id = e.data?.identifier;
  if (typeof id === 'string') return id as Field;
  if (e.code === 'IDENTITY_NOT_FOUND') return 'identity';
  const prefix = /^(PINFL|PASSPORT|LOGIN|PASSWORD|EMAIL|PHONE)_/.exec(e.code)?.[1];
  return prefix ? (prefix.toLowerCase() as Field) : undefined;
}

/** An inquirer `validate` from a parser that throws translated errors. */
const validator =
  (check: (v: string) => unknown) =>
  (v: string): true | string => {
    try {
      check(v);
      return true;
    } catch (e) {
      return (e as Error).message;
    }
  };

export default class Register extends BaseCommand<typeof Register> {
  static override summary = t('cmd.register.summary');
  static override description = `The registration wizard of id.gov.uz (steps 1-5). Each answer can come from a flag, so a
script can run it without prompts: --accept-offer, --pinfl and --passport (or --with-key to identify
with a signature key instead, which also suits foreign citizens and stateless persons), --yes to
confirm the registry data, --login, --email, --phone, and the password from --password-file,
--password-stdin or ONEID_PASSWORD. The SMS code comes from --sms-code-file, --sms-code-stdin
(read after the SMS is sent), ONEID_SMS_CODE or a prompt; with the sandbox portal, read it with
oneid sandbox outbox.

Every answer is checked here before it is sent (PINFL check digit, passport format, login at least 5
characters, password at least 8 characters with a special character, +998 mobile number). The new
account is "unverified" until you verify it with your personal key (oneid verify-account); an
account registered with a key is verified at once.

JSON result: { account: { id, login, pinfl (masked), status: "unverified" | "verified" }, fullName,
method: "passport" | "key", next: [command] }`;
  static override examples = [
    '<%= config.bin %> register',
    '<%= config.bin %> register --accept-offer --pinfl 41604714357530 --passport AA3608516 --yes --login munisa01 --email munisa@example.uz --phone "+998 90 123 45 67" --password-file ~/.oneid-pass --sms-code-stdin',
    '<%= config.bin %> sandbox outbox --phone "+998 90 123 45 67" --last 1',
    '<%= config.bin %> register --with-key --key DS312058913725150001.pfx --accept-offer --yes --login alisher01 --email alisher@example.uz --phone 901234568 --password-file ~/.oneid-pass --sms-code-stdin',
  ];
  static override flags = {
    'accept-offer': Flags.boolean({ summary: 'Accept the public offer (step 1) without showing it.' }),
    pinfl: Flags.string({ summary: 'Your PINFL: 14 digits, printed in the passport.' }),
    passport: Flags.string({ summary: 'Passport or ID card series and number, e.g. AA1234567.' }),
    'with-key': Flags.boolean({ summary: 'Identify with a signature key instead of passport data.' }),
    key: Flags.string({
      char: 'k',
      summary: 'The key for --with-key: a .pfx file, an alias, a serial number or a PINFL.',
    }),
    yes: Flags.boolean({ char: 'y', summary: 'Confirm the data from the population registry (step 3).' }),
    login: Flags.string({ summary: 'Login of the new account (at least 5 characters).' }),
    email: Flags.string({ summary: 'E-mail address.' }),
    phone: Flags.string({ summary: 'Mobile phone, +998 and 9 digits; the SMS code is sent there.' }),
    'actual-address': Flags.string({
      summary: 'Where you actually live, when it differs from the registered address.',
    }),
    'notify-by-email': Flags.boolean({ summary: 'Receive notifications by e-mail.' }),
    ...secretFlags('password'),
    ...secretFlags('sms-code'),
    ...secretFlags('key-password'),
    portal: portalFlag,
  };

  async run(): Promise<RegisterResult> {
    const f = this.flags;
    if (f['password-stdin'] && f['sms-code-stdin'])
      throw new UsageError('STDIN_TWICE', 'account.error.stdinTwice');
    const byKey = f['with-key'] || f.key !== undefined;
    // Everything given on the command line is checked before the first request.
    checkRegisterInput({
      pinfl: byKey ? undefined : f.pinfl,
      passport: byKey ? undefined : f.passport,
      login: f.login,
      email: f.email,
      phone: f.phone,
    });
    // The password too, when it comes from a file, stdin or the environment (or is missing and
    // cannot be asked): a weak one is refused before the portal is contacted.
    const passwordGiven =
      f['password-file'] !== undefined || f['password-stdin'] || !!process.env.ONEID_PASSWORD;
    if (passwordGiven || !this.term.interactive) {
      this.earlyPassword = (
        await this.secret('password', 'account.prompt.newPassword', { confirm: true })
      ).value;
      assertPasswordAcceptable(this.earlyPassword);
    }
    // No session is involved: only the portal client.
    const http = new PortalHttp({ baseUrl: this.settings.get('portal') });
    const outcome = await register(http, this.dialog(http, byKey));
    const { account, person } = outcome;
    const status = account.status;
    const next =
      status === 'verified'
        ? [`oneid login ${account.login}`]
        : [`oneid login ${account.login}`, 'oneid verify-account --key <your personal key>'];
    this.out(t('account.register.done', { login: account.login, status: statusLabel(status) }));
    this.hint(status === 'verified' ? 'account.hint.afterRegisterVerified' : 'account.hint.afterRegister', {
      login: account.login,
    });
    return {
      account: { id: account.id, login: account.login, pinfl: maskedPinfl(account.pin), status },
      fullName: fullName(person),
      method: byKey ? 'key' : 'passport',
      next,
    };
  }

  /** The wizard's questions: flags first; prompts when interactive; again after a correctable refusal. */
  private dialog(http: PortalHttp, byKey: boolean): RegisterDialog {
    const f = this.flags;
    const interactive = this.term.interactive;
    let again: Field | 'identity' | undefined; // what to ask again after a refusal
    let keyAsked = false;
    let passwordAsked = false;
    let smsSource: string | undefined;
    const answers: Partial<Record<Field, string>> = {};
    let extras: Pick<ContactsInput, 'actualAddress' | 'notifyByEmail'> | undefined;

    /** Ask for `field` unless known; after a refusal about it, ask again (the old answer as default). */
    const answer = async (
      field: Field,
      flagValue: string | undefined,
      message: string,
      check: (v: string) => unknown,
    ) => {
      const redo = again === field || (again === 'identity' && (field === 'pinfl' || field === 'passport'));
      if (answers[field] !== undefined && !redo) return answers[field]!;
      const previous = answers[field] ?? flagValue;
      const value = await this.valueOrPrompt(redo ? undefined : flagValue, field, (p, ctx) =>
        p.input({ message, required: true, default: previous, validate: validator(check) }, ctx),
      );
      answers[field] = value.trim();
      return answers[field]!;
    };

    return {
      canRetry: interactive,
      onRetry: (e) => {
        this.note(this.style.red(e.message));
        again = fieldOf(e);
      },

      acceptOffer: async (offer: Offer) => {
        if (f['accept-offer']) return true;
        return this.valueOrPrompt(undefined, 'accept-offer', (p, ctx) => {
          this.note(this.style.bold(offer.title));
          this.note(offer.text);
          return p.confirm({ message: t('account.prompt.acceptOffer'), default: false }, ctx);
        });
      },

      identity: async () => {
        if (byKey)
          return {
            byKey: async () => {
              // After a refusal the key is chosen again (interactive), never the same flag value.
              const given = keyAsked ? undefined : f.key;
              keyAsked = true;
              const ref = await this.valueOrPrompt(given, 'key', (p, ctx) =>
                pickKeyInteractively(p, ctx.output, {
                  roots: this.settings.get('key-roots'),
                  prefer: 'personal',
                }),
              );
              const key = await openKey(
                ref,
                async () => (await this.secret('key-password', 'account.prompt.keyPassword')).value,
                { roots: this.settings.get('key-roots') },
              );
              checkKey(key);
              return proveWithKey(http, key);
            },
          };
        const pinfl = await answer('pinfl', f.pinfl, t('account.prompt.pinfl'), (v) => parsePinfl(v));
        const passport = await answer('passport', f.passport, t('account.prompt.passport'), (v) =>
          parsePassport(v),
        );
        again = undefined;
        return { pinfl, passport };
      },

      confirmPerson: async (person: RegistryPerson) => {
        this.note(t('account.register.registryData'));
        for (const line of personLines(person)) this.note(`  ${line}`);
        if (f.yes) return true;
        const ok = await this.valueOrPrompt(undefined, 'yes', (p, ctx) =>
          p.confirm({ message: t('account.prompt.confirmData'), default: true }, ctx),
        );
        if (!ok) again = 'identity';
        return ok;
      },

      contacts: async (person: RegistryPerson) => {
        const login = await answer('login', f.login, t('account.prompt.newLogin'), (v) => parseLogin(v));
        if (answers.password === undefined || again === 'password') {
          const asked = passwordAsked;
          passwordAsked = true; // a refused password from a file is never read again: it is prompted
          answers.password = await this.newPassword(asked);
        }
        const email = await answer('email', f.email, t('account.prompt.email'), (v) => checkEmail(v));
        const phone = await answer('phone', f.phone, t('account.prompt.phone'), (v) =>
          parsePhone(v, { mobile: true }),
        );
        if (!extras) {
          extras = { actualAddress: f['actual-address'], notifyByEmail: f['notify-by-email'] };
          if (interactive && extras.actualAddress === undefined) {
            const p = await import('@inquirer/prompts');
            const ctx = { output: process.stderr };
            if (person.address) this.note(t('account.register.address', { address: person.address }));
            extras.actualAddress = await p.input({ message: t('account.prompt.actualAddress') }, ctx);
            if (!extras.notifyByEmail)
              extras.notifyByEmail = await p.confirm(
                { message: t('account.prompt.notify'), default: false },
                ctx,
              );
          }
        }
        again = undefined;
        return { login, password: answers.password, email, phone, ...extras };
      },

      smsCode: async (sent: SmsSent, retry) => {
        if (retry) {
          // A code from a file or the environment would only be refused again.
          if (smsSource !== 'prompt') throw retry.error;
          this.note(this.style.red(retry.error.message));
        }
        if (!retry || retry.resent)
          this.note(t('account.register.smsSent', { phone: sent.phone, seconds: sent.codeExpiresIn }));
        const code = await this.secret('sms-code', 'account.prompt.smsCode');
        smsSource = code.source;
        return code.value;
      },
    };
  }

  /** The password read (and checked) before the first request, when it did not need a prompt. */
  private earlyPassword?: string;

  /** The new password: the secret sources first; asked again (masked, twice) after a refusal. */
  private async newPassword(again: boolean): Promise<string> {
    if (!again && this.earlyPassword !== undefined) return this.earlyPassword;
    if (!again) {
      const s = await this.secret('password', 'account.prompt.newPassword', { confirm: true });
      assertPasswordAcceptable(s.value);
      return s.value;
    }
    const p = await import('@inquirer/prompts');
    const ctx = { output: process.stderr };
    const value = await p.password(
      { message: t('account.prompt.newPassword'), mask: '*', validate: validator(assertPasswordAcceptable) },
      ctx,
    );
    const repeat = await p.password({ message: t('account.prompt.repeatPassword'), mask: '*' }, ctx);
    if (repeat !== value) throw new UsageError('SECRET_MISMATCH', 'account.error.passwordMismatch');
    return value;
  }
}
