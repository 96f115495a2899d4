import { Args, Flags } from '@oclif/core';

import {
  actWithSession,
  historyLines,
  holderSessionToken,
  ensureKeyFolder,
  installIssued,
  invoiceLines,
  isFinal,
  lacksAccess,
  listStates,
  loadState,
  portalStep,
  refreshApplication,
  saveState,
  statusText,
  typeText,
  watchApplication,
  type ApplicationState,
} from '../../../lib/apply/index.js';
import { BaseCommand, portalFlag, secretFlags } from '../../index.js';
import { AuthError, PortalRefusedError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  PortalHttp,
  getKeyApplication,
  type KeyApplicationInvoice,
  type KeyApplicationStatus,
  type KeyApplicationType,
} from '../../../lib/portal/index.js';

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
}

/** `--json` result of `oneid key status`. */
export interface KeyStatusResult {
  applications: KeyApplicationSummary[];
}

export default class KeyStatus extends BaseCommand<typeof KeyStatus> {
  static override summary = t('cmd.key.status.summary');
  static override description = `Without an id, lists the applications made from this machine with their current status.
With an id, shows the application's status history; when the portal has issued the certificate,
downloads it with its chain, checks that it belongs to the pending private key, and writes the
final E-IMZO key file (alias, chain) into the folder chosen at application time, never over an
existing file. The key password (the one given to key apply) opens the pending key.
--watch polls with growing pauses until the application is issued (and installed) or rejected.
A rejected application ends with exit code 8 and the reviewer's reason. An application made on
another computer is shown only with the key holder's logged-in session (oneid login); a state saved
before application secrets also falls back to that session.

JSON result: { applications: [{ id, type: "individual" | "legal", status: "awaiting_sms" | "draft" |
"awaiting_payment" | "in_review" | "issued" | "rejected", pinfl?, tin?, invoice?: { id, amount,
currency, percent, bhm, paid }, rejectReason?, certificateSerial?, dir?, installed?, history:
[{ status, at }], local }] }`;
  static override examples = [
    '<%= config.bin %> key status',
    '<%= config.bin %> key status $APP_ID --watch',
    '<%= config.bin %> key status $APP_ID --key-password-file ~/.key-pass --json',
  ];
  static override args = {
    id: Args.string({ description: 'Application id (as key apply printed it).' }),
  };
  static override flags = {
    dir: Flags.string({ summary: 'Install into this folder instead of the one chosen at application time.' }),
    watch: Flags.boolean({ summary: 'Poll until the application is decided; install the key when issued.' }),
    portal: portalFlag,
    ...secretFlags('key-password'),
  };

  private passwordValue?: Promise<string>;

  private password(): Promise<string> {
    this.passwordValue ??= this.secret('key-password', 'apply.prompt.keyPassword').then((s) => s.value);
    return this.passwordValue;
  }

  async run(): Promise<KeyStatusResult> {
    const id = this.args.id;
    if (!id) return this.all();
    const state = await loadState(id);
    if (!state) return { applications: [await this.remote(id)] };
    // A state saved before application secrets: the key holder's own session may still open it.
    if (lacksAccess(state)) {
      const token = await holderSessionToken(this.settings);
      if (token) actWithSession(state, token);
    }
    if (this.flags.dir) {
      state.dir = await ensureKeyFolder(this.flags.dir);
      await saveState(state);
    }
    if (this.flags.watch && !isFinal(state)) {
      this.note(t('apply.note.waiting'));
      await watchApplication(state, () => this.password(), {
        onChange: (s) => this.note(t('apply.note.status', { status: statusText(s.status) })),
      });
    } else {
      await refreshApplication(state);
      await installIssued(state, () => this.password());
    }
    this.renderOne(state);
    if (state.status === 'rejected')
      throw new PortalRefusedError('APPLICATION_REJECTED', 'apply.error.rejected', {
        params: { id: state.id, reason: state.rejectReason ?? '-' },
        data: { applicationId: state.id, result: { applications: [summary(state)] } },
      });
    return { applications: [summary(state)] };
  }

  private async all(): Promise<KeyStatusResult> {
    const states = await listStates();
    if (states.length === 0) {
      this.note(t('apply.note.none'));
      return { applications: [] };
    }
    let token: string | undefined;
    let locked: ApplicationState | undefined;
    for (const s of states) {
      if (isFinal(s)) continue;
      if (lacksAccess(s)) {
        token ??= await holderSessionToken(this.settings);
        if (token) actWithSession(s, token);
        // No way in: list it as last seen, and say how to get access again (below).
        else {
          locked ??= s;
          continue;
        }
      }
      await refreshApplication(s);
    }
    for (const s of states) {
      const extra = s.installed ? s.installed : s.status === 'issued' ? t('apply.out.toInstall') : '';
      this.out(
        [s.id, typeText(s.type), s.tin ?? s.pinfl ?? '-', statusText(s.status), extra]
          .filter(Boolean)
          .join('  '),
      );
    }
    const waiting = states.find((s) => s.status === 'issued' && !s.installed);
    if (waiting) this.hint('apply.hint.install', { id: waiting.id });
    if (locked) this.warning(t('apply.warn.secretMissing', { id: locked.id }));
    return { applications: states.map(summary) };
  }

  /** An application made elsewhere: the portal's view only, nothing to install here. */
  private async remote(id: string): Promise<KeyApplicationSummary> {
    const http = new PortalHttp({ baseUrl: this.settings.get('portal') });
    // Only the key holder's own session opens an application made elsewhere.
    const token = await holderSessionToken(this.settings);
    if (!token)
      throw new AuthError('APPLICATION_NOT_LOCAL', 'apply.error.notLocalLogin', {
        params: { id },
        hintKey: 'account.hint.login',
      });
    const view = await portalStep(() => getKeyApplication(http, id, { token }), { id });
    this.out(t('apply.out.application', { id, status: statusText(view.status) }));
    this.warning(t('apply.warn.notLocal', { id }));
    const s: KeyApplicationSummary = {
      id,
      type: view.type,
      status: view.status,
      pinfl: view.pinfl,
      history: [{ status: view.status, at: view.updatedAt }],
      local: false,
    };
    if (view.tin) s.tin = view.tin;
    if (view.invoice) s.invoice = view.invoice;
    if (view.rejectReason) s.rejectReason = view.rejectReason;
    if (view.certificateSerial) s.certificateSerial = view.certificateSerial;
    return s;
  }

  private renderOne(state: ApplicationState): void {
    this.out(t('apply.out.application', { id: state.id, status: statusText(state.status) }));
    for (const line of historyLines(state)) this.out(line);
    if (state.status === 'awaiting_payment') for (const line of invoiceLines(state)) this.out(line);
    if (state.installed) this.out(t('apply.out.installed', { path: state.installed }));
    else if (state.step !== 'submitted' && state.status !== 'rejected')
      this.hint('apply.hint.resume', { id: state.id });
  }
}

function summary(s: ApplicationState): KeyApplicationSummary {
  const out: KeyApplicationSummary = {
    id: s.id,
    type: s.type,
    status: s.status,
    history: s.history,
    dir: s.dir,
    local: true,
  };
  if (s.pinfl) out.pinfl = s.pinfl;
  if (s.tin) out.tin = s.tin;
  if (s.invoice) out.invoice = s.invoice;
  if (s.rejectReason) out.rejectReason = s.rejectReason;
  if (s.certificateSerial) out.certificateSerial = s.certificateSerial;
  if (s.installed) out.installed = s.installed;
  return out;
}
