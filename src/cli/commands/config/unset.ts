import { Args } from '@oclif/core';

import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  assertProfileName,
  assertSettingName,
  formatSetting,
  writeSetting,
} from '../../../lib/config/index.js';

/** `--json` result of `oneid config unset`. */
export interface ConfigUnsetResult {
  profile: string;
  key: string;
  /** Whether the profile held a value before. */
  removed: boolean;
  /** The effective value now (environment or default). */
  effective: string | string[];
}

export default class ConfigUnset extends BaseCommand<typeof ConfigUnset> {
  static override summary = t('cmd.config.unset.summary');
  static override description = t('cmd.config.unset.description');
  static override examples = [
    '<%= config.bin %> config unset portal',
    '<%= config.bin %> config unset lang --profile work',
  ];
  static override args = {
    key: Args.string({ description: t('cmd.config.unset.arg.key'), required: true }),
  };

  async run(): Promise<ConfigUnsetResult> {
    const name = assertSettingName(this.args.key);
    const profile = assertProfileName(this.ctx.settings.profile);
    const removed = this.ctx.settings.storedValue(name) !== undefined;
    if (removed) await writeSetting(profile, name, undefined);
    const { Settings } = await import('../../../lib/config/index.js');
    const effective = new Settings(profile).get(name) as string | string[];
    this.ctx.note(t(removed ? 'config.unset.done' : 'config.unset.absent', { key: name, profile }));
    this.ctx.note(t('config.unset.effective', { value: formatSetting(effective) }));
    return { profile, key: name, removed, effective };
  }
}
