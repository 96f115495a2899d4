/**
 * The answers of the register wizard (`RegisterDialog`) from what the user gave up front (flags,
 * secret files) and, on a terminal, from questions: each answer is taken from its flag first and
 * asked when missing; after a refusal the user can correct, only that answer is asked again (the
 * old one as default). Without a terminal every answer must be given, and everything given is
 * checked before the first request (`prepareRegistration`), so a script never gets an SMS it
 * cannot answer. The terminal itself (prompts, styles, secret sources) comes in as `RegisterIO`.
 */
import { isOneIdError, UsageError } from '../errors/index.js';
import { t } from '../i18n/index.js';
import { assertPasswordAcceptable, parseLogin, parsePassport, parsePhone, parsePinfl } from '../ids/index.js';
import type { OpenedKey } from '../keys/index.js';
import type { PortalHttp } from '../portal/index.js';
import { checkKey, proveWithKey } from './key-proof.js';
import {
  checkEmail,
  checkRegisterInput,
  register,
  type ContactsInput,
  type RegisterDialog,
  type RegisterOutcome,
} from './register.js';
import { regionsOf, resolvePlace, type Place } from './places.js';
import { personLines } from './render.js';
import type { RegionEntry } from '../portal/index.js';

/** What the user gave on the command line. */
export interface RegisterGiven {
  acceptOffer?: boolean;
  pinfl?: string;
  passport?: string;
  withKey?: boolean;
  key?: string;
  yes?: boolean;
  login?: string;
  email?: string;
  phone?: string;
  actualAddress?: string;
  /** Region and district of the actual address: SOATO code or name, from the portal's list. */
  region?: string;
  district?: string;
  notifyByEmail?: boolean;
  /** The secrets to be read from standard input (at most one can). */
  stdin: RegisterSecret[];
  resume?: string;
  resendSms?: boolean;
}

export type RegisterSecret = 'password' | 'sms-code' | 'key-password';

/** The questions the wizard asks (the CLI's prompter has this shape). */
export interface RegisterAsker {
  input(o: {
    message: string;
    default?: string;
    required?: boolean;
    validate?: (v: string) => true | string;
  }): Promise<string>;
  password(o: { message: string }): Promise<string>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
}

/** The terminal side of the wizard (the command context). */
export interface RegisterIO {
  given: RegisterGiven;
  /** A terminal: missing answers are asked, refused ones asked again. */
  interactive: boolean;
  asker: RegisterAsker;
  /** The value given, else asked (terminal), else a usage error naming --flag (exit 2). */
  valueOrAsk<V>(
    value: V | undefined,
    input: { flag: string },
    ask: (p: RegisterAsker) => Promise<V>,
  ): Promise<V>;
  /** A secret from its file, stdin or variable, else a masked question, else a usage error. */
  secret(
    name: RegisterSecret,
    promptKey: string,
    o?: { confirm?: boolean },
  ): Promise<{ value: string; source: string }>;
  /** True when the secret was given without a question. */
  secretGiven(name: RegisterSecret): boolean;
  /** The key picker (terminal). */
  pickKey(): Promise<string>;
  /** The region and district picker (terminal), over the portal's list. */
  pickPlace?(regions: RegionEntry[]): Promise<Place>;
  openKey(ref: string): Promise<OpenedKey>;
  note(text: string): void;
  /** A refusal about to be asked again. */
  problem(text: string): void;
  heading(text: string): void;
}

type Field = 'pinfl' | 'passport' | 'login' | 'password' | 'email' | 'phone';

/** Which answer a refusal is about, so an interactive user is asked only for that one again. */
function fieldOf(e: Error): Field | 'identity' | undefined {
  if (!isOneIdError(e)) return undefined;
  const id = e.data?.identifier;
  if (typeof id === 'string') return id as Field;
  if (e.code === 'IDENTITY_NOT_FOUND') return 'identity';
  const prefix = /^(PINFL|PASSWORD|LOGIN|PASSPORT|EMAIL|PHONE)_/.exec(e.code)?.[1];
  return prefix ? (prefix.toLowerCase() as Field) : undefined;
}

/** A prompt's `validate` from a parser that throws translated errors. */
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

const byKeyOf = (g: RegisterGiven) => g.withKey === true || g.key !== undefined;

/** Read and checked before the first request. */
export interface Prepared {
  password?: string;
  key?: OpenedKey;
  /** `--region` / `--district`, checked against the portal's list. */
  place?: Place;
}

/**
 * Everything that can be checked before the first request: the values given, one stdin reader,
 * and without a terminal that every answer and the SMS code's source are there (exit 2 otherwise).
 */
export async function prepareRegistration(io: RegisterIO): Promise<Prepared> {
  const g = io.given;
  if (g.stdin.length > 1)
    throw new UsageError('STDIN_TWICE', 'account.error.stdinTwice', {
      params: { first: `--${g.stdin[0]}-stdin`, second: `--${g.stdin[1]}-stdin` },
    });
  if (g.resendSms && !g.resume)
    throw new UsageError('RESEND_WITHOUT_RESUME', 'account.error.resendWithoutResume');
  const byKey = byKeyOf(g);
  checkRegisterInput({
    pinfl: byKey ? undefined : g.pinfl,
    passport: byKey ? undefined : g.passport,
    login: g.login,
    email: g.email,
    phone: g.phone,
  });
  if (!io.interactive && !g.resume) {
    // Resolves to the value when given, else throws the usage error naming the flag.
    const need = (value: string | true | undefined, flag: string) =>
      io.valueOrAsk(value, { flag }, () => Promise.reject(new Error(flag)));
    await need(g.acceptOffer || undefined, 'accept-offer');
    if (byKey) await need(g.key, 'key');
    else for (const f of ['pinfl', 'passport'] as const) await need(g[f], f);
    await need(g.yes || undefined, 'yes');
    for (const f of ['login', 'email', 'phone'] as const) await need(g[f], f);
  }
  const out: Prepared = {};
  if (!g.resume && (io.secretGiven('password') || !io.interactive)) {
    out.password = (await io.secret('password', 'account.prompt.newPassword', { confirm: true })).value;
    assertPasswordAcceptable(out.password);
  }
  // Without a source, asking for the code now fails here (exit 2) instead of after the SMS.
  if (!io.interactive && !io.secretGiven('sms-code')) await io.secret('sms-code', 'account.prompt.smsCode');
  if (!g.resume && byKey && g.key !== undefined && (io.secretGiven('key-password') || !io.interactive)) {
    out.key = await io.openKey(g.key);
    checkKey(out.key);
  }
  return out;
}

/** The wizard's answers: flags first; questions on a terminal; again after a correctable refusal. */
export function registerDialog(http: PortalHttp, io: RegisterIO, prepared: Prepared = {}): RegisterDialog {
  const g = io.given;
  let again: Field | 'identity' | undefined; // what to ask again after a refusal
  let keyAsked = false;
  let passwordAsked = false;
  let smsSource: string | undefined;
  const answers: Partial<Record<Field, string>> = {};
  let extras: Pick<ContactsInput, 'actualAddress' | 'notifyByEmail' | 'region' | 'district'> | undefined;

  /** Ask for `field` unless known; after a refusal about it, ask again (the old answer as default). */
  const answer = async (
    field: Field,
    given: string | undefined,
    message: string,
    check: (v: string) => unknown,
  ) => {
    const redo = again === field || (again === 'identity' && (field === 'pinfl' || field === 'passport'));
    if (answers[field] !== undefined && !redo) return answers[field]!;
    const previous = answers[field] ?? given;
    const value = await io.valueOrAsk(redo ? undefined : given, { flag: field }, (p) =>
      p.input({ message, default: previous, validate: validator(check) }),
    );
    answers[field] = value.trim();
    return answers[field]!;
  };

  /** The new password: as given first; asked again (masked, twice) after a refusal. */
  const newPassword = async (): Promise<string> => {
    const first = !passwordAsked;
    passwordAsked = true; // a refused password from a file is never read again: it is asked
    if (first && prepared.password !== undefined) return prepared.password;
    if (first) {
      const s = await io.secret('password', 'account.prompt.newPassword', { confirm: true });
      assertPasswordAcceptable(s.value);
      return s.value;
    }
    const value = await io.asker.password({ message: t('account.prompt.newPassword') });
    const repeat = await io.asker.password({ message: t('account.prompt.repeatPassword') });
    if (repeat !== value) throw new UsageError('SECRET_MISMATCH', 'account.error.passwordMismatch');
    assertPasswordAcceptable(value);
    return value;
  };

  return {
    canRetry: io.interactive,
    onRetry: (e) => {
      io.problem(e.message);
      again = fieldOf(e);
    },

    acceptOffer: async (offer) => {
      if (g.acceptOffer) return true;
      return io.valueOrAsk(undefined, { flag: 'accept-offer' }, (p) => {
        io.heading(offer.title);
        io.note(offer.text);
        return p.confirm({ message: t('account.prompt.acceptOffer'), default: false });
      });
    },

    identity: async () => {
      if (byKeyOf(g))
        return {
          byKey: async () => {
            // After a refusal the key is chosen again (terminal), never the same flag value.
            const first = !keyAsked;
            keyAsked = true;
            if (first && prepared.key) return proveWithKey(http, prepared.key);
            const ref = await io.valueOrAsk(first ? g.key : undefined, { flag: 'key' }, () => io.pickKey());
            const key = await io.openKey(ref);
            checkKey(key);
            return proveWithKey(http, key);
          },
        };
      const pinfl = await answer('pinfl', g.pinfl, t('account.prompt.pinfl'), (v) => parsePinfl(v));
      const passport = await answer('passport', g.passport, t('account.prompt.passport'), (v) =>
        parsePassport(v),
      );
      again = undefined;
      return { pinfl, passport };
    },

    confirmPerson: async (person) => {
      io.note(t('account.register.registryData'));
      for (const line of personLines(person)) io.note(`  ${line}`);
      if (g.yes) return true;
      const ok = await io.valueOrAsk(undefined, { flag: 'yes' }, (p) =>
        p.confirm({ message: t('account.prompt.confirmData'), default: true }),
      );
      if (!ok) again = 'identity';
      return ok;
    },

    contacts: async (person) => {
      const login = await answer('login', g.login, t('account.prompt.newLogin'), (v) => parseLogin(v));
      if (answers.password === undefined || again === 'password') answers.password = await newPassword();
      const email = await answer('email', g.email, t('account.prompt.email'), (v) => checkEmail(v));
      const phone = await answer('phone', g.phone, t('account.prompt.phone'), (v) =>
        parsePhone(v, { mobile: true }),
      );
      if (!extras) {
        extras = { actualAddress: g.actualAddress, notifyByEmail: g.notifyByEmail };
        let place = prepared.place;
        if (io.interactive && extras.actualAddress === undefined) {
          if (person.address) io.note(t('account.register.address', { address: person.address }));
          if (!place && io.pickPlace) place = await io.pickPlace(await regionsOf(http));
          extras.actualAddress = await io.asker.input({
            message: t('account.prompt.actualAddress'),
            required: false,
          });
          if (!extras.notifyByEmail)
            extras.notifyByEmail = await io.asker.confirm({
              message: t('account.prompt.notify'),
              default: false,
            });
        }
        if (place) Object.assign(extras, { region: place.region.code, district: place.district?.code });
      }
      again = undefined;
      return { login, password: answers.password, email, phone, ...extras };
    },

    smsCode: async (sent, retry) => {
      if (retry) {
        // A code from a file or the environment would only be refused again.
        if (smsSource !== 'prompt') throw retry.error;
        io.problem(retry.error.message);
      }
      if (sent && (!retry || retry.resent))
        io.note(t('account.register.smsSent', { phone: sent.phone, seconds: sent.codeExpiresIn }));
      else if (!sent && !retry) io.note(t('account.register.smsLast'));
      const code = await io.secret('sms-code', 'account.prompt.smsCode');
      smsSource = code.source;
      return code.value;
    },
  };
}

/** `oneid register`: check everything given, then the wizard (from the start, or resumed). */
export async function registerAccount(
  http: PortalHttp,
  io: RegisterIO,
): Promise<RegisterOutcome & { method: 'passport' | 'key' }> {
  const prepared = await prepareRegistration(io);
  const { region, district } = io.given;
  // Checked against the portal's list before anything is sent (one read-only request).
  if (region !== undefined || district !== undefined)
    prepared.place = resolvePlace(await regionsOf(http), region, district);
  const outcome = await register(http, registerDialog(http, io, prepared), {
    resume: io.given.resume,
    resendSms: io.given.resendSms,
  });
  // Only a key registration makes a verified account (also when resumed, with no key flag).
  return { ...outcome, method: outcome.account.status === 'verified' ? 'key' : 'passport' };
}
