/**
 * Where the sandbox keeps its data: `--data`, else `ONEID_SANDBOX_DATA`, else the platform's user
 * data dir + `oneid/sandbox` (as env-paths computes it). The portal process computes the same
 * default in `src/sandbox/paths.ts`; the CLI never imports the portal, hence the twin.
 */
import os from 'node:os';
import path from 'node:path';

export function sandboxDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.ONEID_SANDBOX_DATA) return path.resolve(env.ONEID_SANDBOX_DATA);
  const home = os.homedir();
  let base: string;
  if (process.platform === 'darwin') base = path.join(home, 'Library', 'Application Support');
  else if (process.platform === 'win32') base = env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
  else base = env.XDG_DATA_HOME ?? path.join(home, '.local', 'share');
  return path.join(base, 'oneid', 'sandbox');
}

export const INFO_FILE = 'sandbox.json';
export const PID_FILE = 'sandbox.pid';
export const LOG_FILE = 'sandbox.log';
const DB_FILE = 'sandbox.db';
/** The SQLite file and its WAL companions. */
export const DB_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`];
