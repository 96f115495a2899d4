import { Args } from '@oclif/core';

import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { formatSetting, unsetSetting } from '../../../lib/config/index.js';

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
    const { ctx } = this;
    const r = await unsetSetting(ctx.settings, this.args.key);
    ctx.note(t(r.removed ? 'config.unset.done' : 'config.unset.absent', { key: r.key, profile: r.profile }));
    ctx.note(t('config.unset.effective', { value: formatSetting(r.effective) }));
    return r;
  }
}
