import { t } from '../../../lib/i18n/index.js';
import { BaseCommand } from '../../index.js';
import { configPath, formatSetting, readConfigFile, type SettingSource } from '../../../lib/config/index.js';

/** `--json` result of `oneid config list`. */
export interface ConfigListResult {
  profile: string;
  path: string;
  profiles: string[];
  settings: Array<{ key: string; value: string | string[]; source: SettingSource; origin?: string }>;
}

export default class ConfigList extends BaseCommand<typeof ConfigList> {
  static override summary = t('cmd.config.list.summary');
  static override description = t('cmd.config.list.description');
  static override examples = [
    '<%= config.bin %> config list',
    '<%= config.bin %> config list --json --profile work',
  ];

  async run(): Promise<ConfigListResult> {
    const { ctx } = this;
    const settings = ctx.settings.all().map((r) => {
      const row: ConfigListResult['settings'][number] = {
        key: r.name,
        value: r.value as string | string[],
        source: r.source,
      };
      if (r.origin) row.origin = r.origin;
      return row;
    });
    const width = Math.max(...settings.map((s) => s.key.length));
    for (const s of settings) {
      const src = s.origin ? `${s.source}: ${s.origin}` : s.source;
      ctx.out(`${s.key.padEnd(width)}  ${formatSetting(s.value) || '-'}  ${ctx.style.dim(`(${src})`)}`);
    }
    return {
      profile: ctx.settings.profile,
      path: configPath(),
      profiles: Object.keys(readConfigFile().profiles ?? {}),
      settings,
    };
  }
}
