import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

import { Args, Flags } from '@oclif/core';

import { BaseCommand } from '../../index.js';
import { InternalError, isOneIdError, SignatureError, UsageError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  assertValid,
  collectInputs,
  failureError,
  verifyFile,
  type SignerReport,
  type VerifyReport,
  type VerifyWarning,
} from '../../../lib/sign/index.js';

/** One verified signature file in the `--json` result of `oneid key verify`. */
export interface VerifiedFile {
  file: string;
  /** Detached content used (the --content file or the signature's path without `.p7s`). */
  content?: string;
  valid: boolean;
  detached?: boolean;
  signers: SignerReport[];
  error?: { code: string; message: string };
}

/** `--json` result of `oneid key verify`. */
export interface KeyVerifyResult {
  valid: boolean;
  total: number;
  failed: number;
  files: VerifiedFile[];
}

const WARNING_KEYS: Record<VerifyWarning, string> = {
  DIGEST_REVERSED: 'sign.warning.digestReversed',
  CHAIN_UNCHECKED: 'sign.warning.chainUnchecked',
  NO_SIGNING_TIME: 'sign.warning.noSigningTime',
  TIMESTAMP_INVALID: 'sign.warning.timestampInvalid',
};

export default class KeyVerify extends BaseCommand<typeof KeyVerify> {
  static override summary = t('cmd.key.verify.summary');
  static override description = `Checks every signer of each signature: the content digest, the signature value, the
certificate chain up to the CAs given with --ca, and that the certificate was valid when the file
was signed (the timestamp if there is one, else the signing time). Reports the signer's name,
PINFL and TIN and the E-IMZO-SERVER status code (1 ok, -10 signature invalid, -11 certificate
invalid, -12 not valid at signing time).

A detached signature needs its content: --content FILE for one signature; for many, the file
beside each signature (x.pdf for x.pdf.p7s). --content is always what gets checked: an attached
signature whose own content differs from it does not verify. Without --ca the chain is not
checked (a warning). A signature with more than 32 signers or 128 certificates is refused.
Exit code 6 when any signature does not verify; --json then lists every file's report.

JSON result: { valid, total, failed, files: [{ file, content, valid, detached, signers[], error }] }`;
  static override examples = [
    '<%= config.bin %> key verify invoice.pdf.p7s --ca root-ca.pem',
    '<%= config.bin %> key verify contract.p7s --content contract.pdf --ca root-ca.pem --json',
    '<%= config.bin %> key verify "signed/**/*.p7s" --ca root-ca.pem',
  ];
  static override strict = false;
  static override args = {
    signature: Args.string({
      description: 'Signature files (.p7s, DER, PEM or base64), folders or patterns.',
      required: true,
      ignoreStdin: true,
    }),
  };
  static override flags = {
    content: Flags.string({ char: 'c', summary: 'The signed file, for a detached signature.' }),
    ca: Flags.string({ summary: 'Trusted CA certificates (PEM or DER file); repeatable.', multiple: true }),
    recursive: Flags.boolean({ char: 'r', summary: 'Include signatures in subfolders of folder arguments.' }),
  };

  async run(): Promise<KeyVerifyResult> {
    const { argv } = await this.parse(KeyVerify);
    const inputs = await collectSignatures(argv as string[], this.flags.recursive);
    if (inputs.length === 0) throw new UsageError('SIGN_NO_INPUTS', 'sign.error.noInputs');
    if (this.flags.content && inputs.length > 1)
      throw new UsageError('SIGN_CONTENT_WITH_MANY', 'sign.error.contentWithMany');
    const trusted = this.flags.ca ? await Promise.all(this.flags.ca.map((p) => readFile(p))) : undefined;

    const files: VerifiedFile[] = [];
    let unexpected: Error | undefined;
    for (const file of inputs) {
      // --content is always the content checked; the file beside a .p7s only serves a detached one.
      const beside = file.endsWith('.p7s') && existsSync(file.slice(0, -4)) ? file.slice(0, -4) : undefined;
      const entry: VerifiedFile = { file, valid: false, signers: [] };
      try {
        const report: VerifyReport = await verifyFile(file, {
          content: this.flags.content,
          contentIfDetached: beside,
          trusted,
        });
        entry.detached = report.detached;
        if (this.flags.content ?? report.detached) entry.content = this.flags.content ?? beside;
        entry.signers = report.signers;
        assertValid(report);
        entry.valid = true;
      } catch (e) {
        // One file: its own error and exit code. Many: every file gets its line in the report,
        // whatever happened to one of them.
        if (inputs.length === 1 && (!isOneIdError(e) || e.category !== 'signature')) throw e;
        if (isOneIdError(e)) entry.error = { code: e.code, message: t(e.key, e.params) };
        else {
          unexpected ??= e instanceof Error ? e : new Error(String(e));
          entry.error = {
            code: 'INTERNAL',
            message: t('cli.error.internal', { detail: unexpected.message }),
          };
        }
      }
      for (const s of entry.signers) for (const w of s.warnings) this.warning(t(WARNING_KEYS[w], { file }));
      this.report(entry);
      files.push(entry);
    }
    const failed = files.filter((f) => !f.valid).length;
    const result: KeyVerifyResult = { valid: failed === 0, total: files.length, failed, files };
    if (unexpected)
      throw new InternalError('INTERNAL', 'cli.error.internal', {
        params: { detail: unexpected.message },
        cause: unexpected,
        data: { result },
      });
    if (failed > 0) {
      if (files.length === 1) {
        const only = files[0]!;
        const bad = only.signers.find((s) => s.code);
        if (bad?.code) throw failureError(bad.code, bad, { result });
        throw new SignatureError(only.error!.code, 'sign.verify.failed', {
          params: { file: only.file, reason: only.error!.message },
          data: { result },
        });
      }
      throw new SignatureError('SIGNATURE_BATCH_FAILED', 'sign.error.verifyBatchFailed', {
        params: { failed, total: files.length },
        data: { result },
      });
    }
    return result;
  }

  private report(entry: VerifiedFile): void {
    if (!entry.valid) {
      this.out(t('sign.verify.failed', { file: entry.file, reason: entry.error?.message ?? '' }));
      return;
    }
    const signers = entry.signers
      .map((s) =>
        t('sign.verify.signer', {
          name: s.signer?.cn ?? s.signer?.serialNumber ?? '?',
          pinfl: s.signer?.pinfl ?? '—',
          tin: s.signer?.tin ?? '—',
          time: s.timestamp?.time ?? s.signingTime ?? '—',
          chain: s.chain,
        }),
      )
      .join('; ');
    this.out(t('sign.verify.ok', { file: entry.file, signers }));
  }
}

/** Signature inputs: explicit files as given; folders and patterns contribute their `.p7s` files. */
async function collectSignatures(args: string[], recursive: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    if (existsSync(a) && !(await stat(a)).isDirectory()) {
      out.push(a);
      continue;
    }
    const found = await collectInputs({ args: [a], recursive, includeSignatures: true });
    out.push(...found.map((f) => f.path).filter((p) => p.endsWith('.p7s')));
  }
  return out;
}
