/** The top-level functions (no `plugin`): `version`, `apikey`, `apidoc`. */
import { Refusal } from '../refusal.js';
import type { Plugin, Reply } from './types.js';

/**
 * The API version reported: callers compute major*100+minor; the vendor's pages need ≥ 337 and
 * switch to the newest key listing (pfx only) at ≥ 412 (REFERENCES.md §4).
 */
export const API_VERSION = { major: '4', minor: '86' };

export const top = (apidoc: () => Reply): Plugin => ({
  version: { args: [], fn: () => ({ ...API_VERSION }) },
  apikey: {
    args: ['domain', 'key', '…'],
    // The vendor checks keys it issued per domain; here the connection's Origin and the user's
    // consent decide, so a well-formed list of pairs is all there is to check.
    fn: (c) => {
      if (c.args.length % 2 !== 0 || !c.args.every((a) => typeof a === 'string'))
        throw new Refusal('agent.reason.badArgument', { name: 'apikey' });
      return {};
    },
  },
  apidoc: { args: [], fn: () => apidoc() },
});
