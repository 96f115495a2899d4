/**
 * `key apply` as resumable steps (DOMAIN.md flow 2):
 *   start (SMS sent) → key pair generated into the pending PFX (while the SMS travels) → SMS code
 *   confirmed → PKCS#10 attached → photo and selfie attached → reviewed and submitted (invoice).
 * After each step the local state is saved atomically. On resume the portal's view decides what
 * is still to do (a step whose request reached the portal but whose state was not saved is not
 * repeated), and the pending key is never regenerated: the application keeps its key.
 * The SMS confirmation answers the application secret, saved in the state before anything else;
 * every later call sends it. When the key holder already had an open application, the
 * confirmation hands that one over instead (`recovered`): see `adoptOpenApplication`.
 */
import { rename, rm } from 'node:fs/promises';

import { PortalRefusedError, UsageError } from '../errors/index.js';
import { pathExists } from '../files/index.js';
import { assertPasswordAcceptable } from '../ids/index.js';
import {
  PortalHttp,
  attachKeyRequest,
  confirmKeyApplication,
  getKeyApplication,
  resendKeyApplicationSms,
  startKeyApplication,
  submitKeyApplication,
  uploadKeyDocument,
  type KeyApplicationConfirmed,
  type KeyApplicationType,
  type KeyApplicationView,
} from '../portal/index.js';
import type { KeyAlgorithmChoice } from './algorithm.js';
import { parseKeyAlgorithm } from './algorithm.js';
import { ensureKeyFolder } from './destination.js';
import { checkImage, type DocumentKind } from './images.js';
import { createPendingKey, openPendingKey, requestFor, requestSubject } from './pending-key.js';
import { portalStep } from './refusals.js';
import {
  accessFor,
  loadState,
  noteStatus,
  pendingKeyFile,
  saveState,
  stateFile,
  stepDone,
  type ApplicationState,
  type ApplyStep,
} from './state.js';
import { applyView, installIssued } from './status.js';

export interface NewApplication {
  portal: string;
  type: KeyApplicationType;
  /** Individuals: required; legal entities: the director's (optional, the portal knows him). */
  pinfl?: string;
  tin?: string;
  /** E.164. */
  phone: string;
  /** This computer's name: the account's list of applications says where the private key is. */
  machine?: string;
  /** SOATO codes ("viloyat va tuman"). */
  region?: string;
  district?: string;
  /**
   * A session of the applicant: a person the company authorized applies for its key signed in
   * (sent with company applications only).
   */
  token?: string;
  algorithm: KeyAlgorithmChoice;
  /** Absolute; checked usable (`checkKeyFolder`), created once the application has started. */
  dir: string;
  photo: string;
  selfie: string;
}

/** Who applies for what, and where the key goes: the review before sending and the result's head. */
export interface ApplicationHead {
  id: string;
  type: KeyApplicationType;
  pinfl?: string;
  tin?: string;
  /** As the portal masked it. */
  phone: string;
  /** `ozdst:A`, `rsa:2048`, `ec:P-256`… */
  algorithm: string;
  /** Folder the key file goes to. */
  dir: string;
}

/** What the applicant reviews before sending. */
export interface ApplicationReview extends ApplicationHead {
  photo: string;
  selfie: string;
}

export interface ApplyIo {
  /** The key password (a new key's asked twice); memoised by the caller. */
  password(): Promise<string>;
  /**
   * The SMS code; `attempt` counts from 1; `attemptsLeft` after a wrong one; `sent`: this run had
   * the portal send it (start or `--resend-sms`), else it was sent by an earlier run.
   */
  smsCode(o: { phone: string; attempt: number; attemptsLeft?: number; sent: boolean }): Promise<string>;
  /** Ask the portal for a new SMS code before asking for it (`--resend-sms`). */
  resendSms?: boolean;
  /** Ask again after a wrong SMS code (interactive runs) instead of stopping. */
  retrySms: boolean;
  /** Show the review; true sends the application. */
  confirmSubmit(review: ApplicationReview): Promise<boolean>;
  /** A step was completed and saved. */
  onStep?(step: ApplyStep, state: ApplicationState): void;
  /**
   * The confirmation handed over the key holder's open application `id` (started earlier);
   * `local`: this computer has its state (the run stops there: resume it), else this run goes on
   * with it; `submitted`: it was already sent with a key made elsewhere.
   */
  onRecovered?(o: { id: string; from: string; local: boolean; submitted: boolean }): void;
  /** `--resume`: the saved application was found (before anything is checked or sent). */
  onResuming?(state: ApplicationState): void;
  /** `--wait`: the application is sent, waiting for the decision. */
  onWaiting?(): void;
  /** While waiting: once per status change. */
  onStatus?(state: ApplicationState): void;
  env?: NodeJS.ProcessEnv;
}

/**
 * Step 1: start on the portal (the SMS goes out). The input was checked (`newApplicationInput`):
 * a bad photo must not cost an SMS. The key password comes first, then the start, then the key
 * folder is created.
 */
export async function startApplication(input: NewApplication, io: ApplyIo): Promise<ApplicationState> {
  assertPasswordAcceptable(await io.password());
  const http = new PortalHttp({ baseUrl: input.portal });
  const started = await portalStep(
    () =>
      startKeyApplication(
        http,
        {
          type: input.type,
          pinfl: input.pinfl,
          tin: input.type === 'legal' || !input.pinfl ? input.tin : undefined,
          phone: input.phone,
          machine: input.machine,
          region: input.region,
          district: input.district,
        },
        input.type === 'legal' ? input.token : undefined,
      ),
    { phone: input.phone },
  );
  const now = new Date().toISOString();
  const state: ApplicationState = {
    version: 1,
    id: started.id,
    portal: http.baseUrl,
    type: input.type,
    pinfl: input.pinfl,
    tin: input.type === 'legal' ? input.tin : undefined,
    phoneMasked: started.phone,
    algorithm: input.algorithm.label,
    dir: input.dir,
    photo: input.photo,
    selfie: input.selfie,
    step: 'started',
    status: started.status,
    history: [],
    createdAt: now,
    updatedAt: now,
  };
  noteStatus(state, started.status);
  await saveState(state, io.env);
  io.onStep?.('started', state);
  state.dir = await ensureKeyFolder(input.dir);
  return continueApplication(state, io, { smsSent: true });
}

/** Step 2: the key pair, straight into the pending PFX (never regenerated on resume). */
async function ensureKey(state: ApplicationState, io: ApplyIo): Promise<void> {
  if (stepDone(state, 'key') && state.pendingKey && state.request) return;
  const file = pendingKeyFile(state.id, io.env);
  const subject = requestSubject(state);
  let spki: Buffer;
  let request: Buffer;
  if (await pathExists(file)) {
    // Written before a crash, state not yet saved: continue with that key.
    const pending = await openPendingKey(file, await io.password());
    spki = pending.spki;
    request = requestFor(pending.privateKey, subject);
  } else {
    const made = await createPendingKey({
      file,
      spec: parseKeyAlgorithm(state.algorithm).spec,
      password: await io.password(),
      applicationId: state.id,
      subject,
    });
    spki = made.spki;
    request = made.request;
  }
  state.pendingKey = file;
  state.publicKey = spki.toString('base64');
  state.request = request.toString('base64');
  state.step = 'key';
  await saveState(state, io.env);
  io.onStep?.('key', state);
}

async function confirmSms(
  state: ApplicationState,
  http: PortalHttp,
  io: ApplyIo,
  sent: boolean,
): Promise<KeyApplicationConfirmed> {
  let attemptsLeft: number | undefined;
  for (let attempt = 1; ; attempt++) {
    const code = (await io.smsCode({ phone: state.phoneMasked, attempt, attemptsLeft, sent })).trim();
    if (!/^\d{4,8}$/.test(code))
      throw new UsageError('SMS_CODE_FORMAT', 'apply.error.smsCodeFormat', {
        hintKey: 'apply.hint.resume',
        hintParams: { id: state.id },
      });
    try {
      return await portalStep(() => confirmKeyApplication(http, state.id, code), { id: state.id });
    } catch (e) {
      const left =
        e instanceof PortalRefusedError && e.code === 'SMS_CODE_INVALID'
          ? Number(e.params.attemptsLeft)
          : NaN;
      if (!io.retrySms || !(left > 0)) throw e;
      attemptsLeft = left;
    }
  }
}

async function attachDocument(
  state: ApplicationState,
  http: PortalHttp,
  kind: DocumentKind,
): Promise<KeyApplicationView> {
  const img = await checkImage(kind, kind === 'photo' ? state.photo : state.selfie);
  return portalStep(() => uploadKeyDocument(http, state.id, kind, img.bytes, img.type, accessFor(state)), {
    id: state.id,
    kind,
  });
}

/**
 * The confirmation handed over the holder's open application (`confirmed.id`, not `state.id`;
 * the portal dropped `state.id`). If this computer has that application's state, its secret is
 * renewed there and this run's files are removed: returns that state (to be resumed, with its
 * own key password). Otherwise this run's state and pending key move to the open application's id
 * and the run goes on with it (a draft gets this run's request; one already sent keeps the key
 * it was sent with, which is not on this computer).
 */
async function adoptOpenApplication(
  state: ApplicationState,
  confirmed: KeyApplicationConfirmed,
  io: ApplyIo,
): Promise<{ state: ApplicationState; stop: boolean }> {
  const from = state.id;
  const submitted = confirmed.status !== 'draft';
  const local = await loadState(confirmed.id, io.env).catch(() => undefined);
  const dropOwnFiles = async () => {
    await rm(stateFile(from, io.env), { force: true });
    await rm(pendingKeyFile(from, io.env), { force: true });
  };
  if (local) {
    local.secret = confirmed.secret;
    applyView(local, confirmed);
    await saveState(local, io.env);
    await dropOwnFiles();
    io.onRecovered?.({ id: local.id, from, local: true, submitted });
    return { state: local, stop: true };
  }
  const oldPending = state.pendingKey;
  state.id = confirmed.id;
  state.secret = confirmed.secret;
  state.history = [];
  if (oldPending) {
    state.pendingKey = pendingKeyFile(state.id, io.env);
    await rename(oldPending, state.pendingKey);
  }
  noteStatus(state, confirmed.status);
  applyView(state, confirmed);
  state.step = submitted ? state.step : 'confirmed';
  await saveState(state, io.env);
  await rm(stateFile(from, io.env), { force: true });
  io.onRecovered?.({ id: state.id, from, local: false, submitted });
  return { state, stop: false };
}

/**
 * Every step from wherever the application stands; returns when submitted (or declined).
 * `smsSent`: this run has just had the SMS code sent (a new application).
 */
export async function continueApplication(
  state: ApplicationState,
  io: ApplyIo,
  o: { smsSent?: boolean } = {},
): Promise<ApplicationState> {
  const http = new PortalHttp({ baseUrl: state.portal });
  const save = async (step?: ApplyStep) => {
    if (step) state.step = step;
    await saveState(state, io.env);
    if (step) io.onStep?.(step, state);
  };
  let view = await portalStep(() => getKeyApplication(http, state.id, accessFor(state)), { id: state.id });
  if (applyView(state, view)) await save();
  if (view.status === 'awaiting_sms' || view.status === 'draft') await ensureKey(state, io);

  // After a hand-over the open application may hold a request from a key that is not here.
  let replaceRequest = false;
  if (view.status === 'awaiting_sms') {
    let sent = o.smsSent === true;
    if (io.resendSms) {
      const again = await portalStep(() => resendKeyApplicationSms(http, state.id), { id: state.id });
      state.phoneMasked = again.phone;
      sent = true;
    }
    const confirmed = await confirmSms(state, http, io, sent);
    if (confirmed.recovered && confirmed.id !== state.id) {
      const adopted = await adoptOpenApplication(state, confirmed, io);
      if (adopted.stop) return adopted.state;
      replaceRequest = confirmed.status === 'draft';
    } else {
      // The secret first: without it nothing more can be done with the application.
      state.secret = confirmed.secret;
      applyView(state, confirmed);
    }
    view = confirmed;
    // (an application handed over after it was sent stays at its later step)
    await save(stepDone(state, 'confirmed') ? undefined : 'confirmed');
  } else if (!stepDone(state, 'confirmed') && view.status === 'draft') {
    await save('confirmed');
  }

  if (view.status === 'draft') {
    if (!view.request || replaceRequest) {
      view = await portalStep(
        () => attachKeyRequest(http, state.id, Buffer.from(state.request!, 'base64'), accessFor(state)),
        { id: state.id },
      );
      await save('request');
    }
    if (!view.photo) view = await attachDocument(state, http, 'photo');
    if (!view.selfie) view = await attachDocument(state, http, 'selfie');
    if (!stepDone(state, 'documents')) await save('documents');

    const review: ApplicationReview = {
      id: state.id,
      type: state.type,
      pinfl: view.pinfl ?? state.pinfl,
      tin: state.tin,
      phone: state.phoneMasked,
      algorithm: state.algorithm,
      dir: state.dir,
      photo: state.photo,
      selfie: state.selfie,
    };
    if (!(await io.confirmSubmit(review))) return state;
    // As on e-imzo.uz, sending needs the key password: never pay for a key nobody can open.
    await openPendingKey(state.pendingKey!, await io.password());
    view = await portalStep(() => submitKeyApplication(http, state.id, accessFor(state)), { id: state.id });
    applyView(state, view);
    await save('submitted');
  }
  if (state.status === 'issued') await installIssued(state, io.password, io.env);
  return state;
}
