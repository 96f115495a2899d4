/** Configuration and profiles: portal URL, language, key roots, session storage mode. */
export * from './settings.js';
export * from './resolve.js';
export { configDir, configPath, readConfigFile, writeSetting, assertProfileName } from './store.js';
export * from './environment.js';
export { setSetting, unsetSetting, type SetSettingResult, type UnsetSettingResult } from './edit.js';
