/**
 * Private files of the data dir. `sandbox.db` holds the CA's private key and the password hashes,
 * and the keyed-hash secret of SMS codes lives next to it: all of them are the owner's only (0600),
 * whatever the umask or the mode of the folder they are put in, and a file an older version left
 * readable is narrowed on the next start. (On Windows the mode bits mean little; the user profile's
 * ACLs protect the default data dir there.)
 */
import { chmodSync, closeSync, openSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { OutputExistsError, writeFileAtomicSync } from '../../lib/files/index.js';

export const PRIVATE_FILE_MODE = 0o600;

/** Create `file` empty and 0600 when it does not exist; narrow it to 0600 when it does. */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  restrictMode(file);
}

/** chmod 0600 when the file exists (the umask may have taken bits away, never added them). */
export function restrictMode(file: string): void {
  try {
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

export class SecretFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`The sandbox secret file ${file} ${reason}: move it away to create a new one.`);
    this.name = 'SecretFileError';
  }
}

/**
 * Random secret of `length` bytes kept in `file` (0600), created on first use. Creation publishes a
 * complete file with `link` (fails when the name exists), so two processes starting on one data
 * dir at once agree on the same secret.
 */
export function readOrCreateSecret(file: string, length = 32): Buffer {
  const read = (): Buffer => {
    restrictMode(file);
    const key = readFileSync(file);
    if (key.length !== length) throw new SecretFileError(file, `is ${key.length} bytes, not ${length}`);
    return key;
  };
  try {
    return read();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    // Published with link(): of two processes creating it at once, the first file wins.
    writeFileAtomicSync(file, randomBytes(length), { mode: PRIVATE_FILE_MODE, replace: false });
  } catch (e) {
    if (!(e instanceof OutputExistsError)) throw e;
  }
  return read();
}
