/**
 * Ctrl-C during long work that waits (a prompt, stdin, the portal, a poll): the work is abandoned
 * and the command fails with the typed error `interrupted()` returns (an InterruptedError, exit
 * 130), so the answer goes through the base command's envelope like any other failure. The work
 * must keep what it completed on disk at every step (saved atomically), so stopping anywhere is safe.
 */
export async function untilInterrupted<T>(work: () => Promise<T>, interrupted: () => Error): Promise<T> {
  let onSigint = (): void => undefined;
  const stop = new Promise<never>((_, reject) => {
    onSigint = () => reject(interrupted());
  });
  process.once('SIGINT', onSigint);
  try {
    return await Promise.race([work(), stop]);
  } finally {
    process.off('SIGINT', onSigint);
  }
}
