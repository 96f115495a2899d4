import { Args, Flags } from '@oclif/core';

import { BaseCommand, portalFlag, secretFlags } from '../../index.js';
import { revocationFlags } from '../../flags/keys.js';
import { t } from '../../../lib/i18n/index.js';
import {
  doctorFailure,
  loadTrustedCertificates,
  runDoctor,
  type CheckId,
  type CheckStatus,
  type DoctorCheck,
} from '../../../lib/keys/index.js';

/** One check of `oneid key doctor`, as printed and as in `--json`. */
export interface DoctorCheckResult {
  id: CheckId;
  status: CheckStatus;
  message: string;
  fix?: string;
  path?: string;
}

/** `--json` result of `oneid key doctor` (also under `result` of the error envelope when a check fails). */
export interface KeyDoctorResult {
  ok: boolean;
  checks: DoctorCheckResult[];
}

export default class KeyDoctor extends BaseCommand<typeof KeyDoctor> {
  static override summary = t('cmd.key.doctor.summary');
  static override description = t('cmd.key.doctor.description');
  static override examples = [
    '<%= config.bin %> key doctor',
    '<%= config.bin %> key doctor ~/DSKEYS/DS2810582130001.pfx --ca root-ca.pem --json',
  ];
  static override args = {
    key: Args.string({ description: t('cmd.key.doctor.arg.key') }),
  };
  static override flags = {
    ca: Flags.string({ summary: t('cmd.key.doctor.flag.ca'), multiple: true }),
    portal: portalFlag,
    ...secretFlags('key-password'),
    ...revocationFlags,
  };

  async run(): Promise<KeyDoctorResult> {
    const { ctx, args, flags } = this;
    const trusted = await loadTrustedCertificates(flags.ca ?? []);
    // The password is checked only when given without a prompt, and only for one key.
    const password =
      args.key && ctx.secretGiven('key-password')
        ? (await ctx.secret('key-password', 'keys.prompt.password')).value
        : undefined;
    const report = await runDoctor({
      roots: ctx.settings.get('key-roots'),
      ref: args.key,
      password,
      trusted,
      portal: await ctx.portal(),
      revocation: await ctx.revocation(flags.crl),
    });
    const checks = report.checks.map(toResult);
    this.render(checks);
    const result: KeyDoctorResult = { ok: report.ok, checks };
    const failure = doctorFailure(report.checks, result);
    if (failure) throw failure;
    return result;
  }

  private render(checks: DoctorCheckResult[]): void {
    const { ctx } = this;
    const s = ctx.style;
    const label: Record<CheckStatus, string> = {
      pass: s.green(t('keys.doctor.status.pass')),
      warn: s.yellow(t('keys.doctor.status.warn')),
      fail: s.red(t('keys.doctor.status.fail')),
      skip: s.dim(t('keys.doctor.status.skip')),
    };
    let lastPath: string | undefined;
    for (const c of checks) {
      if (c.path && c.path !== lastPath) ctx.out(s.bold(c.path));
      lastPath = c.path ?? lastPath;
      ctx.out(`  [${label[c.status]}] ${c.message}`);
      if (c.fix && (c.status === 'fail' || c.status === 'warn'))
        ctx.out(`         ${s.dim(`${t('keys.doctor.fixLabel')}: ${c.fix}`)}`);
    }
  }
}

function toResult(c: DoctorCheck): DoctorCheckResult {
  const r: DoctorCheckResult = { id: c.id, status: c.status, message: t(c.key, c.params) };
  if (c.fixKey) r.fix = t(c.fixKey, c.fixParams);
  if (c.path) r.path = c.path;
  return r;
}
