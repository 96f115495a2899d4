import { BaseCommand } from '../../lib/cli/index.js';
import { t } from '../../lib/i18n/index.js';

/** `--json` result of `oneid help environment`. */
export interface EnvironmentResult {
  variables: Array<{ name: string; meaning: string; set: boolean }>;
}

const VARIABLES: ReadonlyArray<readonly [string, string]> = [
  ['ONEID_PORTAL', 'help.env.ONEID_PORTAL'],
  ['ONEID_PROFILE', 'help.env.ONEID_PROFILE'],
  ['ONEID_TOKEN', 'help.env.ONEID_TOKEN'],
  ['ONEID_LANG', 'help.env.ONEID_LANG'],
  ['ONEID_KEYS_PATH', 'help.env.ONEID_KEYS_PATH'],
  ['ONEID_KEYS_SYSTEM_ROOTS', 'help.env.ONEID_KEYS_SYSTEM_ROOTS'],
  ['ONEID_CONFIG_DIR', 'help.env.ONEID_CONFIG_DIR'],
  ['ONEID_NO_PROMPT', 'help.env.ONEID_NO_PROMPT'],
  ['ONEID_DEBUG', 'help.env.ONEID_DEBUG'],
  ['ONEID_PASSWORD', 'help.env.ONEID_PASSWORD'],
  ['ONEID_KEY_PASSWORD', 'help.env.ONEID_KEY_PASSWORD'],
  ['NO_COLOR', 'help.env.NO_COLOR'],
  ['FORCE_COLOR', 'help.env.FORCE_COLOR'],
  ['CI', 'help.env.CI'],
];

export default class HelpEnvironment extends BaseCommand<typeof HelpEnvironment> {
  static override summary = t('cmd.help.environment.summary');
  static override description = `Precedence everywhere: flag > environment > profile in the config file > built-in default. Values of secret variables are never shown.

JSON result: { variables: [{ name, meaning, set }] }`;
  static override examples = [
    '<%= config.bin %> help environment',
    '<%= config.bin %> help environment --json',
  ];

  async run(): Promise<EnvironmentResult> {
    const variables = VARIABLES.map(([name, key]) => ({
      name,
      meaning: t(key),
      set: process.env[name] !== undefined,
    }));
    const width = Math.max(...variables.map((v) => v.name.length));
    for (const v of variables)
      this.out(`${v.name.padEnd(width)}  ${v.meaning}${v.set ? this.style.dim(' [set]') : ''}`);
    this.note(t('help.env.precedence'));
    return { variables };
  }
}
