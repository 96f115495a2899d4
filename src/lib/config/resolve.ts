import { readConfigFile } from './store.js';
import {
  DEFAULT_PROFILE,
  SETTING_DEFAULTS,
  SETTING_ENV,
  SETTING_NAMES,
  parseSetting,
  type ProfileSettings,
  type SettingName,
} from './settings.js';

export type SettingSource = 'flag' | 'env' | 'profile' | 'default';

export interface ResolvedSetting<N extends SettingName = SettingName> {
  name: N;
  value: Required<ProfileSettings>[N];
  source: SettingSource;
  /** The variable or flag the value came from, when it is not the profile or the default. */
  origin?: string;
}

/** The effective settings of one profile with their sources. Built once per command run. */
export class Settings {
  readonly profile: string;
  private readonly stored: ProfileSettings;

  constructor(
    profile: string | undefined,
    private readonly flags: Partial<Record<SettingName, string | undefined>> = {},
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.profile = profile || env.ONEID_PROFILE || DEFAULT_PROFILE;
    this.stored = readConfigFile(env).profiles?.[this.profile] ?? {};
  }

  resolve<N extends SettingName>(name: N): ResolvedSetting<N> {
    const flag = this.flags[name];
    if (flag !== undefined && flag !== '')
      return {
        name,
        value: parseSetting(name, flag) as Required<ProfileSettings>[N],
        source: 'flag',
        origin: `--${name}`,
      };
    const envName = SETTING_ENV[name];
    const envValue = envName ? this.env[envName] : undefined;
    if (envName && envValue)
      return {
        name,
        value: parseSetting(name, envValue) as Required<ProfileSettings>[N],
        source: 'env',
        origin: envName,
      };
    const stored = this.stored[name];
    if (stored !== undefined)
      return { name, value: stored as Required<ProfileSettings>[N], source: 'profile' };
    return { name, value: SETTING_DEFAULTS[name], source: 'default' };
  }

  get<N extends SettingName>(name: N): Required<ProfileSettings>[N] {
    return this.resolve(name).value;
  }

  /** The raw profile value, without flags/env/defaults. */
  storedValue(name: SettingName): unknown {
    return this.stored[name];
  }

  all(): ResolvedSetting[] {
    return SETTING_NAMES.map((n) => this.resolve(n));
  }
}
