/** A request the agent answers with `{"success": false, "reason": …}` (the reason in the agent's language). */
import type { Params } from '../errors/index.js';

export class Refusal extends Error {
  constructor(
    readonly key: string,
    readonly params: Params = {},
  ) {
    super(key);
  }
}
