/**
 * The typed errors of the crypto area, in one place so that every message key is spelled once.
 * Messages live in `src/lib/i18n/catalogs/crypto.ts`.
 */
import { InternalError, MalformedError, UnsupportedAlgorithmError, UsageError } from '../errors/index.js';

/** An OID we know but do not implement (names it), or one we do not know at all. */
export function unsupportedAlgorithm(oid: string, name?: string): UnsupportedAlgorithmError {
  if (name) {
    return new UnsupportedAlgorithmError(
      'CRYPTO_UNSUPPORTED_ALGORITHM',
      'crypto.error.unsupportedAlgorithm',
      {
        params: { oid, name },
        data: { oid, name },
      },
    );
  }
  return new UnsupportedAlgorithmError('CRYPTO_UNKNOWN_ALGORITHM', 'crypto.error.unknownAlgorithm', {
    params: { oid },
    data: { oid },
  });
}

export function unsupportedHash(alg: string): UnsupportedAlgorithmError {
  return new UnsupportedAlgorithmError('CRYPTO_UNSUPPORTED_HASH', 'crypto.error.unsupportedHash', {
    params: { alg },
  });
}

/** A key of one kind offered to an algorithm of another (an EC key for an RSA signature OID…). */
export function keyMismatch(keyType: string, algorithm: string): UnsupportedAlgorithmError {
  return new UnsupportedAlgorithmError('CRYPTO_KEY_MISMATCH', 'crypto.error.keyMismatch', {
    params: { keyType, algorithm },
  });
}

export function malformedKey(reason: string, cause?: unknown): MalformedError {
  return new MalformedError('CRYPTO_KEY_MALFORMED', 'crypto.error.malformedKey', {
    params: { reason },
    cause,
  });
}

export function notOnCurve(curve: string): MalformedError {
  return new MalformedError('CRYPTO_POINT_NOT_ON_CURVE', 'crypto.error.notOnCurve', { params: { curve } });
}

export function badKeySpec(reason: string): UsageError {
  return new UsageError('CRYPTO_BAD_KEY_SPEC', 'crypto.error.badKeySpec', { params: { reason } });
}

/** A digest of the wrong size handed to `signDigest`: a programming error, not user input. */
export function badDigestLength(expected: number, actual: number): InternalError {
  return new InternalError('CRYPTO_DIGEST_LENGTH', 'crypto.error.digestLength', {
    params: { expected, actual },
  });
}
