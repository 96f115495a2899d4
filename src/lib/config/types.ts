/** The settings a profile can hold: a leaf both `settings.ts` and `environment.ts` import (no circle). */
export interface ProfileSettings {
  portal?: string;
  lang?: string;
  'key-roots'?: string[];
  storage?: 'keychain' | 'file';
  /** Revocation checking of keys and signatures: auto, require or off. */
  revocation?: 'auto' | 'require' | 'off';
}

export type SettingName = keyof ProfileSettings;
