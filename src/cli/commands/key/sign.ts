import { Args, Flags } from '@oclif/core';

import { BaseCommand, formatDuration, portalFlag, secretFlags } from '../../index.js';
import { BatchError, InterruptedError, UsageError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';
import { openKey } from '../../../lib/keys/index.js';
import {
  assertUsableForSigning,
  collectInputs,
  removeOwnTempsSync,
  signBatch,
  tsaUrl,
  type BatchSummary,
  type ExistingPolicy,
  type FileResult,
  type SignerKey,
} from '../../../lib/sign/index.js';

/** `--json` result of `oneid key sign`. */
export interface KeySignResult extends Omit<BatchSummary, 'results'> {
  signer: { serialNumber: string; cn?: string; pinfl?: string; tin?: string };
  detached: boolean;
  /** One entry per file in input order (failures only with --jsonl, whose lines carry the rest). */
  results: Array<FileResult & { message?: string }>;
}

export default class KeySign extends BaseCommand<typeof KeySign> {
  static override summary = t('cmd.key.sign.summary');
  static override description = `Opens the key once and signs every file: arguments, folders (--recursive), glob patterns
and --files-from lists (use - for standard input; NUL- or newline-separated). Each signature is
written as <file>.p7s beside the file, or under --out-dir keeping relative paths; outputs are
written atomically, so an interrupted run never leaves a partial signature. An existing signature
is never replaced unless --force; --resume skips files whose valid signature already exists;
--append adds your signature to an existing one (co-signing).

Work is spread over worker threads (--jobs, default: number of cores). Ctrl-C finishes the files
in flight and exits 130; a second Ctrl-C stops at once, removing the unfinished temp files. Hidden
temp files left by killed runs are removed by the next run over the same folders. With some files
failed the exit code is 10 and the reasons are listed.
--jsonl prints one JSON line per file (for very large batches).

JSON result: { total, signed, appended, skipped, failed, notStarted, interrupted, elapsedMs, detached, signer, results[] }`;
  static override examples = [
    '<%= config.bin %> key sign invoice.pdf --key DS2810582130001.pfx --key-password-file ~/.key-pass',
    '<%= config.bin %> key sign "reports/**/*.xml" --key 281058213 --out-dir signed',
    'find . -name "*.pdf" -print0 | <%= config.bin %> key sign --files-from - --key DS2810582130001.pfx --resume --jsonl',
    '<%= config.bin %> key sign contract.pdf --key DS401088144165590001.pfx --append',
  ];
  static override strict = false;
  static override args = {
    files: Args.string({
      description: 'Files, folders or glob patterns to sign.',
      required: false,
      ignoreStdin: true,
    }),
  };
  static override flags = {
    key: Flags.string({
      char: 'k',
      summary: 'Key: a .pfx file, an alias or a certificate serial number.',
      required: true,
    }),
    ...secretFlags('key-password'),
    detached: Flags.boolean({ summary: 'Write detached signatures (the .p7s does not contain the file).' }),
    'out-dir': Flags.string({
      char: 'o',
      summary: 'Write signatures under this folder, keeping relative paths.',
    }),
    recursive: Flags.boolean({ char: 'r', summary: 'Include files in subfolders of folder arguments.' }),
    'files-from': Flags.string({ summary: 'Read file names from this file (- for standard input).' }),
    force: Flags.boolean({ summary: 'Overwrite existing signatures.' }),
    resume: Flags.boolean({ summary: 'Skip files whose valid signature by this key already exists.' }),
    append: Flags.boolean({ summary: 'Add this signature to existing signatures (co-sign).' }),
    jobs: Flags.integer({ char: 'j', summary: 'Worker threads (default: number of cores).', min: 1 }),
    jsonl: Flags.boolean({
      summary: 'Print one JSON line per file to standard output.',
      exclusive: ['json'],
    }),
    timestamp: Flags.boolean({ summary: "Embed an RFC 3161 timestamp from the portal's TSA." }),
    portal: portalFlag,
  };

  async run(): Promise<KeySignResult> {
    const { argv } = await this.parse(KeySign);
    const f = this.flags;
    const modes = [f.force, f.resume, f.append].filter(Boolean).length;
    if (modes > 1) throw new UsageError('SIGN_CONFLICTING_MODES', 'sign.error.conflictingModes');
    if (f['files-from'] === '-' && f['key-password-stdin'])
      throw new UsageError('SIGN_STDIN_TWICE', 'sign.error.stdinTwice');

    const inputs = await collectInputs({
      args: argv as string[],
      recursive: f.recursive,
      filesFrom: f['files-from'],
    });
    if (inputs.length === 0) throw new UsageError('SIGN_NO_INPUTS', 'sign.error.noInputs');

    const opened = await openKey(
      f.key,
      async () => (await this.secret('key-password', 'sign.prompt.keyPassword')).value,
      { roots: this.settings.get('key-roots') },
    );
    const certificate = opened.certificate.raw;
    assertUsableForSigning(certificate);
    const key = {
      privateKey: opened.privateKey,
      certificate,
      chain: opened.chain.slice(1).map((c) => c.raw),
    };

    const controller = new AbortController();
    const stop = new AbortController();
    let interrupts = 0;
    let deadline: NodeJS.Timeout | undefined;
    // Last resort (a third signal, or a stop that hangs): remove our temp files, then leave.
    const leaveNow = () => {
      removeOwnTempsSync();
      process.exit(130);
    };
    const onSigint = () => {
      // First Ctrl-C: finish the files in flight. Second: stop the workers now and remove the
      // temp files of the files they had in flight (the batch does both before returning).
      if (++interrupts === 1) controller.abort();
      else if (interrupts === 2) {
        stop.abort();
        deadline = setTimeout(leaveNow, 3000).unref();
      } else leaveNow();
    };
    // Installed until the command ends: a late second signal (`timeout -s INT` signals the whole
    // process group) must still exit 130, not kill the process mid-way.
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigint);
    try {
      return await this.signAll(inputs, key, opened, controller.signal, stop.signal);
    } finally {
      clearTimeout(deadline);
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigint);
    }
  }

  private async signAll(
    inputs: Awaited<ReturnType<typeof collectInputs>>,
    key: SignerKey,
    opened: Awaited<ReturnType<typeof openKey>>,
    signal: AbortSignal,
    stop: AbortSignal,
  ): Promise<KeySignResult> {
    const f = this.flags;
    const existing: ExistingPolicy = f.force ? 'force' : f.resume ? 'resume' : f.append ? 'append' : 'fail';
    const id = opened.certificate.identity;

    const progress = f.jsonl
      ? undefined
      : this.progress({
          total: inputs.length,
          label: '',
          line: (done, total, rate, eta) =>
            t('sign.progress', { done, total, rate: rate.toFixed(0), eta: formatDuration(eta) }),
        });
    const showEach = !this.jsonEnabled() && !f.jsonl && inputs.length <= 50;
    const summary: BatchSummary = await signBatch({
      key,
      inputs,
      outDir: f['out-dir'],
      detached: f.detached,
      existing,
      workers: f.jobs,
      timestampUrl: f.timestamp ? tsaUrl(this.settings.get('portal')) : undefined,
      signal,
      stop,
      keepResults: !f.jsonl,
      onResult: (r) => {
        progress?.tick();
        const rendered = render(r);
        if (f.jsonl) process.stdout.write(JSON.stringify(rendered) + '\n');
        else if (r.status === 'failed' && !this.jsonEnabled())
          process.stderr.write(
            t('sign.file.failed', { file: r.input, reason: rendered.message ?? '' }) + '\n',
          );
        else if (showEach && r.status !== 'failed')
          this.out(t('sign.file.signed', { file: r.input, output: r.output }));
      },
    });
    if (!f.jsonl) progress?.done();

    const result: KeySignResult = {
      ...summary,
      results: summary.results.map(render),
      detached: f.detached,
      signer: {
        serialNumber: opened.certificate.serialHex,
        cn: id.cn,
        pinfl: id.pinfl,
        tin: id.tin ?? id.uid,
      },
    };
    if (!f.jsonl)
      this.out(
        t('sign.summary', {
          signed: summary.signed,
          appended: summary.appended,
          skipped: summary.skipped,
          failed: summary.failed,
          seconds: (summary.elapsedMs / 1000).toFixed(1),
        }),
      );
    if (summary.interrupted)
      throw new InterruptedError('SIGN_INTERRUPTED', 'sign.interrupted', {
        params: { notStarted: summary.notStarted },
        data: { result },
      });
    if (summary.failed > 0)
      throw new BatchError('SIGN_BATCH_FAILED', 'sign.error.batchFailed', {
        params: { failed: summary.failed, total: summary.total },
        data: { result },
      });
    return result;
  }
}

/** A per-file result with its message in the user's language. */
function render(r: FileResult): FileResult {
  if (r.status !== 'failed' || !r.messageKey) return r;
  const { messageKey, params, ...rest } = r;
  return { ...rest, message: t(messageKey, params) };
}
