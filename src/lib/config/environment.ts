/**
 * Every environment variable oneid reads, in one list: `oneid help environment` prints it, the
 * settings resolver takes the variables that override settings from it, and a test holds the
 * README's table and the source to it (a variable read anywhere in src/ must be listed here).
 */
import type { SettingName } from './types.js';

export interface EnvironmentVariable {
  name: string;
  /** Catalog key of its meaning (`help.env.<NAME>`). */
  key: string;
  /** The setting it overrides (flag > this variable > profile > default). */
  setting?: SettingName;
  /** Its value is a secret: never shown, only whether it is set. */
  secret?: true;
}

// Keys are written out (not built from the name) so that the catalog test sees each one used.
const v = (
  name: string,
  key: string,
  extra: Omit<EnvironmentVariable, 'name' | 'key'> = {},
): EnvironmentVariable => ({ name, key, ...extra });

export const ENVIRONMENT: readonly EnvironmentVariable[] = [
  v('ONEID_PORTAL', 'help.env.ONEID_PORTAL', { setting: 'portal' }),
  v('ONEID_PROFILE', 'help.env.ONEID_PROFILE'),
  v('ONEID_TOKEN', 'help.env.ONEID_TOKEN', { secret: true }),
  v('ONEID_LANG', 'help.env.ONEID_LANG', { setting: 'lang' }),
  v('ONEID_KEYS_PATH', 'help.env.ONEID_KEYS_PATH', { setting: 'key-roots' }),
  v('ONEID_KEYS_SYSTEM_ROOTS', 'help.env.ONEID_KEYS_SYSTEM_ROOTS'),
  v('ONEID_CONFIG_DIR', 'help.env.ONEID_CONFIG_DIR'),
  v('ONEID_NO_PROMPT', 'help.env.ONEID_NO_PROMPT'),
  v('ONEID_DEBUG', 'help.env.ONEID_DEBUG'),
  v('ONEID_PASSWORD', 'help.env.ONEID_PASSWORD', { secret: true }),
  v('ONEID_KEY_PASSWORD', 'help.env.ONEID_KEY_PASSWORD', { secret: true }),
  v('ONEID_NEW_KEY_PASSWORD', 'help.env.ONEID_NEW_KEY_PASSWORD', { secret: true }),
  v('ONEID_SMS_CODE', 'help.env.ONEID_SMS_CODE', { secret: true }),
  v('ONEID_REVOCATION', 'help.env.ONEID_REVOCATION', { setting: 'revocation' }),
  v('ONEID_SANDBOX_DATA', 'help.env.ONEID_SANDBOX_DATA'),
  v('NO_COLOR', 'help.env.NO_COLOR'),
  v('FORCE_COLOR', 'help.env.FORCE_COLOR'),
  v('CI', 'help.env.CI'),
];
