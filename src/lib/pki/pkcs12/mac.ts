/**
 * The PFX integrity MAC (RFC 7292 §4): HMAC with a key from the PKCS#12 KDF (ID 3) over the
 * authSafe content. Accepts SHA-1/224/256/384/512; writes SHA-256 (modern) or SHA-1 (legacy).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readOctets, readOid, seq, w, type Node } from '../../asn1/index.js';
import { UnsupportedAlgorithmError } from '../../errors/index.js';
import { OID } from '../../crypto/index.js';
import { bmpPassword, KDF_ID, pkcs12Kdf } from './kdf.js';
import { KdfBudget, readIterations } from './pbe.js';

const MAC_HASH: Record<string, { hash: string; len: number }> = {
  [OID.sha1]: { hash: 'sha1', len: 20 },
  [OID.sha224]: { hash: 'sha224', len: 28 },
  [OID.sha256]: { hash: 'sha256', len: 32 },
  [OID.sha384]: { hash: 'sha384', len: 48 },
  [OID.sha512]: { hash: 'sha512', len: 64 },
};

export interface MacInfo {
  hash: string;
  iterations: number;
  saltLength: number;
}

export interface MacData extends MacInfo {
  digest: Uint8Array;
  salt: Uint8Array;
}

export function readMacData(n: Node): MacData {
  const [digestInfo, salt, iter] = seq(n, 'MacData');
  const [alg, digest] = seq(digestInfo, 'DigestInfo');
  const oid = readOid(seq(alg, 'AlgorithmIdentifier')[0]);
  const h = MAC_HASH[oid];
  if (!h) {
    throw new UnsupportedAlgorithmError('PFX_UNSUPPORTED_MAC', 'pki.error.unsupportedAlgorithm', {
      params: { oid },
    });
  }
  const iterations = iter ? readIterations(iter) : 1;
  const s = readOctets(salt);
  return { hash: h.hash, iterations, saltLength: s.length, digest: readOctets(digest), salt: s };
}

const MAC_HASH_LEN = (hash: string): number => Object.values(MAC_HASH).find((h) => h.hash === hash)!.len;

function macWith(
  hash: string,
  pw: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  data: Uint8Array,
): Buffer {
  const len = MAC_HASH_LEN(hash); // MAC key = digest size
  const key = pkcs12Kdf(hash, pw, salt, KDF_ID.mac, iterations, len);
  return createHmac(hash, key).update(data).digest();
}

/**
 * True when the MAC matches. An empty password is tried both as the two-zero BMP terminator
 * and as zero bytes, because writers disagree on it (OpenSSL uses either depending on flags).
 */
export function verifyMac(
  mac: MacData,
  password: string,
  data: Uint8Array,
  budget = new KdfBudget(),
): boolean {
  const candidates = password === '' ? [bmpPassword(''), Buffer.alloc(0)] : [bmpPassword(password)];
  const len = MAC_HASH_LEN(mac.hash);
  for (const pw of candidates) {
    budget.charge(mac.iterations, len, len);
    const got = macWith(mac.hash, pw, mac.salt, mac.iterations, data);
    if (got.length === mac.digest.length && timingSafeEqual(got, mac.digest)) return true;
  }
  return false;
}

export function buildMacData(
  hash: 'sha1' | 'sha256',
  password: string,
  iterations: number,
  data: Uint8Array,
): Buffer {
  const salt = randomBytes(hash === 'sha1' ? 8 : 16);
  const digest = macWith(hash, bmpPassword(password), salt, iterations, data);
  const oid = hash === 'sha1' ? OID.sha1 : OID.sha256;
  return w.sequence(
    w.sequence(w.algorithmIdentifier(oid, w.NULL), w.octetString(digest)),
    w.octetString(salt),
    w.integer(iterations),
  );
}
