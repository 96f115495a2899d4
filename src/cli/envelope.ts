/**
 * The `--json` envelope (CLI-CONTRACT.md "Streams") and the translation of any thrown value into
 * a stable {code, message, hint}.
 */
import { isOneIdError } from '../lib/errors/index.js';
import { t } from '../lib/i18n/index.js';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes.js';

export interface SuccessEnvelope<R> {
  status: 0;
  result: R;
  warnings: string[];
}

export interface ErrorEnvelope {
  status: number;
  error: { code: string; message: string; hint?: string; data?: Record<string, unknown> };
  result?: unknown;
  warnings: string[];
}

export interface DescribedError {
  exit: ExitCode;
  code: string;
  message: string;
  hint?: string;
  data?: Record<string, unknown>;
}

/** oclif's parse-error classes carry `parse`; their text is English, so we wrap it. */
function oclifDetail(err: Error): string {
  return (err.message || String(err)).split('\n')[0]!.trim();
}

export function describeError(err: unknown): DescribedError {
  const exit = exitCodeFor(err);
  if (isOneIdError(err)) {
    const d: DescribedError = { exit, code: err.code, message: t(err.key, err.params) };
    if (err.hintKey) d.hint = t(err.hintKey, err.hintParams);
    if (err.data) d.data = err.data;
    return d;
  }
  if (exit === EXIT.USAGE && err instanceof Error)
    return {
      exit,
      code: 'USAGE',
      message: t('cli.error.usage', { detail: oclifDetail(err) }),
      hint: t('cli.hint.help'),
    };
  const detail = err instanceof Error ? err.message : String(err);
  return {
    exit: EXIT.INTERNAL,
    code: 'INTERNAL',
    message: t('cli.error.internal', { detail }),
    hint: t('cli.hint.internal'),
  };
}

export function errorEnvelope(d: DescribedError, warnings: string[]): ErrorEnvelope {
  const env: ErrorEnvelope = { status: d.exit, error: { code: d.code, message: d.message }, warnings };
  if (d.hint) env.error.hint = d.hint;
  if (d.data) {
    const { result, ...rest } = d.data;
    if (result !== undefined) env.result = result;
    if (Object.keys(rest).length) env.error.data = rest;
  }
  return env;
}
