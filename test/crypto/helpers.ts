/** Test helpers of the crypto area. */
import { invert } from '@noble/curves/abstract/modular.js';
import { w } from '../../src/lib/asn1/index.js';
import { CURVE_PARAMS, OID } from '../../src/lib/crypto/index.js';
import { bigToBytesLE } from '../../src/lib/crypto/gost2001.js';

/**
 * A masked GOST private key as CryptoPro exports it and OpenSSL's engine reads it: PKCS#8 whose
 * privateKey is k‖m (little-endian), with d = k·m mod q.
 */
export function maskedPkcs8(d: bigint, mask: bigint, c: 'A' | 'B' | 'C' = 'B'): Buffer {
  const q = CURVE_PARAMS[c].n;
  const masked = (d * invert(mask, q)) % q;
  const params = w.sequence(
    w.oid(
      { A: OID.gostR3410_2001CryptoProA, B: OID.gostR3410_2001CryptoProB, C: OID.gostR3410_2001CryptoProC }[
        c
      ],
    ),
    w.oid(OID.gostR3411_94CryptoProParamSet),
  );
  return w.sequence(
    w.integer(0),
    w.sequence(w.oid(OID.gostR3410_2001), params),
    w.octetString(Buffer.concat([bigToBytesLE(masked, 32), bigToBytesLE(mask, 32)])),
  );
}
