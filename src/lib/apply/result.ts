/**
 * The result mapping of `key apply` and `key status`: the `--json` results (from the local state,
 * or from the portal's view of an application made elsewhere), the lines both print at the end,
 * and the refusal of a rejected application. The state's secret never goes into any of them.
 */
import { PortalRefusedError } from '../errors/index.js';
import { t } from '../i18n/index.js';
import type {
  KeyApplicationInvoice,
  KeyApplicationStatus,
  KeyApplicationType,
  KeyApplicationView,
} from '../portal/index.js';
import { historyLines, invoiceLines, statusText, typeText } from './render.js';
import type { ApplicationHead } from './flow.js';
import type { ApplicationState, ApplyStep } from './state.js';

/** `--json` result of `oneid key apply`. */
export interface KeyApplyResult extends ApplicationHead {
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

/** One application in the `--json` result of `oneid key status`. */
export interface KeyApplicationSummary {
  id: string;
  type: KeyApplicationType;
  status: KeyApplicationStatus;
  pinfl?: string;
  tin?: string;
  invoice?: KeyApplicationInvoice;
  rejectReason?: string;
  certificateSerial?: string;
  /** Folder the key goes to (applications made from this machine). */
  dir?: string;
  /** The installed key file. */
  installed?: string;
  /** Status changes as this tool saw them. */
  history: Array<{ status: KeyApplicationStatus; at: string }>;
  /** false: the application was not made from this machine (no pending key here to install). */
  local: boolean;
  /** The computer it was made on, as recorded by the portal (applications made elsewhere). */
  machine?: string;
}

/** `--json` result of `oneid key status`. */
export interface KeyStatusResult {
  applications: KeyApplicationSummary[];
}

/** Copy the optional fields that are set (so the JSON has no `undefined`s). */
function optional<T extends object, K extends keyof T>(
  from: T,
  keys: K[],
): { [P in K]?: Exclude<T[P], null> } {
  const out: { [P in K]?: Exclude<T[P], null> } = {};
  for (const k of keys)
    if (from[k] !== undefined && from[k] !== null && from[k] !== '') out[k] = from[k] as Exclude<T[K], null>;
  return out;
}

export const isSubmitted = (s: ApplicationState): boolean => ['submitted', 'installed'].includes(s.step);

export function applyResult(s: ApplicationState): KeyApplyResult {
  return {
    id: s.id,
    type: s.type,
    phone: s.phoneMasked,
    algorithm: s.algorithm,
    dir: s.dir,
    status: s.status,
    step: s.step,
    submitted: isSubmitted(s),
    history: s.history,
    ...optional(s, ['pinfl', 'tin', 'invoice', 'publicKey', 'installed', 'rejectReason']),
  };
}

export function applicationSummary(s: ApplicationState): KeyApplicationSummary {
  return {
    id: s.id,
    type: s.type,
    status: s.status,
    history: s.history,
    dir: s.dir,
    local: true,
    ...optional(s, ['pinfl', 'tin', 'invoice', 'rejectReason', 'certificateSerial', 'installed']),
  };
}

/** An application made elsewhere, as the portal shows it to the key holder's session. */
export function remoteSummary(id: string, v: KeyApplicationView): KeyApplicationSummary {
  return {
    id,
    type: v.type,
    status: v.status,
    pinfl: v.pinfl,
    history: [{ status: v.status, at: v.updatedAt }],
    local: false,
    ...optional(v, ['tin', 'invoice', 'rejectReason', 'certificateSerial', 'machine']),
  };
}

/**
 * `key status --all`: the account's applications made on other computers, one line each, naming
 * the computer: the private key never left it, so only there can the key be installed.
 */
export function elsewhereOutcome(remote: KeyApplicationSummary[]): { lines: string[]; warnings: string[] } {
  const lines = remote.map((s) =>
    [
      s.id,
      typeText(s.type),
      s.tin ?? s.pinfl ?? '-',
      statusText(s.status),
      t('apply.out.madeOn', { machine: s.machine ?? '?' }),
    ].join('  '),
  );
  const warnings = remote
    .filter((s) => s.status === 'issued')
    .map((s) => t('apply.warn.keyElsewhere', { id: s.id, machine: s.machine ?? '?' }));
  return { lines, warnings };
}

/** A rejected application ends with exit 8 and the reviewer's reason; the result goes along. */
export function rejectedError(s: ApplicationState, result: unknown): PortalRefusedError {
  return new PortalRefusedError('APPLICATION_REJECTED', 'apply.error.rejected', {
    params: { id: s.id, reason: s.rejectReason ?? '-' },
    data: { applicationId: s.id, result },
  });
}

/** What is printed at the end: result lines (stdout) and the next step's hint. */
export interface Outcome {
  lines: string[];
  hint?: { key: string; params: { id: string } };
}

/** The end of `key apply`: the status, the invoice to pay, the installed file, what comes next. */
export function applyOutcome(s: ApplicationState): Outcome {
  const lines = [t('apply.out.application', { id: s.id, status: statusText(s.status) })];
  if (s.invoice && !s.invoice.paid && s.status === 'awaiting_payment') lines.push(...invoiceLines(s));
  if (s.installed) lines.push(t('apply.out.installed', { path: s.installed }));
  if (s.status === 'rejected') lines.push(...historyLines(s));
  const params = { id: s.id };
  if (!isSubmitted(s)) return { lines, hint: { key: 'apply.hint.resume', params } };
  if (!s.installed && s.status !== 'rejected') return { lines, hint: { key: 'apply.hint.status', params } };
  return { lines };
}

/** `key status <id>`: the status with its history, the invoice, the installed file. */
export function statusOutcome(s: ApplicationState): Outcome {
  const lines = [t('apply.out.application', { id: s.id, status: statusText(s.status) }), ...historyLines(s)];
  if (s.status === 'awaiting_payment') lines.push(...invoiceLines(s));
  if (s.installed) lines.push(t('apply.out.installed', { path: s.installed }));
  else if (s.step !== 'submitted' && s.status !== 'rejected')
    return { lines, hint: { key: 'apply.hint.resume', params: { id: s.id } } };
  return { lines };
}

/** `key status` without an id: one line per application made here, and the one to install. */
export function listOutcome(states: ApplicationState[]): Outcome {
  const lines = states.map((s) => {
    const extra = s.installed ? s.installed : s.status === 'issued' ? t('apply.out.toInstall') : '';
    return [s.id, typeText(s.type), s.tin ?? s.pinfl ?? '-', statusText(s.status), extra]
      .filter(Boolean)
      .join('  ');
  });
  const waiting = states.find((s) => s.status === 'issued' && !s.installed);
  return waiting ? { lines, hint: { key: 'apply.hint.install', params: { id: waiting.id } } } : { lines };
}
