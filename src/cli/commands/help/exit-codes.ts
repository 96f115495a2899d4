import { BaseCommand, EXIT_DESCRIPTIONS } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';

/** `--json` result of `oneid help exit-codes`. */
export interface ExitCodesResult {
  codes: Array<{ code: number; meaning: string }>;
}

export default class HelpExitCodes extends BaseCommand<typeof HelpExitCodes> {
  static override summary = t('cmd.help.exit-codes.summary');
  static override description = t('cmd.help.exit-codes.description');
  static override examples = [
    '<%= config.bin %> help exit-codes',
    '<%= config.bin %> help exit-codes --json',
  ];

  async run(): Promise<ExitCodesResult> {
    const { ctx } = this;
    const codes = EXIT_DESCRIPTIONS.map(([code, key]) => ({ code, meaning: t(key) }));
    for (const c of codes) ctx.out(`${String(c.code).padStart(3)}  ${c.meaning}`);
    return { codes };
  }
}
