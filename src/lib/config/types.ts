/** The settings a profile can hold: a leaf both `settings.ts` and `environment.ts` import (no circle). */
export interface ProfileSettings {
  portal?: string;
  lang?: string;
  'key-roots'?: string[];
  storage?: 'keychain' | 'file';
}

export type SettingName = keyof ProfileSettings;
