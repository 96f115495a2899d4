import { BaseCommand } from '../../index.js';
import { ENVIRONMENT } from '../../../lib/config/index.js';
import { t } from '../../../lib/i18n/index.js';

/** `--json` result of `oneid help environment`. */
export interface EnvironmentResult {
  variables: Array<{ name: string; meaning: string; set: boolean }>;
}

export default class HelpEnvironment extends BaseCommand<typeof HelpEnvironment> {
  static override summary = t('cmd.help.environment.summary');
  static override description = t('cmd.help.environment.description');
  static override examples = [
    '<%= config.bin %> help environment',
    '<%= config.bin %> help environment --json',
  ];

  async run(): Promise<EnvironmentResult> {
    const { ctx } = this;
    const variables = ENVIRONMENT.map(({ name, key }) => ({
      name,
      meaning: t(key),
      set: process.env[name] !== undefined,
    }));
    const width = Math.max(...variables.map((v) => v.name.length));
    for (const v of variables)
      ctx.out(`${v.name.padEnd(width)}  ${v.meaning}${v.set ? ctx.style.dim(' [set]') : ''}`);
    ctx.note(t('help.env.precedence'));
    return { variables };
  }
}
