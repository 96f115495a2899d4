/**
 * The sandbox's data dir as both sides see it: where it is by default and the names of the files
 * in it. The portal process (src/sandbox) writes them; the CLI (src/lib/sandbox-control) reads the
 * run files, writes the log and removes the database on `sandbox reset --hard`.
 */
import os from 'node:os';
import path from 'node:path';

/** The SQLite file (CA private key, password hashes: 0600). */
export const DB_FILE = 'sandbox.db';
/** The SQLite file and its WAL companions. */
export const DB_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`];
/** The keyed-hash secret of SMS codes (0600). */
export const SMS_KEY_FILE = 'sms-codes.key';
/** Written by the portal once it listens, removed when it stops: its pid, one line. */
export const PID_FILE = 'sandbox.pid';
/** Written by the portal once it listens, removed when it stops: `SandboxRunInfo` as JSON. */
export const INFO_FILE = 'sandbox.json';
/** The request log of a detached portal, appended to by the CLI that started it. */
export const LOG_FILE = 'sandbox.log';
/** The files that exist only while a portal runs. */
export const RUN_FILES = [INFO_FILE, PID_FILE];

/**
 * The data dir: the given one (`--data`), else `ONEID_SANDBOX_DATA`, else the platform's user data
 * dir (as env-paths computes it: XDG_DATA_HOME on Linux, Application Support on macOS, LOCALAPPDATA
 * on Windows) + `oneid/sandbox`.
 */
export function sandboxDataDir(given?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (given) return path.resolve(given);
  if (env.ONEID_SANDBOX_DATA) return path.resolve(env.ONEID_SANDBOX_DATA);
  const home = os.homedir();
  let base: string;
  if (process.platform === 'darwin') base = path.join(home, 'Library', 'Application Support');
  else if (process.platform === 'win32') base = env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
  else base = env.XDG_DATA_HOME ?? path.join(home, '.local', 'share');
  return path.join(base, 'oneid', 'sandbox');
}
