import { readFile } from 'node:fs/promises';

import { Args, Flags } from '@oclif/core';

import { BaseCommand } from '../../index.js';
import { revocationFlags } from '../../flags/keys.js';
import { UsageError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  collectSignatures,
  describeSignerRevocation,
  verifyBatch,
  type VerifiedFile,
  type VerifyBatchResult,
  type VerifyWarning,
} from '../../../lib/sign/index.js';

export type { VerifiedFile } from '../../../lib/sign/index.js';
/** `--json` result of `oneid key verify`. */
export type KeyVerifyResult = VerifyBatchResult;

const WARNING_KEYS: Record<VerifyWarning, string> = {
  DIGEST_REVERSED: 'sign.warning.digestReversed',
  CHAIN_UNCHECKED: 'sign.warning.chainUnchecked',
  NO_SIGNING_TIME: 'sign.warning.noSigningTime',
  TIMESTAMP_INVALID: 'sign.warning.timestampInvalid',
  TIMESTAMP_UNTRUSTED: 'sign.warning.timestampUntrusted',
  REVOCATION_UNKNOWN: 'sign.warning.revocationUnknown',
};

export default class KeyVerify extends BaseCommand<typeof KeyVerify> {
  static override summary = t('cmd.key.verify.summary');
  static override description = t('cmd.key.verify.description');
  static override examples = [
    '<%= config.bin %> key verify invoice.pdf.p7s --ca root-ca.pem',
    '<%= config.bin %> key verify contract.p7s --content contract.pdf --ca root-ca.pem --json',
    '<%= config.bin %> key verify "signed/**/*.p7s" --content-dir . --ca root-ca.pem',
  ];
  static override strict = false;
  static override args = {
    signature: Args.string({
      description: t('cmd.key.verify.arg.signature'),
      required: true,
      ignoreStdin: true,
    }),
  };
  static override flags = {
    content: Flags.string({ char: 'c', summary: t('cmd.key.verify.flag.content') }),
    'content-dir': Flags.string({ summary: t('cmd.key.verify.flag.content-dir') }),
    ca: Flags.string({ summary: t('cmd.key.verify.flag.ca'), multiple: true }),
    recursive: Flags.boolean({ char: 'r', summary: t('cmd.key.verify.flag.recursive') }),
    ...revocationFlags,
  };

  async run(): Promise<KeyVerifyResult> {
    const { ctx, flags } = this;
    const { argv } = await this.parse(KeyVerify);
    const signatures = await collectSignatures(argv as string[], { recursive: flags.recursive });
    const trusted = flags.ca && (await Promise.all(flags.ca.map(readCa)));
    return verifyBatch({
      signatures,
      content: flags.content,
      contentDir: flags['content-dir'],
      trusted,
      revocation: await ctx.revocation(flags.crl),
      onFile: (entry) => {
        for (const s of entry.signers)
          for (const w of s.warnings)
            ctx.warning(
              t(WARNING_KEYS[w], {
                file: entry.file,
                status: s.revocation ? describeSignerRevocation(s.revocation) : '',
              }),
            );
        this.report(entry);
      },
    });
  }

  private report(entry: VerifiedFile): void {
    if (!entry.valid) {
      this.ctx.out(t('sign.verify.failed', { file: entry.file, reason: entry.error?.message ?? '' }));
      return;
    }
    const signers = entry.signers
      .map(
        (s) =>
          t('sign.verify.signer', {
            name: s.signer?.cn ?? s.signer?.serialNumber ?? '?',
            pinfl: s.signer?.pinfl ?? '—',
            tin: s.signer?.tin ?? '—',
            time: s.timestamp?.time ?? s.signingTime ?? '—',
            chain: s.chain,
          }) +
          (s.revocation
            ? t('sign.verify.revocation', {
                status: describeSignerRevocation(s.revocation, s.timestamp?.time),
              })
            : ''),
      )
      .join('; ');
    this.ctx.out(t('sign.verify.ok', { file: entry.file, signers }));
  }
}

async function readCa(file: string): Promise<Buffer> {
  return readFile(file).catch(() => {
    throw new UsageError('SIGN_INPUT_MISSING', 'sign.error.inputMissing', { params: { paths: file } });
  });
}
