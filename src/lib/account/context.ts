/**
 * What every account command needs from its settings: the portal client and where the session
 * lives (store, portal host, profile). Built from plain values so that commands stay thin and
 * this library does not depend on the CLI layer.
 */
import type { Settings } from '../config/index.js';
import { t } from '../i18n/index.js';
import { PortalHttp } from '../portal/index.js';
import { openSessionStore, portalHost } from '../session/index.js';
import type { SessionPlace } from './session.js';

export interface AccountContext {
  http: PortalHttp;
  place: SessionPlace;
}

/**
 * The portal client and session place of a command run: the portal and storage mode come from the
 * effective settings (flag > env > profile > default); `--insecure-storage` forces the 0600 file.
 */
export function accountContext(
  settings: Settings,
  insecureStorage = false,
  opts: { env?: NodeJS.ProcessEnv; warn?: (text: string) => void } = {},
): AccountContext {
  const portal = settings.get('portal');
  const store = openSessionStore({
    mode: insecureStorage ? 'file' : settings.get('storage'),
    env: opts.env ?? process.env,
    onKeychainUnavailable: (e) =>
      opts.warn?.(t('account.session.keychainUnreachable', { reason: e.message })),
  });
  return {
    http: new PortalHttp({ baseUrl: portal }),
    place: { store, portal, host: portalHost(portal), profile: settings.profile },
  };
}
