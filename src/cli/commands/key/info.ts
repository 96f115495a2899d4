import { Args, Flags } from '@oclif/core';

import { BaseCommand } from '../../index.js';
import { keyPasswordFlags } from '../../flags/keys.js';
import { t } from '../../../lib/i18n/index.js';
import {
  inspectKey,
  resolveKeyRef,
  type CertificateDetails,
  type KeyInspection,
} from '../../../lib/keys/index.js';
import type { ProtectionInfo } from '../../../lib/pki/index.js';

/** `--json` result of `oneid key info`: the KeyInspection of src/lib/keys. */
export type KeyInfoResult = KeyInspection;

export default class KeyInfo extends BaseCommand<typeof KeyInfo> {
  static override summary = t('cmd.key.info.summary');
  static override description = t('cmd.key.info.description');
  static override examples = [
    '<%= config.bin %> key info ~/DSKEYS/DS2810582130001.pfx',
    '<%= config.bin %> key info 281058213 --json',
    '<%= config.bin %> key info 31205891372515 --check-password --key-password-file ~/.key-pass',
  ];
  static override args = {
    key: Args.string({ description: t('cmd.key.info.arg.key'), required: true }),
  };
  static override flags = {
    'check-password': Flags.boolean({ summary: t('cmd.key.info.flag.check-password') }),
    ...keyPasswordFlags,
  };

  async run(): Promise<KeyInfoResult> {
    const { ctx } = this;
    const { path } = await resolveKeyRef(this.args.key, { roots: ctx.settings.get('key-roots') });
    const password = this.flags['check-password']
      ? (await ctx.secret('key-password', 'keys.prompt.password')).value
      : undefined;
    const info = await inspectKey(path, password);
    this.render(info);
    return info;
  }

  private render(info: KeyInspection): void {
    const row = (label: string, value: string) => this.out(`${this.style.bold(label.padEnd(24))} ${value}`);
    row(t('keys.info.file'), info.path);
    if (info.alias) row(t('keys.info.alias'), info.alias);
    const c = info.certificate;
    if (c) {
      this.renderCertificate(c, row);
      for (const [i, ca] of info.chain.entries())
        row(i ? '' : t('keys.info.chain'), `${ca.subject} (${ca.validTo.slice(0, 10)})`);
    } else {
      const s = info.summary;
      if (s.owner) row(t('keys.info.subject'), s.owner);
      if (s.serial) row(t('keys.info.serial'), s.serial);
      if (s.validFrom && s.validTo)
        row(t('keys.info.validity'), this.validity(s.validFrom, s.validTo, s.daysLeft ?? 0, s.state));
      const described = s.owner || s.serial || s.validTo;
      this.note(
        this.style.yellow(t(described ? 'keys.info.certEncrypted' : 'keys.info.certEncryptedNoAlias')),
      );
    }
    for (const [i, p] of info.protection.keys.entries())
      row(i ? '' : t('keys.info.protection'), this.prot(p));
    row(
      t('keys.info.certProtection'),
      info.protection.safes.length
        ? info.protection.safes.map((p) => this.prot(p)).join('; ')
        : t('keys.info.none'),
    );
    const mac = info.protection.mac;
    row(
      t('keys.info.mac'),
      mac
        ? t('keys.info.macValue', { hash: mac.hash.toUpperCase(), iterations: mac.iterations })
        : t('keys.info.none'),
    );
    if (info.aliasMismatch.length)
      this.warning(t('keys.info.aliasMismatch', { fields: info.aliasMismatch.join(', ') }));
    if (info.passwordChecked) {
      this.out(t('keys.info.passwordOk'));
      if (info.keyMatchesCertificate !== undefined)
        this.out(
          t('keys.info.match', {
            value: info.keyMatchesCertificate ? t('keys.info.yes') : this.style.red(t('keys.info.no')),
          }),
        );
    }
  }

  private renderCertificate(c: CertificateDetails, row: (l: string, v: string) => void): void {
    row(t('keys.info.subject'), c.subject);
    row(t('keys.info.issuer'), c.issuer);
    row(t('keys.info.serial'), c.serial);
    row(t('keys.info.validity'), this.validity(c.validFrom, c.validTo, c.daysLeft, c.state));
    row(
      t('keys.info.key'),
      [c.key.algorithm, c.key.curve, c.key.bits ? `${c.key.bits} bit` : ''].filter(Boolean).join(' '),
    );
    if (c.keyUsage) row(t('keys.info.keyUsage'), c.keyUsage.join(', '));
    if (c.policies) row(t('keys.info.policies'), c.policies.join(', '));
    row(t('keys.info.fingerprint'), `SHA-256 ${c.fingerprints.sha256}`);
    row('', `SHA-1   ${c.fingerprints.sha1}`);
  }

  private validity(from: string, to: string, days: number, state?: string): string {
    const stateText =
      state === 'expired'
        ? this.style.red(t('keys.list.state.expired'))
        : state === 'not-yet-valid'
          ? this.style.yellow(t('keys.list.state.notYet'))
          : t('keys.list.state.valid');
    const range = { from: from.slice(0, 19), to: to.slice(0, 19), state: stateText };
    if (state === 'expired') return t('keys.info.validityExpired', { ...range, days: Math.abs(days) });
    return t('keys.info.validityValue', { ...range, days });
  }

  private prot = (p: ProtectionInfo): string =>
    `${[p.scheme, p.kdf, p.prf, p.cipher].filter(Boolean).join(', ')}, ${p.iterations} it.`;
}
