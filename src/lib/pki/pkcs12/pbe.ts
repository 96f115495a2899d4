/**
 * Password-based encryption of PKCS#12 bags: PBES2 (PBKDF2 + AES/3DES, RFC 8018) and the
 * PKCS#12 PBE schemes (SHA-1 + 3DES / 2-key 3DES / RC2, RFC 7292 appendix C). Decryption is by
 * AlgorithmIdentifier; encryption offers the two schemes we write (modern and legacy).
 */
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import {
  content,
  expect,
  is,
  readOctets,
  readOid,
  readSmallInt,
  seq,
  Tag,
  w,
  type Node,
} from '../../asn1/index.js';
import { KeyUnusableError, MalformedError, UnsupportedAlgorithmError } from '../../errors/index.js';
import { OID } from '../../crypto/index.js';
import { bmpPassword, KDF_ID, pkcs12Kdf } from './kdf.js';
import { rc2CbcDecrypt } from './rc2.js';

/**
 * The highest iteration count we derive keys with (MAC, PBKDF2, PKCS#12 PBE). The count comes
 * from the file before anything is authenticated, so it is a work factor an attacker chooses.
 * Writers use 1,024–100,000 (OpenSSL 2,048; Windows 2,000; Java 8 50,000 and a 100,000 MAC;
 * Java 12+ and our writer 10,000); Bouncy Castle 1.85+ writes 600,000. On a 2-core VM one
 * derivation at this cap takes ~0.2 s (PBKDF2-SHA256), ~0.7 s (PKCS#12 KDF, one hash block) and
 * ~2 s (a legacy 3DES bag: key and IV, three blocks). The old cap (10 million) meant ~10 s a bag.
 */
export const MAX_ITERATIONS = 1_000_000;

/**
 * What opening one file may cost in all, in hash rounds (iterations × output blocks, summed over
 * every derivation, MAC tries included): without it, many bags at the cap would multiply the
 * cap. A legacy file at the cap with an empty password needs 7 million.
 */
export const MAX_TOTAL_ROUNDS = 8_000_000;

/** How a bag or the MAC is protected, for `key info` and for preserving it on password change. */
export interface ProtectionInfo {
  /** `PBES2` or the PKCS#12 PBE name, e.g. `pbeWithSHAAnd3-KeyTripleDES-CBC`. */
  scheme: string;
  kdf?: string;
  prf?: string;
  cipher?: string;
  iterations: number;
  saltLength: number;
}

const PKCS12_PBE: Record<string, { name: string; cipher: string; keyLen: number; rc2Bits?: number }> = {
  [OID.pbeWithSHAAnd3KeyTripleDES]: {
    name: 'pbeWithSHAAnd3-KeyTripleDES-CBC',
    cipher: 'des-ede3-cbc',
    keyLen: 24,
  },
  [OID.pbeWithSHAAnd2KeyTripleDES]: {
    name: 'pbeWithSHAAnd2-KeyTripleDES-CBC',
    cipher: 'des-ede-cbc',
    keyLen: 16,
  },
  [OID.pbeWithSHAAnd40BitRC2]: {
    name: 'pbeWithSHAAnd40BitRC2-CBC',
    cipher: 'rc2',
    keyLen: 5,
    rc2Bits: 40,
  },
  [OID.pbeWithSHAAnd128BitRC2]: {
    name: 'pbeWithSHAAnd128BitRC2-CBC',
    cipher: 'rc2',
    keyLen: 16,
    rc2Bits: 128,
  },
};

const PRF: Record<string, { name: string; hash: string }> = {
  [OID.hmacWithSHA1]: { name: 'hmacWithSHA1', hash: 'sha1' },
  [OID.hmacWithSHA224]: { name: 'hmacWithSHA224', hash: 'sha224' },
  [OID.hmacWithSHA256]: { name: 'hmacWithSHA256', hash: 'sha256' },
  [OID.hmacWithSHA384]: { name: 'hmacWithSHA384', hash: 'sha384' },
  [OID.hmacWithSHA512]: { name: 'hmacWithSHA512', hash: 'sha512' },
};

const PBES2_CIPHER: Record<string, { name: string; node: string; keyLen: number }> = {
  [OID.aes128cbc]: { name: 'AES-128-CBC', node: 'aes-128-cbc', keyLen: 16 },
  [OID.aes192cbc]: { name: 'AES-192-CBC', node: 'aes-192-cbc', keyLen: 24 },
  [OID.aes256cbc]: { name: 'AES-256-CBC', node: 'aes-256-cbc', keyLen: 32 },
  [OID.desEde3cbc]: { name: 'DES-EDE3-CBC', node: 'des-ede3-cbc', keyLen: 24 },
};

function malformed(what: string): never {
  throw new MalformedError('PFX_MALFORMED', 'pki.error.pfx', { params: { what } });
}

function unsupported(oid: string): never {
  throw new UnsupportedAlgorithmError('PFX_UNSUPPORTED_CIPHER', 'pki.error.unsupportedAlgorithm', {
    params: { oid },
  });
}

function tooManyIterations(count: string): never {
  throw new KeyUnusableError('PFX_ITERATIONS', 'pki.error.iterations', {
    params: { count, max: MAX_ITERATIONS },
    hintKey: 'pki.hint.iterations',
    data: { iterations: count, maxIterations: MAX_ITERATIONS },
  });
}

/** A count we are about to write or derive with (checked before any work). */
export function checkIterations(n: number): number {
  if (!Number.isInteger(n) || n < 1) malformed(`iteration count ${n}`);
  if (n > MAX_ITERATIONS) tooManyIterations(String(n));
  return n;
}

/**
 * An iteration count as the file states it. Read from the INTEGER's bytes so that a count too
 * large for a JavaScript number is still reported as an iteration count, not as damage.
 */
export function readIterations(n: Node | undefined): number {
  let c = content(expect(n, Tag.INTEGER, 'iterations'));
  if (c.length === 0 || c[0]! & 0x80) malformed('iteration count');
  while (c.length > 1 && c[0] === 0) c = c.subarray(1);
  if (c.length > 4) {
    const shown =
      c.length <= 16 ? BigInt(`0x${Buffer.from(c).toString('hex')}`).toString() : `>2^${(c.length - 1) * 8}`;
    tooManyIterations(shown);
  }
  return checkIterations(c.reduce((v, b) => v * 256 + b, 0));
}

/** Hash rounds still allowed while opening one file (see MAX_TOTAL_ROUNDS). */
export class KdfBudget {
  private spent = 0;
  constructor(private readonly limit = MAX_TOTAL_ROUNDS) {}

  /** Charge a derivation of `bytes` with a `hashLen`-byte hash before running it. */
  charge(iterations: number, bytes: number, hashLen: number): void {
    this.spent += iterations * Math.ceil(bytes / hashLen);
    if (this.spent > this.limit)
      throw new KeyUnusableError('PFX_ITERATIONS_TOTAL', 'pki.error.iterationsTotal', {
        params: { max: this.limit },
        hintKey: 'pki.hint.iterations',
      });
  }
}

const HASH_LEN: Record<string, number> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };
const hashLength = (hash: string): number => HASH_LEN[hash] ?? 20;

interface Pbes2Params {
  salt: Uint8Array;
  iterations: number;
  keyLength?: number;
  prf: { name: string; hash: string };
  cipher: { name: string; node: string; keyLen: number };
  iv: Uint8Array;
}

function readPbes2(params: Node | undefined): Pbes2Params {
  const [kdfAlg, encAlg] = seq(params, 'PBES2-params');
  const [kdfOid, kdfParams] = seq(kdfAlg, 'keyDerivationFunc');
  if (readOid(kdfOid) !== OID.pbkdf2) unsupported(readOid(kdfOid));
  const kp = seq(kdfParams, 'PBKDF2-params');
  const salt = readOctets(kp[0]);
  const iterations = readIterations(kp[1]);
  let i = 2;
  let keyLength: number | undefined;
  if (is(kp[i], Tag.INTEGER)) keyLength = readSmallInt(kp[i++]);
  let prf = PRF[OID.hmacWithSHA1]!;
  if (kp[i]) {
    const prfOid = readOid(seq(kp[i], 'prf')[0]);
    prf = PRF[prfOid] ?? unsupported(prfOid);
  }
  const [encOid, encParams] = seq(encAlg, 'encryptionScheme');
  const cipherOid = readOid(encOid);
  const cipher = PBES2_CIPHER[cipherOid] ?? unsupported(cipherOid);
  const iv = readOctets(encParams);
  if (iv.length !== (cipher.node.startsWith('aes') ? 16 : 8)) malformed('cipher IV');
  if (keyLength !== undefined && keyLength !== cipher.keyLen) malformed('PBKDF2 key length');
  return { salt, iterations, keyLength, prf, cipher, iv };
}

function readPkcs12PbeParams(params: Node | undefined): { salt: Uint8Array; iterations: number } {
  const [salt, iter] = seq(params, 'pkcs-12PbeParams');
  return { salt: readOctets(salt), iterations: readIterations(iter) };
}

export function describeProtection(algId: Node): ProtectionInfo {
  const [oidNode, params] = seq(algId, 'AlgorithmIdentifier');
  const oid = readOid(oidNode);
  if (oid === OID.pbes2) {
    const p = readPbes2(params);
    return {
      scheme: 'PBES2',
      kdf: 'PBKDF2',
      prf: p.prf.name,
      cipher: p.cipher.name,
      iterations: p.iterations,
      saltLength: p.salt.length,
    };
  }
  const pbe = PKCS12_PBE[oid] ?? unsupported(oid);
  const p = readPkcs12PbeParams(params);
  return { scheme: pbe.name, iterations: p.iterations, saltLength: p.salt.length };
}

function nodeDecrypt(cipher: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer | null {
  try {
    const d = createDecipheriv(cipher, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    return null; // bad padding: wrong password or corrupt data
  }
}

/**
 * Decrypt `data` protected by `algId`. Returns null when the padding check fails, which the
 * caller turns into a password or corruption error depending on whether the MAC was verified.
 */
export function pbeDecrypt(
  algId: Node,
  password: string,
  data: Uint8Array,
  budget = new KdfBudget(),
): Buffer | null {
  const [oidNode, params] = seq(algId, 'AlgorithmIdentifier');
  const oid = readOid(oidNode);
  if (oid === OID.pbes2) {
    const p = readPbes2(params);
    budget.charge(p.iterations, p.cipher.keyLen, hashLength(p.prf.hash));
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), p.salt, p.iterations, p.cipher.keyLen, p.prf.hash);
    return nodeDecrypt(p.cipher.node, key, p.iv, data);
  }
  const pbe = PKCS12_PBE[oid] ?? unsupported(oid);
  const p = readPkcs12PbeParams(params);
  budget.charge(p.iterations, pbe.keyLen, 20);
  budget.charge(p.iterations, 8, 20);
  const pw = bmpPassword(password);
  const key = pkcs12Kdf('sha1', pw, p.salt, KDF_ID.key, p.iterations, pbe.keyLen);
  const iv = pkcs12Kdf('sha1', pw, p.salt, KDF_ID.iv, p.iterations, 8);
  if (pbe.rc2Bits) return rc2CbcDecrypt(key, pbe.rc2Bits, iv, data);
  return nodeDecrypt(pbe.cipher, key, iv, data);
}

export interface EncryptOptions {
  /** `modern`: PBES2 + PBKDF2-SHA256 + AES-256-CBC; `legacy`: pbeWithSHAAnd3-KeyTripleDES-CBC. */
  mode: 'modern' | 'legacy';
  iterations: number;
}

/** Encrypt and return `[AlgorithmIdentifier DER, ciphertext]`. */
export function pbeEncrypt(data: Uint8Array, password: string, opts: EncryptOptions): [Buffer, Buffer] {
  checkIterations(opts.iterations);
  if (opts.mode === 'legacy') {
    const salt = randomBytes(8);
    const pw = bmpPassword(password);
    const key = pkcs12Kdf('sha1', pw, salt, KDF_ID.key, opts.iterations, 24);
    const iv = pkcs12Kdf('sha1', pw, salt, KDF_ID.iv, opts.iterations, 8);
    const c = createCipheriv('des-ede3-cbc', key, iv);
    const ct = Buffer.concat([c.update(data), c.final()]);
    const alg = w.algorithmIdentifier(
      OID.pbeWithSHAAnd3KeyTripleDES,
      w.sequence(w.octetString(salt), w.integer(opts.iterations)),
    );
    return [alg, ct];
  }
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, opts.iterations, 32, 'sha256');
  const c = createCipheriv('aes-256-cbc', key, iv);
  const ct = Buffer.concat([c.update(data), c.final()]);
  const alg = w.algorithmIdentifier(
    OID.pbes2,
    w.sequence(
      w.algorithmIdentifier(
        OID.pbkdf2,
        w.sequence(
          w.octetString(salt),
          w.integer(opts.iterations),
          w.algorithmIdentifier(OID.hmacWithSHA256, w.NULL),
        ),
      ),
      w.algorithmIdentifier(OID.aes256cbc, w.octetString(iv)),
    ),
  );
  return [alg, ct];
}
