import { readFile } from 'node:fs/promises';

import { Args, Flags } from '@oclif/core';

import { BaseCommand, portalFlag, secretFlags, SECRET_ENV } from '../../index.js';
import { KeyPasswordError, KeyUnusableError, NetworkError, UsageError } from '../../../lib/errors/index.js';
import { t } from '../../../lib/i18n/index.js';
import { runDoctor, type CheckId, type CheckStatus, type DoctorCheck } from '../../../lib/keys/index.js';
import { parseCertificate, pemToDer, type Certificate } from '../../../lib/pki/index.js';

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
  static override description = `Runs the checks support staff do by hand, each with PASS / WARN / FAIL / SKIP and a fix:
key folders found, USB drive mounted, key files readable, PKCS#12 parse, password (only when given
through --key-password-file, --key-password-stdin or ONEID_KEY_PASSWORD), private key matches the
certificate, expiry (warns 30 days ahead), chain to a trusted root (--ca, else the portal's CA from
/api/v1/ca/certificates), system clock, and portal
reachable (GET <portal>/api/v1/health, 3 s timeout). Without <key>, every key found is checked.
Exit 0 only when no check fails; otherwise the exit code of the first failure (4 password,
7 portal, 5 otherwise) with the full report in the JSON envelope's "result".

JSON result: { ok, checks: [{ id, status: "pass" | "warn" | "fail" | "skip", message, fix?, path? }] }`;
  static override examples = [
    '<%= config.bin %> key doctor',
    '<%= config.bin %> key doctor ~/DSKEYS/DS2810582130001.pfx --ca root-ca.pem --json',
  ];
  static override args = {
    key: Args.string({
      description: 'Key file, alias, PINFL/TIN or serial number (default: every key found).',
    }),
  };
  static override flags = {
    ca: Flags.file({ summary: 'Trusted CA certificate (PEM or DER); repeat for several.', multiple: true }),
    portal: portalFlag,
    ...secretFlags('key-password'),
  };

  async run(): Promise<KeyDoctorResult> {
    const trusted = await Promise.all((this.flags.ca ?? []).map((f) => loadCertificate(f)));
    const f = this.flags as Record<string, unknown>;
    const passwordGiven =
      !!f['key-password-file'] || !!f['key-password-stdin'] || !!process.env[SECRET_ENV['key-password']];
    const password =
      passwordGiven && this.args.key
        ? (await this.secret('key-password', 'keys.prompt.password')).value
        : undefined;
    const report = await runDoctor({
      roots: this.settings.get('key-roots'),
      ref: this.args.key,
      password,
      trusted,
      portal: this.settings.get('portal'),
    });
    const checks = report.checks.map(toResult);
    this.render(checks);
    const result: KeyDoctorResult = { ok: report.ok, checks };
    if (!report.ok) throw failureFor(report.checks, result);
    return result;
  }

  private render(checks: DoctorCheckResult[]): void {
    const label: Record<CheckStatus, string> = {
      pass: this.style.green(t('keys.doctor.status.pass')),
      warn: this.style.yellow(t('keys.doctor.status.warn')),
      fail: this.style.red(t('keys.doctor.status.fail')),
      skip: this.style.dim(t('keys.doctor.status.skip')),
    };
    let lastPath: string | undefined;
    for (const c of checks) {
      if (c.path && c.path !== lastPath) this.out(this.style.bold(c.path));
      lastPath = c.path ?? lastPath;
      this.out(`  [${label[c.status]}] ${c.message}`);
      if (c.fix && (c.status === 'fail' || c.status === 'warn'))
        this.out(`         ${this.style.dim(`${t('keys.doctor.fixLabel')}: ${c.fix}`)}`);
    }
  }
}

function toResult(c: DoctorCheck): DoctorCheckResult {
  const r: DoctorCheckResult = { id: c.id, status: c.status, message: t(c.key, c.params) };
  if (c.fixKey) r.fix = t(c.fixKey, c.fixParams);
  if (c.path) r.path = c.path;
  return r;
}

/** The error that carries the report: its class gives the exit code of the first failure. */
function failureFor(checks: DoctorCheck[], result: KeyDoctorResult): Error {
  const failed = checks.filter((c) => c.status === 'fail');
  const details = { params: { count: failed.length }, data: { result } };
  if (failed[0]?.id === 'password' && failed[0].key === 'keys.doctor.password.fail')
    return new KeyPasswordError('KEY_DOCTOR_FAILED', 'keys.doctor.failed', details);
  if (failed.every((c) => c.id === 'portal'))
    return new NetworkError('KEY_DOCTOR_FAILED', 'keys.doctor.failed', details);
  return new KeyUnusableError('KEY_DOCTOR_FAILED', 'keys.doctor.failed', details);
}

async function loadCertificate(file: string): Promise<Certificate> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new UsageError('CA_FILE_UNREADABLE', 'keys.error.unreadableFile', {
      params: { path: file, reason: (e as NodeJS.ErrnoException).code ?? 'error' },
    });
  }
  const text = bytes.toString('latin1');
  return parseCertificate(
    text.includes('-----BEGIN CERTIFICATE-----') ? pemToDer(text, 'CERTIFICATE') : bytes,
  );
}
