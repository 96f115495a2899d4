import { Args } from '@oclif/core';

import { t } from '../../../lib/i18n/index.js';
import { BaseCommand } from '../../index.js';
import { assertSettingName, formatSetting, type SettingSource } from '../../../lib/config/index.js';

/** `--json` result of `oneid config get`. */
export interface ConfigGetResult {
  profile: string;
  key: string;
  value: string | string[];
  source: SettingSource;
  origin?: string;
}

export default class ConfigGet extends BaseCommand<typeof ConfigGet> {
  static override summary = t('cmd.config.get.summary');
  static override description = t('cmd.config.get.description');
  static override examples = [
    '<%= config.bin %> config get portal',
    '<%= config.bin %> config get lang --json',
  ];
  static override args = {
    key: Args.string({ description: t('cmd.config.get.arg.key'), required: true }),
  };

  async run(): Promise<ConfigGetResult> {
    const { ctx } = this;
    const name = assertSettingName(this.args.key);
    const r = ctx.settings.resolve(name);
    ctx.out(formatSetting(r.value));
    const result: ConfigGetResult = {
      profile: ctx.settings.profile,
      key: name,
      value: r.value,
      source: r.source,
    };
    if (r.origin) result.origin = r.origin;
    return result;
  }
}
