/**
 * The two commands' flows as one call each: `applyForKey` (a new application from its checked
 * answers, or `--resume`, then optionally waiting for the decision) and `applicationStatus`
 * (`key status`: every application made here, one of them followed and installed, or one made
 * elsewhere as the portal shows it to the key holder's session).
 */
import type { Settings } from '../config/index.js';
import { AuthError, UsageError } from '../errors/index.js';
import type { SessionPlace } from '../account/index.js';
import { getKeyApplication, listMyKeyApplications, PortalHttp } from '../portal/index.js';
import { ensureKeyFolder } from './destination.js';
import { continueApplication, startApplication, type ApplyIo } from './flow.js';
import { currentSession, holderSessionToken } from './holder-session.js';
import {
  newApplicationInput,
  resumeInput,
  resumeNeedsPassword,
  type ApplyAnswers,
  type ApplyAsk,
} from './input.js';
import { openPendingKey } from './pending-key.js';
import { portalStep } from './refusals.js';
import { remoteSummary, type KeyApplicationSummary } from './result.js';
import {
  actWithSession,
  lacksAccess,
  listStates,
  loadState,
  saveState,
  type ApplicationState,
} from './state.js';
import { installIssued, isFinal, refreshApplication, watchApplication } from './status.js';

export interface ApplyRequest extends ApplyAnswers {
  /** Continue this application instead of starting one. */
  resume?: string;
  /** After sending, wait for the decision and install the key. */
  wait?: boolean;
}

/** What the flows need from outside: settings, and the caller's session place (its context's). */
export interface Outside {
  settings: Settings;
  sessions?: () => Promise<SessionPlace>;
}

/** A state saved before application secrets: the key holder's own session may still open it. */
async function withHolderSession(state: ApplicationState, o: Outside): Promise<void> {
  if (!lacksAccess(state)) return;
  const token = await holderSessionToken(o.settings, o.sessions);
  if (token) actWithSession(state, token);
}

/** `key apply`: every input checked before anything is created or sent; returns the last state. */
export async function applyForKey(
  r: ApplyRequest,
  o: Outside & { ask: ApplyAsk; io: ApplyIo },
): Promise<ApplicationState> {
  let state = r.resume
    ? await resume(r.resume, r, o.io, o)
    : await startApplication(await newInput(r, o), o.io);
  if (r.wait && state.step === 'submitted' && state.status !== 'rejected') {
    o.io.onWaiting?.();
    state = await watchApplication(state, o.io.password, { onChange: o.io.onStatus }, o.io.env);
  }
  return state;
}

/**
 * A new application's checked answers, with what the session adds (issue 17): a company role's TIN
 * is the default company, and a company application is started with the session (the portal lets
 * an authorized employee apply in their own name).
 */
async function newInput(r: ApplyRequest, o: Outside & { ask: ApplyAsk }) {
  return newApplicationInput(r, o.ask, o.settings, {
    session: async () => {
      const s = await currentSession(o.settings, o.sessions);
      if (!s) return undefined;
      const companyTin = s.source !== 'ONEID_TOKEN' && s.role.type === 'legal' ? s.role.tin : undefined;
      return { token: s.token, companyTin };
    },
    regions: async () => {
      const { regionsOf } = await import('../account/places.js');
      return regionsOf(new PortalHttp({ baseUrl: o.settings.get('portal') }));
    },
  });
}

async function resume(id: string, r: ApplyRequest, io: ApplyIo, o: Outside) {
  const state = await loadState(id, io.env);
  if (!state) throw new UsageError('APPLICATION_UNKNOWN', 'apply.error.unknown', { params: { id } });
  io.onResuming?.(state);
  const dir = await resumeInput(state, r);
  // The key password is needed to send (and to install): have it now, not after the SMS code.
  if (resumeNeedsPassword(state, r.wait)) {
    const password = await io.password();
    if (state.pendingKey) await openPendingKey(state.pendingKey, password).catch(ignoreMissing);
  }
  await withHolderSession(state, o);
  if (dir) state.dir = await ensureKeyFolder(dir);
  return continueApplication(state, io);
}

/** A pending key not written yet (a crash before it) is made later; a wrong password is not ignored. */
function ignoreMissing(e: unknown): void {
  if ((e as { code?: string }).code !== 'PENDING_KEY_MISSING') throw e;
}

export interface StatusRequest {
  id?: string;
  /** Also the account's applications made on other computers (needs a session). */
  all?: boolean;
  /** Install into this folder instead of the one chosen at application time. */
  dir?: string;
  watch?: boolean;
}

export interface StatusIo {
  password(): Promise<string>;
  onWaiting?(): void;
  /** Once per status change while watching. */
  onStatus?(state: ApplicationState): void;
}

export type StatusAnswer =
  | {
      kind: 'list';
      states: ApplicationState[];
      locked?: ApplicationState;
      /** `--all`: the account's applications made on other computers, as the portal shows them. */
      elsewhere?: KeyApplicationSummary[];
    }
  | { kind: 'one'; state: ApplicationState }
  | { kind: 'remote'; summary: KeyApplicationSummary };

/** `key status [id]`: refresh from the portal, install an issued key, or watch until decided. */
export async function applicationStatus(
  r: StatusRequest,
  o: Outside & { io: StatusIo; portal: () => Promise<PortalHttp> },
): Promise<StatusAnswer> {
  if (!r.id && r.all) return withElsewhere(await listApplications(o), o);
  if (!r.id) return listApplications(o);
  const state = await loadState(r.id);
  if (!state) return { kind: 'remote', summary: await remoteApplication(r.id, o) };
  await withHolderSession(state, o);
  if (r.dir) {
    state.dir = await ensureKeyFolder(r.dir);
    await saveState(state);
  }
  if (r.watch && !isFinal(state)) {
    o.io.onWaiting?.();
    await watchApplication(state, o.io.password, { onChange: o.io.onStatus });
  } else {
    await refreshApplication(state);
    await installIssued(state, o.io.password);
  }
  return { kind: 'one', state };
}

async function listApplications(o: Outside): Promise<StatusAnswer & { kind: 'list' }> {
  const states = await listStates();
  let token: string | undefined;
  let locked: ApplicationState | undefined;
  for (const s of states) {
    if (isFinal(s)) continue;
    if (lacksAccess(s)) {
      token ??= await holderSessionToken(o.settings, o.sessions);
      if (token) actWithSession(s, token);
      // No way in: listed as last seen; the caller says how to get access again.
      else {
        locked ??= s;
        continue;
      }
    }
    await refreshApplication(s);
  }
  return { kind: 'list', states, locked };
}

/** `--all`: add the account's applications this computer does not know ("Mening arizalarim"). */
async function withElsewhere(
  local: StatusAnswer & { kind: 'list' },
  o: Outside & { portal: () => Promise<PortalHttp> },
): Promise<StatusAnswer> {
  const token = await holderSessionToken(o.settings, o.sessions);
  if (!token)
    throw new AuthError('NOT_LOGGED_IN', 'apply.error.allNeedsLogin', { hintKey: 'account.hint.login' });
  const http = await o.portal();
  const known = new Set(local.states.map((s) => s.id));
  const { applications } = await portalStep(() => listMyKeyApplications(http, token), {});
  const elsewhere = applications.filter((a) => !known.has(a.id)).map((a) => remoteSummary(a.id, a));
  return { ...local, elsewhere };
}

/** An application made elsewhere: the portal's view only (nothing to install here). */
async function remoteApplication(
  id: string,
  o: Outside & { portal: () => Promise<PortalHttp> },
): Promise<KeyApplicationSummary> {
  // Only the key holder's own session opens an application made elsewhere.
  const token = await holderSessionToken(o.settings, o.sessions);
  if (!token)
    throw new AuthError('APPLICATION_NOT_LOCAL', 'apply.error.notLocalLogin', {
      params: { id },
      hintKey: 'account.hint.login',
    });
  const http = await o.portal();
  return remoteSummary(id, await portalStep(() => getKeyApplication(http, id, { token }), { id }));
}
