import { accountContext, accountOf, bindWithKey, requireSession } from '../../../lib/account/index.js';
import {
  BaseCommand,
  pickKeyInteractively,
  insecureStorageFlag,
  keyFlag,
  portalFlag,
  secretFlags,
} from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { openKey } from '../../../lib/keys/index.js';

/** `--json` result of `oneid le bind`. */
export interface LeBindResult {
  tin: string;
  name: string;
  /** Your role in the legal entity, e.g. "Common For Head". */
  role: string;
  /** Serial number of the company key that signed. */
  keySerial: string;
}

export default class LeBind extends BaseCommand<typeof LeBind> {
  static override summary = t('cmd.le.bind.summary');
  static override description = `Signs the portal's challenge with the legal entity's key (its certificate carries the
company TIN and your PINFL). Only a verified account can bind, and only the director recorded in the
company registry. Afterwards choose the new role: oneid login --switch-role --role <TIN>, or log in
again. Without --key an interactive terminal shows the keys found, company keys first.

Exit 3 when not logged in, 4 on a wrong key password, 5 for an expired key, 8 when the portal refuses
(ACCOUNT_UNVERIFIED, PINFL_MISMATCH, NOT_DIRECTOR, ALREADY_BOUND…).

JSON result: { tin, name, role, keySerial }`;
  static override examples = [
    '<%= config.bin %> le bind --key DS2810582130001.pfx --key-password-file ~/.key-pass',
  ];
  static override flags = {
    key: keyFlag("The legal entity's key."),
    ...secretFlags('key-password'),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LeBindResult> {
    const { http, place } = accountContext(this.settings, this.flags['insecure-storage'], {
      warn: (m) => this.warning(m),
    });
    const session = await requireSession(place);
    const account = await accountOf(http, session.token);
    const roots = this.settings.get('key-roots');
    const { entity, key } = await bindWithKey(http, session.token, account, async () => {
      const ref = await this.valueOrPrompt(this.flags.key, 'key', (p, ctx) =>
        pickKeyInteractively(p, ctx.output, { roots, prefer: 'company' }),
      );
      return openKey(
        ref,
        async () => (await this.secret('key-password', 'account.prompt.keyPassword')).value,
        { roots },
      );
    });
    this.out(t('account.le.bound', { name: entity.name, tin: entity.tin, role: entity.role }));
    this.hint('account.hint.afterBind', { tin: entity.tin });
    return { tin: entity.tin, name: entity.name, role: entity.role, keySerial: key.serial };
  }
}
