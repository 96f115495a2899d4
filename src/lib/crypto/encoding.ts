/**
 * Key encodings: SubjectPublicKeyInfo and PKCS#8, as E-IMZO writes GOST keys (REFERENCES.md §1-2)
 * and as OpenSSL's GOST engine writes them (our interop peer). RSA/EC keys go through node:crypto.
 *
 * GOST SubjectPublicKeyInfo (RFC 4491 §2.3.2, Uzbek OIDs):
 *   SEQUENCE { SEQUENCE { keyOID, SEQUENCE { paramSetOID [, digestParamOID] } },
 *              BIT STRING { OCTET STRING (64) x‖y, each 32 octets LITTLE-endian } }
 * GOST PKCS#8 as E-IMZO: privateKey = ECPrivateKey (SEC1) { 1, OCTET STRING d BIG-endian, … };
 * as OpenSSL's engine: privateKey = the 32 octets of d, LITTLE-endian, unwrapped (its reader
 * also takes masked keys, an OCTET STRING, little-endian, or an INTEGER). We read all of these
 * and write the E-IMZO form (or the OpenSSL form through `encodeOpenSslGostPkcs8`).
 */
import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import {
  children,
  content,
  is,
  parse,
  parseAt,
  readBigInt,
  readBitString,
  readOctets,
  readOid,
  seq,
  Tag,
  w,
  type Node,
} from '../asn1/index.js';
import { CURVE_BY_PARAMSET_OID, curve, isOnCurve, PARAMSET_OID, type GostCurve } from './curves.js';
import { malformedKey, notOnCurve, unsupportedAlgorithm } from './errors.js';
import { bigToBytesBE, bigToBytesLE, bytesToBigBE, bytesToBigLE } from './gost2001.js';
import {
  gostKeyFromScalar,
  isKeyObject,
  type GostFamily,
  type GostPrivateKey,
  type GostPublicKey,
  type PrivateKey,
  type PublicKey,
} from './keys.js';
import { GOST_KEY_OIDS, OID, OID_NAMES } from './oids.js';

const KEY_OID: Record<GostFamily, string> = { ozdst2009: OID.ozdst1092Key, ozmst2024: OID.ozmst2024Key };

function familyOf(keyOid: string): GostFamily {
  return keyOid === OID.ozmst2024Key ? 'ozmst2024' : 'ozdst2009';
}

/** Read a DER structure, turning any reader failure into a key error with the reason. */
function guarded<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
      const code = (e as { code: string }).code;
      if (code.startsWith('CRYPTO_')) throw e;
    }
    throw malformedKey(what, e);
  }
}

/** The curve named by GOST AlgorithmIdentifier parameters: `SEQUENCE { OID, … }` or a bare OID. */
function curveFromParams(params: Node | undefined): GostCurve {
  let oidNode: Node | undefined = params;
  if (params && is(params, Tag.SEQUENCE)) oidNode = children(params)[0];
  if (!oidNode || !is(oidNode, Tag.OID)) throw malformedKey('missing GOST parameter set');
  const oid = readOid(oidNode);
  const c = CURVE_BY_PARAMSET_OID[oid];
  if (!c) throw unsupportedAlgorithm(oid, OID_NAMES[oid]);
  return c;
}

function unsupportedKeyOid(oid: string): never {
  throw unsupportedAlgorithm(oid, OID_NAMES[oid]);
}

// ---------------------------------------------------------------------------------------------
// SubjectPublicKeyInfo

function gostPoint(pub: GostPublicKey): Buffer {
  return Buffer.concat([bigToBytesLE(pub.x, 32), bigToBytesLE(pub.y, 32)]);
}

function gostSpki(pub: GostPublicKey, keyOid: string, params: Buffer): Buffer {
  return w.sequence(w.sequence(w.oid(keyOid), params), w.bitString(w.octetString(gostPoint(pub))));
}

export function encodeSpki(key: PublicKey | PrivateKey): Buffer {
  if (isKeyObject(key)) {
    const pub = key.type === 'private' ? createPublicKey(key) : key;
    return pub.export({ type: 'spki', format: 'der' });
  }
  const pub = 'd' in key ? key.publicKey : key;
  return gostSpki(pub, KEY_OID[pub.family], w.sequence(w.oid(PARAMSET_OID[pub.family][pub.curve])));
}

export function decodeSpki(der: Uint8Array): PublicKey {
  const { oid, params, bits } = guarded('SubjectPublicKeyInfo', () => {
    const [alg, bitsNode] = seq(parse(der), 'SubjectPublicKeyInfo');
    const [oidNode, paramsNode] = seq(alg, 'AlgorithmIdentifier');
    return { oid: readOid(oidNode), params: paramsNode, bits: bitsNode };
  });
  if (GOST_KEY_OIDS.includes(oid)) {
    const c = guarded('GOST parameters', () => curveFromParams(params));
    const point = guarded('GOST public key', () => {
      const b = readBitString(bits);
      // The point is an OCTET STRING inside the BIT STRING; tolerate a bare 64-octet value too.
      if (b.length === 64) return b;
      return readOctets(parse(b));
    });
    if (point.length !== 64) throw malformedKey('a GOST public key must be 64 octets');
    return gostPublicKeyFromPoint(c, familyOf(oid), point);
  }
  if (oid === OID.rsaEncryption || oid === OID.ecPublicKey) {
    try {
      return createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
    } catch (e) {
      throw malformedKey('SubjectPublicKeyInfo', e);
    }
  }
  unsupportedKeyOid(oid);
}

/** x‖y little-endian (64 octets) → a validated public key. */
export function gostPublicKeyFromPoint(c: GostCurve, family: GostFamily, point: Uint8Array): GostPublicKey {
  const x = bytesToBigLE(point.subarray(0, 32));
  const y = bytesToBigLE(point.subarray(32, 64));
  if (!isOnCurve(c, x, y)) throw notOnCurve(c);
  return { kind: 'gost2001', curve: c, family, x, y };
}

// ---------------------------------------------------------------------------------------------
// PKCS#8

export function encodePkcs8(key: PrivateKey): Buffer {
  if (isKeyObject(key)) {
    if (key.type !== 'private') throw malformedKey('a public key has no PKCS#8 encoding');
    return key.export({ type: 'pkcs8', format: 'der' });
  }
  // ECPrivateKey without the optional public key: E-IMZO's exact form of it is unconfirmed,
  // and every reader (ours included) derives it from d.
  const ecPrivateKey = w.sequence(w.integer(1), w.octetString(bigToBytesBE(key.d, 32)));
  return w.sequence(
    w.integer(0),
    w.sequence(w.oid(KEY_OID[key.family]), w.sequence(w.oid(PARAMSET_OID[key.family][key.curve]))),
    w.octetString(ecPrivateKey),
  );
}

export function decodePkcs8(der: Uint8Array): PrivateKey {
  const { oid, params, priv } = guarded('PKCS#8', () => {
    const [version, alg, privNode] = seq(parse(der), 'PrivateKeyInfo');
    const v = readBigInt(version);
    if (v !== 0n && v !== 1n) throw malformedKey(`PKCS#8 version ${v}`);
    const [oidNode, paramsNode] = seq(alg, 'AlgorithmIdentifier');
    return { oid: readOid(oidNode), params: paramsNode, priv: readOctets(privNode) };
  });
  if (GOST_KEY_OIDS.includes(oid)) {
    const c = guarded('GOST parameters', () => curveFromParams(params));
    const d = guarded('GOST private key', () => gostScalar(priv, curve(c).params.n));
    if (d <= 0n || d >= curve(c).params.n) throw malformedKey('the private scalar is out of range');
    return gostKeyFromScalar(c, d, familyOf(oid));
  }
  if (oid === OID.rsaEncryption || oid === OID.ecPublicKey) {
    try {
      return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    } catch (e) {
      throw malformedKey('PKCS#8', e);
    }
  }
  unsupportedKeyOid(oid);
}

/**
 * d from the PKCS#8 privateKey octets, whichever writer made them. The length decides first, as
 * in OpenSSL's engine (`priv_decode_gost`), so a raw key that happens to look like DER is not
 * misread:
 * - 32 octets: d itself, little-endian (what the OpenSSL engine writes);
 * - 64, 96… octets: a masked key (CryptoPro export): d = k·m1·m2… mod q, all little-endian;
 * - ECPrivateKey SEQUENCE (E-IMZO): the OCTET STRING inside is big-endian;
 * - INTEGER: big-endian; OCTET STRING: little-endian (older engine forms).
 */
function gostScalar(priv: Uint8Array, q: bigint): bigint {
  if (priv.length % 32 === 0 && priv.length > 0) {
    let d = bytesToBigLE(priv.subarray(0, 32));
    for (let off = 32; off < priv.length; off += 32) d = (d * bytesToBigLE(priv.subarray(off, off + 32))) % q;
    return d;
  }
  const tlv = wholeTlv(priv);
  if (tlv && is(tlv, Tag.SEQUENCE)) {
    const items = children(tlv);
    const octets = items.find((n) => is(n, Tag.OCTET_STRING));
    if (!octets) throw malformedKey('ECPrivateKey without a private key');
    return bytesToBigBE(content(octets));
  }
  if (tlv && is(tlv, Tag.INTEGER)) return readBigInt(tlv);
  if (tlv && is(tlv, Tag.OCTET_STRING)) return bytesToBigLE(content(tlv));
  throw malformedKey('unrecognised GOST private key layout');
}

/** The single TLV filling `b` exactly, or undefined (then `b` is raw octets). */
function wholeTlv(b: Uint8Array): Node | undefined {
  try {
    const n = parseAt(b, 0, b.length);
    return n.end === b.length ? n : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// OpenSSL GOST engine forms (Russian OIDs), for interop tests and for users who move keys there.

const OPENSSL_PARAMS = (c: GostCurve): Buffer =>
  w.sequence(w.oid(PARAMSET_OID.gost[c]), w.oid(OID.gostR3411_94CryptoProParamSet));

export function encodeOpenSslGostSpki(key: GostPublicKey | GostPrivateKey): Buffer {
  const pub = 'd' in key ? key.publicKey : key;
  return gostSpki(pub, OID.gostR3410_2001, OPENSSL_PARAMS(pub.curve));
}

/** PKCS#8 exactly as `openssl genpkey -engine gost -algorithm gost2001` writes it. */
export function encodeOpenSslGostPkcs8(key: GostPrivateKey): Buffer {
  return w.sequence(
    w.integer(0),
    w.sequence(w.oid(OID.gostR3410_2001), OPENSSL_PARAMS(key.curve)),
    w.octetString(bigToBytesLE(key.d, 32)),
  );
}

/**
 * Convert a GOST SubjectPublicKeyInfo or PKCS#8 (Uzbek or Russian OIDs) into the OpenSSL
 * engine's form: OIDs swapped to `1.2.643.2.2.*`, private key as 32 little-endian octets.
 */
export function toOpenSslGost(der: Uint8Array): Buffer {
  const first = guarded('key', () => seq(parse(der), 'key')[0]);
  if (is(first, Tag.INTEGER)) {
    const k = decodePkcs8(der);
    if (isKeyObject(k)) throw malformedKey('not a GOST key');
    return encodeOpenSslGostPkcs8(k);
  }
  const k = decodeSpki(der);
  if (k instanceof KeyObject) throw malformedKey('not a GOST key');
  return encodeOpenSslGostSpki(k);
}

export function toPem(der: Uint8Array, label: 'PUBLIC KEY' | 'PRIVATE KEY'): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}
