import { Args, Flags } from '@oclif/core';

import {
  parseRoleSpec,
  roleId,
  roleLabel,
  signIn,
  switchRole,
  type LoggedIn,
  type Role,
  type SignInOptions,
} from '../../lib/account/index.js';
import { BaseCommand, insecureStorageFlag, portalFlag, roleFlag, type Spinner } from '../index.js';
import { pickRoleInteractively } from '../pickers/role.js';
import { keyFlag, secretFlagsWith } from '../flags/account.js';
import { t } from '../../lib/i18n/index.js';

/** `--json` result of `oneid login`. */
export type LoginResult = LoggedIn;

export default class Login extends BaseCommand<typeof Login> {
  static override summary = t('cmd.login.summary');
  static override description = t('cmd.login.description');
  static override examples = [
    '<%= config.bin %> login ozoda01 --password-file ~/.oneid-pass --insecure-storage',
    'echo "$PASS" | <%= config.bin %> login ozoda01 --password-stdin --role "281058213:Common For Head"',
    '<%= config.bin %> login --key DS401088144165590001.pfx --key-password-file ~/.key-pass',
    '<%= config.bin %> login --switch-role --role individual',
  ];
  static override args = {
    login: Args.string({ description: t('cmd.login.arg.login') }),
  };
  static override flags = {
    key: keyFlag(t('cmd.login.flag.key')),
    role: roleFlag,
    'switch-role': Flags.boolean({ summary: t('cmd.login.flag.switch-role') }),
    ...secretFlagsWith('password', t('cmd.login.flag.password-file'), t('cmd.login.flag.password-stdin')),
    ...secretFlagsWith(
      'key-password',
      t('cmd.login.flag.key-password-file'),
      t('cmd.login.flag.key-password-stdin'),
    ),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  /** The spinner shown while the portal answers; the role picker stops it first. */
  private spinning?: Spinner;

  async run(): Promise<LoginResult> {
    const { ctx, flags: f } = this;
    const spec = f.role === undefined ? undefined : parseRoleSpec(f.role);
    const o: SignInOptions = {
      spec,
      pick: spec || !ctx.term.interactive ? undefined : (roles, current) => this.pickRole(roles, current),
    };
    if (f['switch-role']) {
      const switched = await switchRole(await ctx.portal(), await ctx.sessions(), {
        ...o,
        busy: (work) => this.busy(t('account.progress.switching'), work),
      });
      ctx.out(t('account.login.switched', { role: roleLabel(switched.role) }));
      return switched;
    }
    const usage = `${this.config.bin} login LOGIN`;
    const r = await signIn(await ctx.portal(), await ctx.sessions(), {
      ...o,
      busy: (work) => this.busy(t('account.progress.signingIn'), work),
      ...(f.key === undefined
        ? {
            credentials: async () => ({
              login: await ctx.valueOrAsk(this.args.login, { arg: 'LOGIN', usage }, (p) =>
                p.input({ message: t('account.prompt.login') }),
              ),
              password: (await ctx.secret('password', 'account.prompt.password')).value,
            }),
          }
        : { key: () => ctx.openKey(f.key!, 'account.prompt.keyPassword') }),
    });
    ctx.out(t('account.login.done', { login: r.login, role: roleLabel(r.role) }));
    if (r.roleChosenBy === 'default')
      ctx.warning(t('account.login.defaultRole', { roles: r.roles.map(roleId).join(', ') }));
    if (r.storage === 'file') ctx.warning(t('account.session.insecure'));
    if (r.accountStatus === 'unverified') ctx.hint('account.hint.verify');
    return r;
  }

  private async busy<T>(text: string, work: () => Promise<T>): Promise<T> {
    this.spinning = await this.ctx.spinner(text);
    try {
      return await work();
    } finally {
      this.spinning.stop();
      this.spinning = undefined;
    }
  }

  private pickRole(roles: Role[], current?: Role): Promise<Role> {
    this.spinning?.stop();
    return pickRoleInteractively(this.ctx.prompter, roles, current);
  }
}
