/** What `oneid config set` and `config unset` do to a profile: one call each for the commands. */
import { Settings } from './resolve.js';
import { assertSettingName, parseSetting, SETTING_ENV, type SettingName } from './settings.js';
import { assertProfileName, configPath, writeSetting } from './store.js';

export interface SetSettingResult {
  profile: string;
  key: SettingName;
  value: string | string[];
  path: string;
  /** A variable that is set and still wins over the stored value. */
  envOverride?: string;
}

/** Check `raw` for the setting `key` and store it in the profile of `settings`. */
export async function setSetting(
  settings: Settings,
  key: string,
  raw: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SetSettingResult> {
  const name = assertSettingName(key);
  const value = parseSetting(name, raw) as string | string[];
  const profile = assertProfileName(settings.profile);
  await writeSetting(profile, name, value, env);
  const envName = SETTING_ENV[name];
  const result: SetSettingResult = { profile, key: name, value, path: configPath(env) };
  if (envName && env[envName]) result.envOverride = envName;
  return result;
}

export interface UnsetSettingResult {
  profile: string;
  key: SettingName;
  /** Whether the profile held a value before. */
  removed: boolean;
  /** The effective value now (environment or default). */
  effective: string | string[];
}

/** Remove the setting `key` from the profile of `settings`; says what applies now. */
export async function unsetSetting(
  settings: Settings,
  key: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<UnsetSettingResult> {
  const name = assertSettingName(key);
  const profile = assertProfileName(settings.profile);
  const removed = settings.storedValue(name) !== undefined;
  if (removed) await writeSetting(profile, name, undefined, env);
  const effective = new Settings(profile, {}, env).get(name) as string | string[];
  return { profile, key: name, removed, effective };
}
