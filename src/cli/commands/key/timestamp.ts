import { Args, Flags } from '@oclif/core';

import { BaseCommand, portalFlag } from '../../index.js';
import { batchReporter } from '../../batch-report.js';
import { UsageError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';
import {
  collectSignatures,
  SIGNATURE_FORMATS,
  timestampFiles,
  tsaUrl,
  type StampedFile,
  type TimestampRunResult,
} from '../../../lib/sign/index.js';

/** `--json` result of `oneid key timestamp`. */
export type KeyTimestampResult = TimestampRunResult;

export default class KeyTimestamp extends BaseCommand<typeof KeyTimestamp> {
  static override summary = t('cmd.key.timestamp.summary');
  static override description = t('cmd.key.timestamp.description');
  static override examples = [
    '<%= config.bin %> key timestamp invoice.pdf.p7s',
    '<%= config.bin %> key timestamp signed -r --resume --jsonl',
    '<%= config.bin %> key timestamp contract.p7s --out-dir stamped --tsa "$ONEID_PORTAL/api/v1/tsa"',
  ];
  static override strict = false;
  static override args = {
    signatures: Args.string({
      description: t('cmd.key.timestamp.arg.signatures'),
      required: true,
      ignoreStdin: true,
    }),
  };
  static override flags = {
    tsa: Flags.string({ summary: t('cmd.key.timestamp.flag.tsa') }),
    'out-dir': Flags.string({ char: 'o', summary: t('cmd.key.timestamp.flag.out-dir') }),
    recursive: Flags.boolean({ char: 'r', summary: t('cmd.key.timestamp.flag.recursive') }),
    format: Flags.option({ options: SIGNATURE_FORMATS, summary: t('cmd.key.timestamp.flag.format') })(),
    force: Flags.boolean({ summary: t('cmd.key.timestamp.flag.force') }),
    resume: Flags.boolean({ summary: t('cmd.key.timestamp.flag.resume') }),
    jobs: Flags.integer({ char: 'j', summary: t('cmd.key.timestamp.flag.jobs'), min: 1, max: 64 }),
    jsonl: Flags.boolean({ summary: t('cmd.key.timestamp.flag.jsonl') }),
    portal: portalFlag,
  };

  async run(): Promise<KeyTimestampResult> {
    const { ctx, flags: f } = this;
    const { argv } = await this.parse(KeyTimestamp);
    if (f.jsonl && ctx.json) throw new UsageError('SIGN_JSON_WITH_JSONL', 'sign.error.jsonWithJsonl');
    if (f.force && f.resume) throw new UsageError('SIGN_CONFLICTING_MODES', 'sign.error.timestampModes');
    if (f.tsa !== undefined && !/^https?:\/\/[^/]/i.test(f.tsa))
      throw new UsageError('SIGN_TSA_URL', 'sign.error.tsaUrl', { params: { url: f.tsa } });
    const inputs = await collectSignatures(argv as string[], { recursive: f.recursive });

    const report = batchReporter<StampedFile>(ctx, {
      total: inputs.length,
      jsonl: f.jsonl,
      progressKey: 'sign.timestamp.progress',
      line: (r) =>
        r.status === 'stamped'
          ? t('sign.timestamp.stamped', { output: r.output, tokens: r.tokens ?? 0 })
          : undefined,
    });
    const { result, failure } = await timestampFiles({
      inputs,
      tsa: f.tsa ?? tsaUrl(ctx.settings.get('portal')),
      outDir: f['out-dir'],
      existing: f.force ? 'force' : f.resume ? 'resume' : 'fail',
      format: f.format,
      concurrency: f.jobs,
      keepResults: !f.jsonl,
      onResult: (r) => report.onResult(r),
    });
    report.done();
    const { stamped, skipped, failed } = result;
    const seconds = (result.elapsedMs / 1000).toFixed(1);
    if (!f.jsonl) ctx.out(t('sign.timestamp.summary', { stamped, skipped, failed, seconds }));
    if (failure) throw failure;
    return result;
  }
}
