/**
 * Words for statuses, steps and sources in the user's language, and the text blocks both
 * commands print (invoice, history). Catalog keys are spelled out so the i18n test sees them.
 */
import { t } from '../i18n/index.js';
import type { KeyApplicationStatus, KeyApplicationType } from '../portal/index.js';
import type { KeyFolderChoice } from './destination.js';
import type { ApplicationReview, ApplyIo } from './flow.js';
import type { ApplicationState, ApplyStep } from './state.js';

const STATUS: Record<KeyApplicationStatus, string> = {
  awaiting_sms: 'apply.status.awaiting_sms',
  draft: 'apply.status.draft',
  awaiting_payment: 'apply.status.awaiting_payment',
  in_review: 'apply.status.in_review',
  issued: 'apply.status.issued',
  rejected: 'apply.status.rejected',
};

const STEP: Record<ApplyStep, string> = {
  started: 'apply.step.started',
  key: 'apply.step.key',
  confirmed: 'apply.step.confirmed',
  request: 'apply.step.request',
  documents: 'apply.step.documents',
  submitted: 'apply.step.submitted',
  installed: 'apply.step.installed',
};

const DONE: Record<ApplyStep, string> = {
  started: 'apply.done.started',
  key: 'apply.done.key',
  confirmed: 'apply.done.confirmed',
  request: 'apply.done.request',
  documents: 'apply.done.documents',
  submitted: 'apply.done.submitted',
  installed: 'apply.done.installed',
};

const TYPE: Record<KeyApplicationType, string> = {
  individual: 'apply.type.individual',
  legal: 'apply.type.legal',
};

const SOURCE: Record<KeyFolderChoice['source'], string> = {
  removable: 'apply.source.removable',
  configured: 'apply.source.configured',
  env: 'apply.source.env',
  home: 'apply.source.home',
  flag: 'apply.source.flag',
};

export const statusText = (s: KeyApplicationStatus): string => (STATUS[s] ? t(STATUS[s]) : s);
export const stepText = (s: ApplyStep): string => t(STEP[s]);
export const doneText = (s: ApplyStep, state: ApplicationState): string =>
  t(DONE[s], { id: state.id, dir: state.dir, path: state.installed ?? '' });
export const typeText = (s: KeyApplicationType): string => t(TYPE[s]);
export const sourceText = (s: KeyFolderChoice['source']): string => t(SOURCE[s]);

/** The invoice: amount and how to pay it. */
export function invoiceLines(state: ApplicationState): string[] {
  const inv = state.invoice;
  if (!inv) return [];
  // Sums as Uzbek documents print them: groups of three digits separated by spaces.
  const money = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');
  return [
    t('apply.invoice.line', {
      id: inv.id,
      amount: money(inv.amount),
      currency: inv.currency,
      percent: inv.percent,
      bhm: money(inv.bhm),
    }),
    t(inv.paid ? 'apply.invoice.paid' : 'apply.invoice.howToPay', { id: inv.id }),
  ];
}

/** The status history as this tool saw it. */
export function historyLines(state: ApplicationState): string[] {
  const lines = state.history.map((h) => `  ${h.at.replace('T', ' ').slice(0, 19)}  ${statusText(h.status)}`);
  if (state.rejectReason) lines.push(t('apply.history.reason', { reason: state.rejectReason }));
  return lines;
}

/** The review shown before sending: a title and one line per answer given. */
export function reviewLines(r: ApplicationReview): { title: string; lines: string[] } {
  const rows: Array<[string, string | undefined]> = [
    ['apply.review.id', r.id],
    ['apply.review.type', typeText(r.type)],
    ['apply.review.tin', r.tin],
    ['apply.review.pinfl', r.pinfl],
    ['apply.review.phone', r.phone],
    ['apply.review.algorithm', r.algorithm],
    ['apply.review.dir', r.dir],
    ['apply.review.photo', r.photo],
    ['apply.review.selfie', r.selfie],
  ];
  return {
    title: t('apply.review.title'),
    lines: rows.filter(([, v]) => v).map(([k, v]) => `  ${t(k)}: ${v}`),
  };
}

/** Where the flow's progress messages go (stderr for people) and who learns the application id. */
export interface Narrator {
  note(text: string): void;
  warn(text: string): void;
  /** The application this run works on (it changes on a hand-over). */
  onId(id: string): void;
}

/** The progress callbacks of `ApplyIo`, told in the user's language. */
export function narration(
  n: Narrator,
): Pick<ApplyIo, 'onRecovered' | 'onResuming' | 'onStep' | 'onWaiting' | 'onStatus'> {
  return {
    onRecovered: ({ id, from, local, submitted }) => {
      n.onId(id);
      n.note(t('apply.note.recovered', { id, from }));
      if (local) n.note(t('apply.note.recoveredLocal', { id }));
      else if (submitted) n.warn(t('apply.warn.recoveredSubmitted', { id }));
    },
    onResuming: (s) => {
      n.onId(s.id);
      n.note(t('apply.note.resuming', { id: s.id, step: stepText(s.step) }));
    },
    onStep: (step, s) => {
      n.onId(s.id);
      n.note(doneText(step, s));
    },
    onWaiting: () => n.note(t('apply.note.waiting')),
    onStatus: (s) => n.note(t('apply.note.status', { status: statusText(s.status) })),
  };
}
