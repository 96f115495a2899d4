/**
 * What every account command needs from its settings: the portal client and where the session
 * lives (store, portal host, profile). Built from plain values so that commands stay thin and
 * this library does not depend on the CLI layer.
 */
import { PortalHttp } from '../portal/index.js';
import { openSessionStore, portalHost } from '../session/index.js';
import type { SessionPlace } from './session.js';

export interface AccountContextOptions {
  portal: string;
  profile: string;
  /** The profile's `storage` setting. */
  storage: 'keychain' | 'file';
  /** `--insecure-storage`: the 0600 file even when the profile says keychain. */
  insecureStorage?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface AccountContext {
  http: PortalHttp;
  place: SessionPlace;
}

export function accountContext(o: AccountContextOptions): AccountContext {
  const env = o.env ?? process.env;
  const store = openSessionStore({ mode: o.insecureStorage ? 'file' : o.storage, env });
  return {
    http: new PortalHttp({ baseUrl: o.portal }),
    place: { store, portal: o.portal, host: portalHost(o.portal), profile: o.profile },
  };
}
