/**
 * Following an application after it was sent: refresh the portal's view into the local state
 * (status history as this tool saw it), install the key once the certificate is issued, and
 * poll with backoff until a final state (`key status --watch`, `key apply --wait`).
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { UsageError } from '../errors/index.js';

import {
  PortalHttp,
  getIssuedCertificate,
  getKeyApplication,
  type KeyApplicationView,
} from '../portal/index.js';
import { ensureKeyFolder } from './destination.js';
import { installKey } from './install.js';
import { openPendingKey } from './pending-key.js';
import { portalStep } from './refusals.js';
import { accessFor, noteStatus, saveState, STEPS, type ApplicationState } from './state.js';

export const FINAL_STATUSES = ['issued', 'rejected'] as const;

export function portalFor(state: ApplicationState): PortalHttp {
  return new PortalHttp({ baseUrl: state.portal });
}

const SUBMITTED = new Set(['awaiting_payment', 'in_review', 'issued', 'rejected']);

/** Fold the portal's view into the state; returns true when something changed. */
export function applyView(state: ApplicationState, view: KeyApplicationView): boolean {
  let changed = noteStatus(state, view.status);
  if (view.invoice && JSON.stringify(view.invoice) !== JSON.stringify(state.invoice)) {
    state.invoice = view.invoice;
    changed = true;
  }
  if (view.rejectReason && view.rejectReason !== state.rejectReason) {
    state.rejectReason = view.rejectReason;
    changed = true;
  }
  if (view.certificateSerial && view.certificateSerial !== state.certificateSerial) {
    state.certificateSerial = view.certificateSerial;
    changed = true;
  }
  if (view.pinfl && !state.pinfl) {
    state.pinfl = view.pinfl;
    changed = true;
  }
  const idx = STEPS.indexOf(state.step);
  if (SUBMITTED.has(view.status) && idx < STEPS.indexOf('submitted')) {
    state.step = 'submitted';
    changed = true;
  }
  return changed;
}

export async function refreshApplication(
  state: ApplicationState,
  env: NodeJS.ProcessEnv = process.env,
): Promise<KeyApplicationView> {
  const view = await portalStep(() => getKeyApplication(portalFor(state), state.id, accessFor(state)), {
    id: state.id,
  });
  if (applyView(state, view)) await saveState(state, env);
  return view;
}

/**
 * Once issued: download the chain, check it against the pending key, write the final PFX and
 * forget the pending copy of the private key. Idempotent (an interrupted install is found again).
 */
export async function installIssued(
  state: ApplicationState,
  password: () => Promise<string>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  if (state.status !== 'issued' || state.installed || !state.pendingKey) return false;
  const issued = await portalStep(() => getIssuedCertificate(portalFor(state), state.id, accessFor(state)), {
    id: state.id,
  });
  const pending = await openPendingKey(state.pendingKey, await password());
  const installed = await installKey({
    dir: await installFolder(state.dir),
    holder: { pinfl: state.pinfl, tin: state.tin },
    issued,
    pending,
    password: await password(),
  });
  state.installed = installed.path;
  state.certificateSerial = installed.serial;
  state.step = 'installed';
  await saveState(state, env);
  // The private key now lives in the installed file (read back and checked): drop the pending copy.
  await rm(state.pendingKey, { force: true });
  return true;
}

/**
 * The folder chosen at application time, which may be a USB stick that is not plugged in now:
 * its DSKEYS folder is created if needed, but never the mount point itself (that would write the
 * key to the system disk under /media).
 */
async function installFolder(dir: string): Promise<string> {
  const parent = path.dirname(dir);
  try {
    if (!(await stat(parent)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new UsageError('KEY_FOLDER_MISSING', 'apply.error.folderMissing', {
      params: { path: dir },
      hintKey: 'apply.hint.folderMissing',
    });
  }
  await mkdir(dir, { mode: 0o700 }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  return ensureKeyFolder(dir);
}

export interface WatchOptions {
  /** First pause between polls (ms); grows ×1.5 up to `maxMs`. */
  initialMs?: number;
  maxMs?: number;
  /** Called once per status change (installing the issued key is none). */
  onChange?(state: ApplicationState): void;
  /** Called while waiting (non-TTY callers print at most a line per change anyway). */
  sleep?(ms: number): Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function isFinal(state: ApplicationState): boolean {
  return (
    state.status === 'rejected' ||
    (state.status === 'issued' && !!state.installed) ||
    state.step === 'installed'
  );
}

/** Poll until the application is rejected or issued (and then installed). */
export async function watchApplication(
  state: ApplicationState,
  password: () => Promise<string>,
  o: WatchOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<ApplicationState> {
  let delay = o.initialMs ?? 1000;
  const max = o.maxMs ?? 30_000;
  const sleep = o.sleep ?? defaultSleep;
  for (;;) {
    const before = state.history.length;
    await refreshApplication(state, env);
    // Once per status change: installing the issued key is not another change of status.
    if (state.history.length !== before) o.onChange?.(state);
    await installIssued(state, password, env);
    if (isFinal(state) || state.status === 'issued') return state;
    await sleep(delay);
    delay = Math.min(max, Math.round(delay * 1.5));
  }
}
