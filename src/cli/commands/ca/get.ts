import { Args, Flags } from '@oclif/core';

import { BaseCommand, portalFlag } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
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
  static override description = t('cmd.ca.get.description');
  static override examples = [
    '<%= config.bin %> ca get root-ca.pem',
    '<%= config.bin %> ca get --tsa > anchors.pem',
    '<%= config.bin %> ca get root-ca.pem --force --json',
  ];
  static override args = {
    file: Args.string({ description: t('cmd.ca.get.arg.file') }),
  };
  static override flags = {
    tsa: Flags.boolean({ summary: t('cmd.ca.get.flag.tsa') }),
    force: Flags.boolean({ summary: t('cmd.ca.get.flag.force') }),
    portal: portalFlag,
  };

  async run(): Promise<CaGetResult> {
    const { ctx, args, flags } = this;
    const anchors = await fetchPortalAnchors(await ctx.portal(), { tsa: flags.tsa });
    if (args.file) await saveAnchors(args.file, anchors.pem, { force: flags.force });
    else ctx.write(anchors.pem);
    for (const c of anchors.certificates)
      ctx.note(
        t('common.trust.saved', { subject: c.subject, sha256: c.sha256, validTo: c.validTo.slice(0, 10) }),
      );
    if (args.file) ctx.note(t('common.trust.written', { file: args.file }));
    return {
      portal: ctx.settings.get('portal'),
      ...(args.file ? { file: args.file } : {}),
      certificates: anchors.certificates,
    };
  }
}
