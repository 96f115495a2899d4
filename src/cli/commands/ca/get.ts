import { Args, Flags } from '@oclif/core';

import { BaseCommand, portalFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { PortalHttp } from '../../../lib/portal/index.js';
import { fetchPortalAnchors, saveAnchors, type AnchorInfo } from '../../../lib/trust/index.js';

/** `--json` result of `oneid ca get`. */
export interface CaGetResult {
  portal: string;
  /** Where the PEM bundle was written; absent when it went to stdout. */
  file?: string;
  certificates: AnchorInfo[];
}

export default class CaGet extends BaseCommand<typeof CaGet> {
  static override summary = t('cmd.ca.get.summary');
  static override description = `Fetches the portal's root CA certificate (with --tsa also its time-stamping certificate) and
writes it as PEM: to FILE, or to stdout when no FILE is given. This is the file that
"key verify --ca", "key doctor --ca" and OpenSSL's -CAfile take. The SHA-256 fingerprint is printed
so that you can compare it with the one the portal publishes elsewhere. An existing FILE is
replaced only with --force.

JSON result: { portal, file?, certificates: [{ role: "ca" | "tsa", subject, serial, validTo, sha256 }] }`;
  static override examples = [
    '<%= config.bin %> ca get root-ca.pem',
    '<%= config.bin %> ca get --tsa > anchors.pem',
    '<%= config.bin %> ca get root-ca.pem --force --json',
  ];
  static override args = {
    file: Args.string({ description: 'Where to write the PEM bundle (default: stdout).' }),
  };
  static override flags = {
    tsa: Flags.boolean({ summary: 'Add the time-stamping authority certificate.' }),
    force: Flags.boolean({ summary: 'Replace FILE if it exists.' }),
    portal: portalFlag,
  };

  async run(): Promise<CaGetResult> {
    const portal = this.settings.get('portal');
    const anchors = await fetchPortalAnchors(new PortalHttp({ baseUrl: portal }), { tsa: this.flags.tsa });
    const file = this.args.file;
    if (file) await saveAnchors(file, anchors.pem, { force: this.flags.force });
    else if (!this.jsonEnabled()) process.stdout.write(anchors.pem);
    for (const c of anchors.certificates)
      this.note(
        t('common.trust.saved', { subject: c.subject, sha256: c.sha256, validTo: c.validTo.slice(0, 10) }),
      );
    if (file) this.note(t('common.trust.written', { file }));
    return { portal, ...(file ? { file } : {}), certificates: anchors.certificates };
  }
}
