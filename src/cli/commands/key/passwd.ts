import { Args, Flags } from '@oclif/core';

import { BaseCommand, secretFlags } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { changeKeyPassword, resolveKeyRef, type ChangePasswordResult } from '../../../lib/keys/index.js';

/** `--json` result of `oneid key passwd`. */
export type KeyPasswdResult = ChangePasswordResult;

export default class KeyPasswd extends BaseCommand<typeof KeyPasswd> {
  static override summary = t('cmd.key.passwd.summary');
  static override description = `The old password is checked and the new file is built and re-opened in memory before anything
is written; then the old file is kept as <file>.bak (unless --no-backup) and the key file is replaced
atomically (temporary file, fsync, rename; mode 0600). A wrong old password exits 4 and writes nothing.
The encryption stays as it was (PBES2/AES-256 or the legacy 3DES), at least 10,000 iterations;
--legacy writes 3DES + SHA-1 MAC for Java-8-era software.
Passwords: --key-password-file/--key-password-stdin or ONEID_KEY_PASSWORD (old),
--new-key-password-file/--new-key-password-stdin or ONEID_NEW_KEY_PASSWORD (new), else prompts.

JSON result: { path, backup?, legacy }`;
  static override examples = [
    '<%= config.bin %> key passwd ~/DSKEYS/DS401088144165590001.pfx',
    '<%= config.bin %> key passwd 31205891372515 --key-password-file ~/.key-pass --new-key-password-file ~/.new-key-pass --no-backup --json',
  ];
  static override args = {
    key: Args.string({
      description: 'Key file, alias, PINFL/TIN or certificate serial number.',
      required: true,
    }),
  };
  static override flags = {
    backup: Flags.boolean({
      summary: 'Keep the old file as <file>.bak.',
      default: true,
      allowNo: true,
    }),
    legacy: Flags.boolean({
      summary: 'Write 3DES + SHA-1 MAC (for Java-8-era software) instead of AES-256.',
    }),
    ...secretFlags('key-password'),
    ...secretFlags('new-key-password'),
  };

  async run(): Promise<KeyPasswdResult> {
    const { path } = await resolveKeyRef(this.args.key, { roots: this.settings.get('key-roots') });
    const oldPassword = (await this.secret('key-password', 'keys.prompt.password')).value;
    const newPassword = (await this.secret('new-key-password', 'keys.prompt.newPassword', { confirm: true }))
      .value;
    const result = await changeKeyPassword(path, oldPassword, newPassword, {
      backup: this.flags.backup,
      legacy: this.flags.legacy ? true : undefined,
    });
    this.out(t('keys.passwd.done', { path: result.path }));
    if (result.backup) this.note(t('keys.passwd.backup', { backup: result.backup }));
    return result;
  }
}
