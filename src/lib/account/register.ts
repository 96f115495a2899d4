/**
 * Registration of an individual account, the steps of DOMAIN.md flow 1: offer → PINFL + passport
 * → confirm the registry data → login, password, e-mail, phone → SMS code → account `unverified`.
 *
 * The flow asks its questions through a `RegisterDialog` that the command implements (flags,
 * prompts or both), so this file holds the order of the steps and the rules, not the terminal.
 * Every answer is checked locally before it is sent; `checkRegisterInput` lets a scripted run check
 * all of its answers before the first request. A registration that stopped (a wrong or expired SMS
 * code in a script, a lost connection) continues with `resume`: the portal says at which step.
 */
import { isOneIdError, PortalRefusedError, UsageError, type OneIdError } from '../errors/index.js';
import { assertPasswordAcceptable, parseLogin, parsePassport, parsePhone, parsePinfl } from '../ids/index.js';
import {
  completeRegistration,
  confirmRegistryData,
  getOffer,
  getRegistration,
  resendRegistrationSms,
  startRegistration,
  submitContacts,
  submitIdentity,
  submitIdentityByKey,
  type Contacts,
  type NewAccount,
  type Offer,
  type PortalHttp,
  type RegistryPerson,
  type SmsSent,
} from '../portal/index.js';
import { explained, explainRefusal, portalBody, refusedWith } from './refusals.js';

export interface IdentityInput {
  pinfl: string;
  passport: string;
}

/** Identification by key instead: a base64 attached PKCS#7 of a fresh portal challenge. */
export interface KeyIdentityInput {
  byKey: () => Promise<string>;
}

/** The contacts step's answers: the portal's own shape. */
export type ContactsInput = Contacts;

/** What the flow asks; each answer may come from a flag or a prompt. */
export interface RegisterDialog {
  /** Show the offer; true when accepted. */
  acceptOffer(offer: Offer): Promise<boolean>;
  identity(): Promise<IdentityInput | KeyIdentityInput>;
  /** Show the registry data; true to go on, false to go back to the identity step. */
  confirmPerson(person: RegistryPerson): Promise<boolean>;
  contacts(person: RegistryPerson): Promise<ContactsInput>;
  /**
   * The SMS code; `sent` is the SMS just sent (undefined on a resume without a new code: the last
   * one). `retry` is set after a wrong code (with the attempts left) or an expired one (a new code
   * was sent). A dialog that cannot ask again (the code came from a file) throws `error`.
   */
  smsCode(
    sent: SmsSent | undefined,
    retry?: { error: Error; attemptsLeft?: number; resent: boolean },
  ): Promise<string>;
  /** May the flow ask again after a refusal (interactive), or must it fail (scripted)? */
  readonly canRetry: boolean;
  /** A refusal the user can correct was met and will be asked again (interactive only). */
  onRetry?(error: Error): void;
}

export interface RegisterOutcome {
  account: NewAccount;
  person: RegistryPerson;
  registrationId: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Check whatever answers are known, before any request; InvalidIdentifierError / UsageError (exit 2). */
export function checkRegisterInput(i: Partial<IdentityInput & ContactsInput>): void {
  if (i.pinfl !== undefined) parsePinfl(i.pinfl);
  if (i.passport !== undefined) parsePassport(i.passport);
  if (i.login !== undefined) parseLogin(i.login);
  if (i.password !== undefined) assertPasswordAcceptable(i.password);
  if (i.email !== undefined) checkEmail(i.email);
  if (i.phone !== undefined) parsePhone(i.phone, { mobile: true });
}

export function checkEmail(email: string): string {
  const e = email.trim();
  if (!EMAIL.test(e) || e.length > 254)
    throw new UsageError('EMAIL_INVALID', 'account.error.email', { params: { value: e.slice(0, 60) } });
  return e;
}

function normaliseIdentity(i: IdentityInput | KeyIdentityInput): IdentityInput | KeyIdentityInput {
  if ('byKey' in i) return i;
  return { pinfl: parsePinfl(i.pinfl).value, passport: parsePassport(i.passport).value };
}

/** The explained form of a refusal (the account area's message), as a value. */
function explanationOf(e: unknown): Error {
  try {
    return explainRefusal(e);
  } catch (x) {
    return x as Error;
  }
}

function normaliseContacts(c: ContactsInput): ContactsInput {
  parseLogin(c.login);
  assertPasswordAcceptable(c.password);
  const out: ContactsInput = {
    login: c.login.trim(),
    password: c.password,
    email: checkEmail(c.email),
    phone: parsePhone(c.phone, { mobile: true }).value,
    notifyByEmail: c.notifyByEmail ?? false,
  };
  if (c.actualAddress?.trim()) out.actualAddress = c.actualAddress.trim();
  if (c.region) out.region = c.region;
  if (c.district) out.district = c.district;
  return out;
}

/** Codes after which an interactive user is asked for the same step again. */
const IDENTITY_RETRY = ['IDENTITY_NOT_FOUND'];
const CONTACTS_RETRY = ['LOGIN_TAKEN', 'LOGIN_INVALID', 'PASSWORD_WEAK', 'EMAIL_INVALID', 'PHONE_INVALID'];

/** Ask, check locally, and (interactive) ask again after a refusal the user can correct. */
async function step<T, R>(
  dialog: RegisterDialog,
  ask: () => Promise<T>,
  send: (v: T) => Promise<R>,
  retryCodes: string[],
): Promise<R> {
  for (;;) {
    let value: T;
    try {
      value = await ask();
    } catch (e) {
      // A local check failed on a typed answer: ask again rather than end the wizard. (A value
      // that cannot be asked at all, MISSING_INPUT, ends it.)
      if (dialog.canRetry && isOneIdError(e) && e.category === 'usage' && e.code !== 'MISSING_INPUT') {
        dialog.onRetry?.(e as Error);
        continue;
      }
      throw e;
    }
    try {
      return await send(value);
    } catch (e) {
      if (dialog.canRetry && refusedWith(e, ...retryCodes)) {
        dialog.onRetry?.(explanationOf(e));
        continue;
      }
      throw e;
    }
  }
}

export interface RegisterOptions {
  /** Continue this registration from the step the portal has it at. */
  resume?: string;
  /** With `resume` at the SMS step: have the portal send a new code first. */
  resendSms?: boolean;
}

type Started = { id: string; step: string; person?: RegistryPerson | null };

export async function register(
  http: PortalHttp,
  dialog: RegisterDialog,
  o: RegisterOptions = {},
): Promise<RegisterOutcome> {
  const started = o.resume ? await resumed(http, o.resume) : await begin(http, dialog);
  try {
    return await fromStep(http, dialog, started, o);
  } catch (e) {
    throw withRegistration(e, started.id);
  }
}

async function begin(http: PortalHttp, dialog: RegisterDialog): Promise<Started> {
  const offer = await explained(getOffer(http));
  if (!(await dialog.acceptOffer(offer)))
    throw new UsageError('OFFER_DECLINED', 'account.error.offerDeclined');
  return explained(startRegistration(http, offer.version));
}

async function resumed(http: PortalHttp, id: string): Promise<Started> {
  const r = await explained(getRegistration(http, id));
  if (r.step === 'done')
    throw new PortalRefusedError('REGISTRATION_COMPLETED', 'account.refused.registrationCompleted', {
      hintKey: 'account.hint.login',
      data: { registrationId: id },
    });
  return r;
}

/** Errors after the start carry the registration id, and the SMS ones say how to go on. */
function withRegistration(e: unknown, id: string): unknown {
  if (!isOneIdError(e)) return e;
  const hint = refusedWith(e, 'SMS_CODE_INVALID')
    ? 'account.hint.resumeCode'
    : refusedWith(e, 'SMS_CODE_EXPIRED', 'SMS_CODE_MISSING', 'SMS_ATTEMPTS_EXCEEDED')
      ? 'account.hint.resumeNewCode'
      : undefined;
  const w = e as { -readonly [K in keyof OneIdError]: OneIdError[K] };
  w.data = { ...e.data, registrationId: id };
  if (hint) {
    w.hintKey = hint;
    w.hintParams = { id };
  }
  return e;
}

/** Identity (step 2) and the registry data (step 3), until confirmed; `person` when already identified. */
async function identify(
  http: PortalHttp,
  dialog: RegisterDialog,
  id: string,
  person?: RegistryPerson,
): Promise<RegistryPerson> {
  for (;;) {
    if (!person) {
      const identified = await step(
        dialog,
        async () => normaliseIdentity(await dialog.identity()),
        async (identity) =>
          'byKey' in identity
            ? explained(submitIdentityByKey(http, id, await identity.byKey()))
            : explained(submitIdentity(http, id, identity)),
        IDENTITY_RETRY,
      );
      person = identified.person;
    }
    const ok = await dialog.confirmPerson(person);
    await explained(confirmRegistryData(http, id, ok));
    if (ok) return person;
    if (!dialog.canRetry) throw new UsageError('REGISTRY_DATA_REJECTED', 'account.error.dataRejected');
    person = undefined;
  }
}

async function fromStep(
  http: PortalHttp,
  dialog: RegisterDialog,
  started: Started,
  o: RegisterOptions,
): Promise<RegisterOutcome> {
  const id = started.id;
  let person = started.person ?? undefined;
  if (started.step === 'identity' || started.step === 'confirm' || !person)
    person = await identify(http, dialog, id, started.step === 'confirm' ? person : undefined);
  const known = person;
  let sent: SmsSent | undefined;
  if (started.step !== 'sms')
    sent = await step(
      dialog,
      async () => normaliseContacts(await dialog.contacts(known)),
      (contacts) => explained(submitContacts(http, id, contacts), { login: contacts.login }),
      CONTACTS_RETRY,
    );
  else if (o.resendSms) sent = await explained(resendRegistrationSms(http, id));
  return complete(http, dialog, id, known, sent);
}

/** Step 5: the SMS code; an interactive user may retype a wrong one and gets a new one when it expired. */
async function complete(
  http: PortalHttp,
  dialog: RegisterDialog,
  id: string,
  person: RegistryPerson,
  sent: SmsSent | undefined,
): Promise<RegisterOutcome> {
  let code = await dialog.smsCode(sent);
  for (;;) {
    try {
      const { account } = await completeRegistration(http, id, code.trim());
      return { account, person, registrationId: id };
    } catch (e) {
      if (!dialog.canRetry) return explainRefusal(e);
      if (refusedWith(e, 'SMS_CODE_INVALID')) {
        const attemptsLeft = portalBody(e).attemptsLeft;
        code = await dialog.smsCode(sent, {
          error: explanationOf(e),
          attemptsLeft: typeof attemptsLeft === 'number' ? attemptsLeft : undefined,
          resent: false,
        });
      } else if (refusedWith(e, 'SMS_CODE_EXPIRED', 'SMS_CODE_MISSING', 'SMS_ATTEMPTS_EXCEEDED')) {
        const error = explanationOf(e);
        sent = await explained(resendRegistrationSms(http, id));
        code = await dialog.smsCode(sent, { error, resent: true });
      } else {
        return explainRefusal(e);
      }
    }
  }
}
