/**
 * Local state of key applications: one JSON file per application in `<config dir>/applications/`,
 * beside its pending PFX. Written atomically after every step, so a crash or Ctrl-C at any point
 * leaves the last completed step on disk and `key apply --resume <id>` continues from there.
 * One secret is stored here: the application secret the portal answered to the SMS confirmation,
 * without which the portal does not let anyone see or change the application (issue 13). The file
 * is therefore written with mode 0600 in a 0700 folder, and the secret is never printed, logged or
 * put in a --json result. The private key is only in the password-protected pending PFX.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { configDir } from '../config/index.js';
import { AuthError, KeyUnusableError, UsageError } from '../errors/index.js';
import { writeFileAtomic } from '../files/index.js';
import type {
  KeyApplicationAccess,
  KeyApplicationInvoice,
  KeyApplicationStatus,
  KeyApplicationType,
} from '../portal/index.js';

/** The steps of `key apply`, in order; `step` in the state is the last one completed. */
export const STEPS = [
  'started',
  'key',
  'confirmed',
  'request',
  'documents',
  'submitted',
  'installed',
] as const;
export type ApplyStep = (typeof STEPS)[number];

export interface StatusChange {
  status: KeyApplicationStatus;
  /** When this tool first saw the status (ISO). */
  at: string;
}

export interface ApplicationState {
  version: 1;
  id: string;
  /** Portal base URL the application lives on. */
  portal: string;
  type: KeyApplicationType;
  pinfl?: string;
  tin?: string;
  /** As the portal masked it. */
  phoneMasked: string;
  /**
   * The application secret (`kas_…`) from the SMS confirmation: what lets this computer see and
   * change the application on the portal. Secret: never printed. Absent before the confirmation,
   * and in states saved by versions before application secrets.
   */
  secret?: string;
  /** `ozdst:A`, `rsa:2048`, `ec:P-256`. */
  algorithm: string;
  /** Folder the final key file goes to. */
  dir: string;
  photo: string;
  selfie: string;
  step: ApplyStep;
  status: KeyApplicationStatus;
  history: StatusChange[];
  /** Pending PFX (private key + self-signed placeholder certificate), mode 0600. */
  pendingKey?: string;
  /** SubjectPublicKeyInfo of the pending key, base64: what the issued certificate must carry. */
  publicKey?: string;
  /** The PKCS#10 request, base64 DER (public data; kept so a resume needs no password). */
  request?: string;
  invoice?: KeyApplicationInvoice;
  rejectReason?: string;
  certificateSerial?: string;
  /** The installed key file. */
  installed?: string;
  createdAt: string;
  updatedAt: string;
}

export function applicationsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), 'applications');
}

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export function stateFile(id: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!ID_RE.test(id))
    throw new UsageError('APPLICATION_ID_INVALID', 'apply.error.badId', { params: { id } });
  return path.join(applicationsDir(env), `${id}.json`);
}

export function pendingKeyFile(id: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(applicationsDir(env), `${id}.pending.pfx`);
}

const sessions = new WeakMap<ApplicationState, string>();

/**
 * For a state without an application secret (saved by an older version): act with the key
 * holder's portal session instead, for this run only (the token is not written to the state).
 */
export function actWithSession(state: ApplicationState, token: string): void {
  sessions.set(state, token);
}

/** True when nothing lets this computer at the application (a confirmed one without a secret). */
export function lacksAccess(state: ApplicationState): boolean {
  return !state.secret && !sessions.has(state) && state.status !== 'awaiting_sms';
}

/**
 * What opens the application on the portal: its secret, else the holder's session given for
 * this run. Before the SMS confirmation the id is enough. Otherwise a clear error (exit 3) that
 * says how to get access again.
 */
export function accessFor(state: ApplicationState): KeyApplicationAccess {
  if (state.secret) return { secret: state.secret };
  const token = sessions.get(state);
  if (token) return { token };
  if (state.status === 'awaiting_sms') return {};
  throw new AuthError('APPLICATION_SECRET_MISSING', 'apply.error.secretMissing', {
    params: { id: state.id },
    hintKey: 'apply.hint.secretMissing',
    hintParams: {
      id: state.id,
      holder: state.type === 'legal' ? `--legal --tin ${state.tin ?? '…'}` : `--pinfl ${state.pinfl ?? '…'}`,
    },
    data: { applicationId: state.id },
  });
}

export function stepDone(state: ApplicationState, step: ApplyStep): boolean {
  return STEPS.indexOf(state.step) >= STEPS.indexOf(step);
}

/** Record a status change in the history (only changes; the first sighting's time). */
export function noteStatus(state: ApplicationState, status: KeyApplicationStatus, at = new Date()): boolean {
  if (state.history.at(-1)?.status === status) return false;
  state.status = status;
  state.history.push({ status, at: at.toISOString() });
  return true;
}

export async function saveState(
  state: ApplicationState,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  state.updatedAt = new Date().toISOString();
  const dir = applicationsDir(env);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(stateFile(state.id, env), Buffer.from(JSON.stringify(state, null, 2) + '\n'));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new KeyUnusableError('APPLICATION_STATE_WRITE', 'apply.error.stateWrite', {
      params: { path: dir, reason: (e as NodeJS.ErrnoException).code ?? String(e) },
      cause: e,
    });
  }
}

export async function loadState(
  id: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ApplicationState | undefined> {
  const file = stateFile(id, env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KeyUnusableError('APPLICATION_STATE_READ', 'apply.error.stateRead', {
      params: { path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) },
    });
  }
  try {
    const s = JSON.parse(text) as ApplicationState;
    if (s.version !== 1 || s.id !== id || !STEPS.includes(s.step)) throw new Error('shape');
    return s;
  } catch {
    throw new KeyUnusableError('APPLICATION_STATE_CORRUPT', 'apply.error.stateCorrupt', {
      params: { path: file },
    });
  }
}

/** Every application recorded here, oldest first (unreadable files are skipped). */
export async function listStates(env: NodeJS.ProcessEnv = process.env): Promise<ApplicationState[]> {
  let names: string[];
  try {
    names = await readdir(applicationsDir(env));
  } catch {
    return [];
  }
  const out: ApplicationState[] = [];
  for (const n of names) {
    if (!n.endsWith('.json') || n.startsWith('.')) continue;
    try {
      const s = await loadState(n.slice(0, -5), env);
      if (s) out.push(s);
    } catch {
      // a damaged state file must not hide the others; `key status <id>` reports it
    }
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
