/** A request the agent answers with `{"success": false, "reason": …}` (the reason in the agent's language). */
import type { Params } from '../errors/index.js';
import { t } from '../i18n/index.js';

export class Refusal extends Error {
  constructor(
    readonly key: string,
    readonly params: Params = {},
  ) {
    super(key);
  }
}

/** The reply to a refused request, in the agent's language. */
export function refusal(key: string, params?: Params): { success: false; reason: string } {
  return { success: false, reason: t(key, params) };
}
