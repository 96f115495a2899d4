/**
 * Ctrl-C (and SIGTERM) during a batch: the first finishes the files in flight, the second stops
 * the workers now and removes the temp files they had in flight, a third (or a stop that hangs
 * for 3 s) removes our temp files and leaves with exit 130.
 */
import { removeOwnTempsSync } from '../files/index.js';

export interface Interrupts {
  /** Aborted on the first signal: start no new file. */
  finish: AbortSignal;
  /** Aborted on the second: stop now. */
  stop: AbortSignal;
  /** Remove the handlers (always, when the batch ends). */
  dispose(): void;
}

export function onInterrupt(): Interrupts {
  const finish = new AbortController();
  const stop = new AbortController();
  let count = 0;
  let deadline: NodeJS.Timeout | undefined;
  const leaveNow = () => {
    removeOwnTempsSync();
    process.exit(130);
  };
  const handler = () => {
    if (++count === 1) finish.abort();
    else if (count === 2) {
      stop.abort();
      deadline = setTimeout(leaveNow, 3000).unref();
    } else leaveNow();
  };
  // Installed until the batch ends: a late second signal (`timeout -s INT` signals the whole
  // process group) must still exit 130, not kill the process mid-way.
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    finish: finish.signal,
    stop: stop.signal,
    dispose() {
      clearTimeout(deadline);
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
      // Interrupted: the command is now reporting and will exit 130 by itself. A second signal
      // that arrives after the batch ended (the whole process group is signalled twice) must not
      // kill it mid-report with the default action; a listener does not keep the process alive.
      if (count > 0) {
        const linger = () => undefined;
        process.on('SIGINT', linger);
        process.on('SIGTERM', linger);
      }
    },
  };
}
