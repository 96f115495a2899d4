/**
 * `--alg` for `key apply`: `ozdst` (O'z DSt 1092, curve A: the default E-IMZO keys use),
 * `ozdst:A|B|C`, `rsa` (2048 bits), `rsa:3072|4096`, `ec` (P-256), `ec:P-256|P-384`.
 */
import { UsageError } from '../errors/index.js';
import type { KeySpec } from '../pki/index.js';

export const DEFAULT_ALGORITHM = 'ozdst:A';

export interface KeyAlgorithmChoice {
  spec: KeySpec;
  /** Canonical form, stored in the application state. */
  label: string;
}

export function parseKeyAlgorithm(input: string | undefined): KeyAlgorithmChoice {
  const raw = (input ?? DEFAULT_ALGORITHM).trim();
  const [name, param, extra] = raw.split(':');
  const bad = (): never => {
    throw new UsageError('ALGORITHM_INVALID', 'apply.error.badAlgorithm', { params: { value: raw } });
  };
  if (extra !== undefined) bad();
  switch (name?.toLowerCase()) {
    case 'ozdst':
    case 'ozdst-1092': {
      const curve = (param ?? 'A').toUpperCase();
      if (curve !== 'A' && curve !== 'B' && curve !== 'C') return bad();
      return { spec: { alg: 'ozdst', curve }, label: `ozdst:${curve}` };
    }
    case 'rsa': {
      const bits = Number(param ?? 2048);
      if (![2048, 3072, 4096].includes(bits)) return bad();
      return { spec: { alg: 'rsa', bits }, label: `rsa:${bits}` };
    }
    case 'ec': {
      const curve = (param ?? 'P-256').toUpperCase();
      if (curve !== 'P-256' && curve !== 'P-384') return bad();
      return { spec: { alg: 'ec', curve }, label: `ec:${curve}` };
    }
    default:
      return bad();
  }
}
