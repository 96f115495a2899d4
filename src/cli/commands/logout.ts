import { Flags } from '@oclif/core';

import { accountContext } from '../../lib/account/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../index.js';
import { isOneIdError } from '../../lib/errors/index.js';
import { t } from '../../lib/i18n/index.js';
import { logout as portalLogout, type PortalHttp } from '../../lib/portal/index.js';
import { portalKey, type LoadedSession } from '../../lib/session/index.js';
import { portalAt } from '../context.js';

/** `--json` result of `oneid logout`. */
export interface LogoutResult {
  loggedOut: Array<{
    portal: string;
    login?: string;
    profile?: string;
    /** True when the portal ended the session; false when it could not be reached (it expires by itself). */
    endedOnPortal: boolean;
  }>;
  source: 'keychain' | 'file' | 'ONEID_TOKEN';
}

export default class Logout extends BaseCommand<typeof Logout> {
  static override summary = t('cmd.logout.summary');
  static override description = `Ends the current session of this profile on the portal and deletes it from the keychain
(or the session file with --insecure-storage). --all does so for every stored session: all portals
and profiles. When the portal cannot be reached the session is still removed here (the portal
ends it when it expires), and a warning says so. Logging out when not logged in is not an error.
With ONEID_TOKEN the token is ended on the portal; the variable itself is yours to unset.

JSON result: { loggedOut: [{ portal, login?, profile?, endedOnPortal }], source: "keychain" | "file" |
"ONEID_TOKEN" }`;
  static override examples = ['<%= config.bin %> logout', '<%= config.bin %> logout --all'];
  static override flags = {
    all: Flags.boolean({ summary: 'Log out of every stored session (all portals and profiles).' }),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LogoutResult> {
    const { http, place } = accountContext(this.settings, this.flags['insecure-storage'], {
      warn: (m) => this.warning(m),
    });
    const store = place.store;
    const sessions: LoadedSession[] = [];
    if (this.flags.all && store.source !== 'ONEID_TOKEN') sessions.push(...(await store.list()));
    else {
      const current = await store.get(place.host, place.profile);
      if (current) sessions.push(current);
    }

    const result: LogoutResult = { loggedOut: [], source: store.source };
    for (const s of sessions) {
      // A session of another portal is ended there, at the full URL it was stored with.
      const key = portalKey(s.portal);
      const endedOnPortal = await this.endOnPortal(key === place.host ? http : portalAt(s.portal), s);
      if (s.source !== 'ONEID_TOKEN') await store.delete(s.portal, s.profile);
      const entry: LogoutResult['loggedOut'][number] = { portal: key, endedOnPortal };
      if (s.source !== 'ONEID_TOKEN') Object.assign(entry, { login: s.login, profile: s.profile });
      result.loggedOut.push(entry);
      this.out(t('account.logout.done', { login: entry.login ?? 'ONEID_TOKEN', portal: key }));
    }
    if (sessions.length === 0) this.note(t('account.logout.none'));
    if (store.source === 'ONEID_TOKEN') this.hint('account.hint.unsetToken');
    return result;
  }

  /** True when the portal ended it (or it was already over there); false when unreachable. */
  private async endOnPortal(http: PortalHttp, s: LoadedSession): Promise<boolean> {
    try {
      await portalLogout(http, s.token);
      return true;
    } catch (e) {
      if (isOneIdError(e) && e.category === 'auth') return true; // already ended or expired
      if (isOneIdError(e) && e.category === 'network') {
        this.warning(t('account.logout.unreachable', { portal: s.portal }));
        return false;
      }
      throw e;
    }
  }
}
