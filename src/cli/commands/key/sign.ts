import { Args, Flags } from '@oclif/core';

import { BaseCommand, portalFlag } from '../../index.js';
import { batchReporter } from '../../batch-report.js';
import { keyPasswordFlags, revocationFlags } from '../../flags/keys.js';
import { UsageError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  collectInputs,
  SIGNATURE_FORMATS,
  signWithKey,
  tsaUrl,
  type SignedFile,
  type SignRunResult,
} from '../../../lib/sign/index.js';

/** `--json` result of `oneid key sign`. */
export type KeySignResult = SignRunResult;

export default class KeySign extends BaseCommand<typeof KeySign> {
  static override summary = t('cmd.key.sign.summary');
  static override description = t('cmd.key.sign.description');
  static override examples = [
    '<%= config.bin %> key sign invoice.pdf --key DS2810582130001.pfx --key-password-file ~/.key-pass',
    '<%= config.bin %> key sign "reports/**/*.xml" --key 281058213 --out-dir signed',
    'find . -name "*.pdf" -print0 | <%= config.bin %> key sign --files-from - --key DS2810582130001.pfx --resume --jsonl',
    '<%= config.bin %> key sign contract.pdf --key DS401088144165590001.pfx --append',
    '<%= config.bin %> key sign application.xml --key DS2810582130001.pfx --format base64',
  ];
  static override strict = false;
  static override args = {
    files: Args.string({ description: t('cmd.key.sign.arg.files'), required: false, ignoreStdin: true }),
  };
  static override flags = {
    key: Flags.string({ char: 'k', summary: t('cmd.key.sign.flag.key'), required: true }),
    ...keyPasswordFlags,
    detached: Flags.boolean({ summary: t('cmd.key.sign.flag.detached') }),
    format: Flags.option({
      options: SIGNATURE_FORMATS,
      default: 'der' as const,
      summary: t('cmd.key.sign.flag.format'),
    })(),
    'out-dir': Flags.string({ char: 'o', summary: t('cmd.key.sign.flag.out-dir') }),
    recursive: Flags.boolean({ char: 'r', summary: t('cmd.key.sign.flag.recursive') }),
    'files-from': Flags.string({ summary: t('cmd.key.sign.flag.files-from') }),
    force: Flags.boolean({ summary: t('cmd.key.sign.flag.force') }),
    resume: Flags.boolean({ summary: t('cmd.key.sign.flag.resume') }),
    append: Flags.boolean({ summary: t('cmd.key.sign.flag.append') }),
    jobs: Flags.integer({ char: 'j', summary: t('cmd.key.sign.flag.jobs'), min: 1 }),
    jsonl: Flags.boolean({ summary: t('cmd.key.sign.flag.jsonl') }),
    timestamp: Flags.boolean({ summary: t('cmd.key.sign.flag.timestamp') }),
    portal: portalFlag,
    ...revocationFlags,
  };

  async run(): Promise<KeySignResult> {
    const { ctx, flags: f } = this;
    const { argv } = await this.parse(KeySign);
    if (f.jsonl && ctx.json) throw new UsageError('SIGN_JSON_WITH_JSONL', 'sign.error.jsonWithJsonl');
    if ([f.force, f.resume, f.append].filter(Boolean).length > 1)
      throw new UsageError('SIGN_CONFLICTING_MODES', 'sign.error.conflictingModes');
    if (f['files-from'] === '-' && f['key-password-stdin'])
      throw new UsageError('SIGN_STDIN_TWICE', 'sign.error.stdinTwice');
    const inputs = await collectInputs({
      args: argv as string[],
      recursive: f.recursive,
      filesFrom: f['files-from'],
    });
    if (inputs.length === 0) throw new UsageError('SIGN_NO_INPUTS', 'sign.error.noInputs');
    const key = await ctx.openKey(f.key, 'sign.prompt.keyPassword');

    const report = batchReporter<SignedFile>(ctx, {
      total: inputs.length,
      jsonl: f.jsonl,
      progressKey: 'sign.progress',
      line: (r) => t('sign.file.signed', { file: r.input, output: r.output }),
    });
    const { result, failure } = await signWithKey({
      key,
      inputs,
      outDir: f['out-dir'],
      detached: f.detached,
      format: f.format,
      existing: f.force ? 'force' : f.resume ? 'resume' : f.append ? 'append' : 'fail',
      workers: f.jobs,
      timestampUrl: f.timestamp ? tsaUrl(ctx.settings.get('portal')) : undefined,
      keepResults: !f.jsonl,
      revocation: await ctx.revocation(f.crl),
      onWarning: (m) => ctx.warning(m),
      onResult: (r) => report.onResult(r),
    });
    report.done();
    const { signed, appended, skipped, failed } = result;
    const seconds = (result.elapsedMs / 1000).toFixed(1);
    if (!f.jsonl) ctx.out(t('sign.summary', { signed, appended, skipped, failed, seconds }));
    if (failure) throw failure;
    return result;
  }
}
