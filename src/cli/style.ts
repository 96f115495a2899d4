import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk instance whose level follows the terminal decision (never the global chalk). */
export function makeStyle(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
