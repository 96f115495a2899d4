/**
 * The config file: profiles of settings, stored with `conf` (atomic writes, JSON schema).
 * `conf` is imported lazily and only for writes: reading the file is a plain JSON read, which
 * keeps every command's start-up fast (conf + ajv cost ~150 ms to import; see docs/decisions.md).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { UsageError } from '../errors/index.js';
import type { ProfileSettings, SettingName } from './settings.js';

export interface ConfigFile {
  profiles?: Record<string, ProfileSettings>;
}

/** The folder of the config file: ONEID_CONFIG_DIR, else the platform's config dir (as `conf` picks it). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ONEID_CONFIG_DIR) return path.resolve(env.ONEID_CONFIG_DIR);
  const home = homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'oneid-nodejs');
  if (process.platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'oneid-nodejs', 'Config');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'oneid-nodejs');
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), 'config.json');
}

export function readConfigFile(env: NodeJS.ProcessEnv = process.env): ConfigFile {
  let text: string;
  try {
    text = readFileSync(configPath(env), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as ConfigFile) : {};
  } catch {
    throw new UsageError('CONFIG_CORRUPT', 'config.error.corrupt', {
      params: { path: configPath(env) },
      hintKey: 'config.hint.corrupt',
    });
  }
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function assertProfileName(name: string): string {
  if (!PROFILE_NAME.test(name))
    throw new UsageError('CONFIG_BAD_PROFILE', 'config.error.profile', { params: { profile: name } });
  return name;
}

async function openConf(env: NodeJS.ProcessEnv) {
  const { default: Conf } = await import('conf');
  return new Conf<ConfigFile>({
    projectName: 'oneid',
    cwd: configDir(env),
    configName: 'config',
    // The file holds no secrets, but nobody else needs to read it either.
    configFileMode: 0o600,
  });
}

export async function writeSetting(
  profile: string,
  name: SettingName,
  value: ProfileSettings[SettingName] | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const conf = await openConf(env);
  const profiles = { ...(conf.get('profiles') ?? {}) };
  const current: ProfileSettings = { ...(profiles[profile] ?? {}) };
  if (value === undefined) delete current[name];
  else (current as Record<string, unknown>)[name] = value;
  if (Object.keys(current).length === 0) delete profiles[profile];
  else profiles[profile] = current;
  conf.set('profiles', profiles);
}
