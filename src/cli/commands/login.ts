import { Args, Flags } from '@oclif/core';

import {
  accountContext,
  accountOf,
  keyLogin,
  parseRoleSpec,
  passwordLogin,
  requireSession,
  roleId,
  roleLabel,
  storeSignedIn,
  switchSessionRole,
  toSessionRole,
  type Role,
  type RoleChoice,
  type RoleSpec,
  type SignedIn,
} from '../../lib/account/index.js';
import {
  BaseCommand,
  pickRoleInteractively,
  insecureStorageFlag,
  keyFlag,
  portalFlag,
  roleFlag,
  secretFlags,
  type Spinner,
} from '../index.js';
import { UsageError } from '../../lib/errors/index.js';
import { t } from '../../lib/i18n/index.js';
import { openKey } from '../../lib/keys/index.js';
import { logout as portalLogout } from '../../lib/portal/index.js';

/** `--json` result of `oneid login`. */
export interface LoginResult {
  login: string;
  /** Portal host the session belongs to. */
  portal: string;
  method: 'password' | 'key' | 'switch-role';
  role: Role;
  /** How the role was decided: --role, the picker, the only one, or the individual by default. */
  roleChosenBy: RoleChoice;
  /** Every role the account can act in. */
  roles: Role[];
  previousRole?: Role;
  accountStatus?: 'verified' | 'unverified';
  expiresAt?: string;
  storage: 'keychain' | 'file' | 'ONEID_TOKEN';
}

export default class Login extends BaseCommand<typeof Login> {
  static override summary = t('cmd.login.summary');
  static override description = `Password login asks for the account password (--password-file, --password-stdin or
ONEID_PASSWORD in scripts). --key signs the portal's challenge with a signature key instead (the key
password from --key-password-file, --key-password-stdin or ONEID_KEY_PASSWORD); a company key logs
in as that legal entity.

When the account has several roles (the individual and bound legal entities), --role chooses one:
"individual", a TIN, or TIN:role. Without --role an interactive terminal shows a picker; a script
gets the individual, and a warning says so. --switch-role changes the role of the current session
in place.

The session (token, login, role, expiry) is kept in the OS keychain, or with --insecure-storage in a
file only you can read. Exit 3: wrong login or password, or the role is not available.

JSON result: { login, portal, method: "password" | "key" | "switch-role", role: { type, tin?, name?,
role? }, roleChosenBy: "flag" | "picker" | "only" | "default", roles: [role], previousRole?,
accountStatus?: "verified" | "unverified", expiresAt?, storage: "keychain" | "file" | "ONEID_TOKEN" }`;
  static override examples = [
    '<%= config.bin %> login ozoda01 --password-file ~/.oneid-pass --insecure-storage',
    'echo "$PASS" | <%= config.bin %> login ozoda01 --password-stdin --role "281058213:Common For Head"',
    '<%= config.bin %> login --key DS401088144165590001.pfx --key-password-file ~/.key-pass',
    '<%= config.bin %> login --switch-role --role individual',
  ];
  static override args = {
    login: Args.string({ description: 'Account login (asked when missing).' }),
  };
  static override flags = {
    key: keyFlag('Log in with this key instead of a password.'),
    role: roleFlag,
    'switch-role': Flags.boolean({
      summary: 'Change the role of the current session instead of logging in.',
    }),
    ...secretFlags('password'),
    ...secretFlags('key-password'),
    'insecure-storage': insecureStorageFlag,
    portal: portalFlag,
  };

  async run(): Promise<LoginResult> {
    const f = this.flags;
    const spec: RoleSpec | undefined = f.role === undefined ? undefined : parseRoleSpec(f.role);
    const { http, place } = accountContext(this.settings, f['insecure-storage'], {
      warn: (m) => this.warning(m),
    });
    const pick =
      spec || !this.term.interactive
        ? undefined
        : (roles: Role[], current?: Role) => this.pickRole(roles, current);

    if (f['switch-role']) {
      const session = await requireSession(place);
      const switched = await this.busy(t('account.progress.switching'), () =>
        switchSessionRole(http, session.token, { spec, pick }),
      );
      const login =
        session.source === 'ONEID_TOKEN' ? (await accountOf(http, session.token)).user_id : session.login;
      if (session.source !== 'ONEID_TOKEN')
        await place.store.set(place.profile, { ...session, role: toSessionRole(switched.role) });
      this.out(t('account.login.switched', { role: roleLabel(switched.role) }));
      const result: LoginResult = {
        login,
        portal: place.host,
        method: 'switch-role',
        role: switched.role,
        roleChosenBy: spec ? 'flag' : pick ? 'picker' : 'default',
        roles: switched.roles,
        previousRole: switched.previous,
        storage: session.source,
      };
      if (session.source !== 'ONEID_TOKEN') result.expiresAt = session.expiresAt;
      return result;
    }

    // ONEID_TOKEN is the session while it is set: a new login could not be stored anyway.
    if (place.store.source === 'ONEID_TOKEN')
      throw new UsageError('SESSION_TOKEN_READ_ONLY', 'session.error.tokenReadOnly', {
        hintKey: 'session.hint.tokenReadOnly',
      });

    // Fail early (exit 9) when the keychain is unavailable, before a portal session is opened
    // that could not be kept.
    await place.store.assertWritable?.();
    const previous = await place.store.get(place.host, place.profile);

    let login: string;
    let signedIn: SignedIn;
    if (f.key !== undefined) {
      const key = await openKey(
        f.key,
        async () => (await this.secret('key-password', 'account.prompt.keyPassword')).value,
        {
          roots: this.settings.get('key-roots'),
        },
      );
      signedIn = await this.busy(t('account.progress.signingIn'), () => keyLogin(http, key, { spec, pick }));
      login = (await accountOf(http, signedIn.token)).user_id;
    } else {
      login = await this.valueOrPrompt(this.args.login, { arg: 'LOGIN' }, (p, ctx) =>
        p.input({ message: t('account.prompt.login'), required: true }, ctx),
      );
      const password = (await this.secret('password', 'account.prompt.password')).value;
      signedIn = await this.busy(t('account.progress.signingIn'), () =>
        passwordLogin(http, { login, password }, { spec, pick }),
      );
    }
    await storeSignedIn(place, login, signedIn);
    // The session this one replaces is ended on the portal too (best effort: it expires anyway).
    if (previous && previous.token !== signedIn.token)
      await portalLogout(http, previous.token).catch(() => undefined);

    this.out(t('account.login.done', { login, role: roleLabel(signedIn.role) }));
    if (signedIn.roleChosenBy === 'default')
      this.warning(t('account.login.defaultRole', { roles: signedIn.roles.map(roleId).join(', ') }));
    if (place.store.source === 'file') this.warning(t('account.session.insecure'));
    if (signedIn.accountStatus === 'unverified') this.hint('account.hint.verify');
    return {
      login,
      portal: place.host,
      method: f.key === undefined ? 'password' : 'key',
      role: signedIn.role,
      roleChosenBy: signedIn.roleChosenBy,
      roles: signedIn.roles,
      ...(signedIn.accountStatus ? { accountStatus: signedIn.accountStatus } : {}),
      expiresAt: signedIn.expiresAt,
      storage: place.store.source,
    };
  }

  /** The spinner shown while the portal answers; the role picker stops it first. */
  private spinning?: Spinner;

  private async busy<T>(text: string, work: () => Promise<T>): Promise<T> {
    this.spinning = await this.spinner(text);
    try {
      return await work();
    } finally {
      this.spinning.stop();
      this.spinning = undefined;
    }
  }

  private async pickRole(roles: Role[], current?: Role): Promise<Role> {
    this.spinning?.stop();
    const prompts = await import('@inquirer/prompts');
    return pickRoleInteractively(prompts, roles, process.stderr, current);
  }
}
