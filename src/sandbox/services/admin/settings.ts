/**
 * Changing portal data through the administration API: every value is checked against its range
 * first (the refusal names the setting and the range, and nothing is changed); then the settings
 * are reloaded and the rate limiter starts afresh.
 */
import type { Ctx } from '../../context.js';
import { badRequest } from '../../http/errors.js';
import {
  saveSettings,
  SETTING_RANGES,
  settingProblem,
  type SettingName,
  type Settings,
} from '../../settings.js';

export function changeSettings(ctx: Ctx, changes: Partial<Settings>): Settings {
  for (const [name, value] of Object.entries(changes)) {
    const problem = settingProblem(name, value);
    if (problem) {
      const r = SETTING_RANGES[name as SettingName];
      throw badRequest('SETTING_OUT_OF_RANGE', `${problem}.`, { setting: name, ...r });
    }
  }
  saveSettings(ctx.db, changes);
  ctx.reloadSettings();
  ctx.limiter.reset();
  return ctx.settings;
}
