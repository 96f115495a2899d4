import { Args } from '@oclif/core';

import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { formatSetting, setSetting } from '../../../lib/config/index.js';

/** `--json` result of `oneid config set`. */
export interface ConfigSetResult {
  profile: string;
  key: string;
  value: string | string[];
  path: string;
}

export default class ConfigSet extends BaseCommand<typeof ConfigSet> {
  static override summary = t('cmd.config.set.summary');
  static override description = t('cmd.config.set.description');
  static override examples = [
    '<%= config.bin %> config set portal http://127.0.0.1:8765',
    '<%= config.bin %> config set lang uz --profile work',
    '<%= config.bin %> config set key-roots /media/usb:/home/me/keys --json',
  ];
  static override args = {
    key: Args.string({ description: t('cmd.config.set.arg.key'), required: true }),
    value: Args.string({ description: t('cmd.config.set.arg.value'), required: true }),
  };

  async run(): Promise<ConfigSetResult> {
    const { ctx, args } = this;
    const { envOverride, ...r } = await setSetting(ctx.settings, args.key, args.value);
    if (envOverride) ctx.warning(t('config.warn.envOverrides', { env: envOverride, key: r.key }));
    ctx.note(t('config.set.done', { key: r.key, value: formatSetting(r.value), profile: r.profile }));
    return r;
  }
}
