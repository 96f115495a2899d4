/**
 * The settings a profile can hold, how they are validated, and where each effective value comes
 * from. Precedence: flag > environment > profile in the config file > built-in default.
 */
import { UsageError } from '../errors/index.js';
import { isLanguage } from '../i18n/index.js';
import { ENVIRONMENT } from './environment.js';
import type { ProfileSettings, SettingName } from './types.js';

export type { ProfileSettings, SettingName } from './types.js';

export const DEFAULT_PORTAL = 'http://127.0.0.1:8765';
export const DEFAULT_PROFILE = 'default';

export const SETTING_NAMES: readonly SettingName[] = ['portal', 'lang', 'key-roots', 'storage', 'revocation'];

/** Environment variable that overrides each setting (none for `storage`: that needs a flag or the profile). */
export const SETTING_ENV: Partial<Record<SettingName, string>> = Object.fromEntries(
  ENVIRONMENT.filter((e) => e.setting).map((e) => [e.setting, e.name]),
);

export const SETTING_DEFAULTS: Required<ProfileSettings> = {
  portal: DEFAULT_PORTAL,
  lang: 'en',
  'key-roots': [],
  storage: 'keychain',
  revocation: 'auto',
};

export function isSettingName(name: string): name is SettingName {
  return (SETTING_NAMES as readonly string[]).includes(name);
}

export function assertSettingName(name: string): SettingName {
  if (!isSettingName(name))
    throw new UsageError('CONFIG_UNKNOWN_KEY', 'config.error.unknownKey', {
      params: { key: name, keys: SETTING_NAMES.join(', ') },
    });
  return name;
}

/** Parse and validate a value typed by the user for `name`; returns the stored form. */
export function parseSetting(name: SettingName, raw: string): ProfileSettings[SettingName] {
  switch (name) {
    case 'portal': {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new UsageError('CONFIG_BAD_VALUE', 'config.error.portal', { params: { value: raw } });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new UsageError('CONFIG_BAD_VALUE', 'config.error.portal', { params: { value: raw } });
      return url.toString().replace(/\/$/, '');
    }
    case 'lang':
      if (!isLanguage(raw))
        throw new UsageError('CONFIG_BAD_VALUE', 'config.error.lang', { params: { value: raw } });
      return raw;
    case 'storage':
      if (raw !== 'keychain' && raw !== 'file')
        throw new UsageError('CONFIG_BAD_VALUE', 'config.error.storage', { params: { value: raw } });
      return raw;
    case 'key-roots':
      return splitPathList(raw);
    case 'revocation':
      if (raw !== 'auto' && raw !== 'require' && raw !== 'off')
        throw new UsageError('CONFIG_BAD_VALUE', 'config.error.revocation', { params: { value: raw } });
      return raw;
  }
}

/** Key roots are separated by the platform's path delimiter (`:` or `;`), or by commas. */
export function splitPathList(raw: string, delimiter = process.platform === 'win32' ? ';' : ':'): string[] {
  return raw
    .split(new RegExp(`[${delimiter},]`))
    .map((s) => s.trim())
    .filter(Boolean);
}

export function formatSetting(value: unknown): string {
  return Array.isArray(value) ? value.join(process.platform === 'win32' ? ';' : ':') : String(value ?? '');
}
