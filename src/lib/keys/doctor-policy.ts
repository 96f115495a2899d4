/**
 * The doctor's exit-code policy: exit 0 only when no check fails; otherwise the error of the first
 * failure — a wrong password (4), only the portal unreachable (7), anything else (5) — carrying
 * the full report (`data.result`) for the JSON envelope.
 */
import { KeyPasswordError, KeyUnusableError, NetworkError, type OneIdError } from '../errors/index.js';
import type { DoctorCheck } from './doctor.js';

/** The error to end a failed doctor run with; undefined when no check failed. */
export function doctorFailure(checks: DoctorCheck[], result: unknown): OneIdError | undefined {
  const failed = checks.filter((c) => c.status === 'fail');
  if (failed.length === 0) return undefined;
  const details = { params: { count: failed.length }, data: { result } };
  if (failed[0]!.id === 'password' && failed[0]!.key === 'keys.doctor.password.fail')
    return new KeyPasswordError('KEY_DOCTOR_FAILED', 'keys.doctor.failed', details);
  if (failed.every((c) => c.id === 'portal'))
    return new NetworkError('KEY_DOCTOR_FAILED', 'keys.doctor.failed', details);
  return new KeyUnusableError('KEY_DOCTOR_FAILED', 'keys.doctor.failed', details);
}
