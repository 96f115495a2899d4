import { accountOf, bindWithKey, requireSession } from '../../../lib/account/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag } from '../../index.js';
import { pickKeyInteractively } from '../../pickers/key.js';
import { keyFlag, secretFlagsWith } from '../../flags/account.js';
import { t } from '../../../lib/i18n/index.js';

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
  static override description = t('cmd.le.bind.description');
  static override examples = [
    '<%= config.bin %> le bind --key DS2810582130001.pfx --key-password-file ~/.key-pass',
  ];
  static override flags = {
    key: keyFlag(t('cmd.le.bind.flag.key')),
    ...secretFlagsWith(
      'key-password',
      t('cmd.le.bind.flag.key-password-file'),
      t('cmd.le.bind.flag.key-password-stdin'),
    ),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LeBindResult> {
    const { ctx } = this;
    const http = await ctx.portal();
    const session = await requireSession(await ctx.sessions());
    const account = await accountOf(http, session.token);
    const { entity, key } = await bindWithKey(http, session.token, account, async () => {
      const ref = await ctx.valueOrAsk(this.flags.key, { flag: 'key' }, (p) =>
        pickKeyInteractively(p, { roots: ctx.settings.get('key-roots'), prefer: 'company' }),
      );
      return ctx.openKey(ref, 'account.prompt.keyPassword');
    });
    ctx.out(t('account.le.bound', { name: entity.name, tin: entity.tin, role: entity.role }));
    ctx.hint('account.hint.afterBind', { tin: entity.tin });
    return { tin: entity.tin, name: entity.name, role: entity.role, keySerial: key.serial };
  }
}
