/**
 * Where the sandbox keeps its data by default: `ONEID_SANDBOX_DATA`, else the platform's user data
 * dir (as env-paths computes it: XDG_DATA_HOME on Linux, Application Support on macOS, LOCALAPPDATA
 * on Windows) + `oneid/sandbox`.
 */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ONEID_SANDBOX_DATA) return path.resolve(env.ONEID_SANDBOX_DATA);
  const home = os.homedir();
  let base: string;
  if (process.platform === 'darwin') base = path.join(home, 'Library', 'Application Support');
  else if (process.platform === 'win32') base = env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
  else base = env.XDG_DATA_HOME ?? path.join(home, '.local', 'share');
  return path.join(base, 'oneid', 'sandbox');
}
