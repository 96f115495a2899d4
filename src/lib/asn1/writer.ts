/**
 * A lean DER writer: each function returns the complete encoding of one value as a Buffer.
 * Composite values concatenate their children once; there is no intermediate tree, which is
 * what makes CMS and PKCS#12 writing fast (see docs/decisions.md).
 */
import { Tag } from './reader.js';

function lengthBytes(len: number): Buffer {
  if (len < 0x80) return Buffer.from([len]);
  const bytes: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Encode a TLV with an explicit identifier octet (class | constructed | tag < 31). */
export function tlv(identifier: number, ...parts: Uint8Array[]): Buffer {
  const body = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return Buffer.concat([Buffer.from([identifier]), lengthBytes(body.length), body]);
}

export const sequence = (...items: Uint8Array[]): Buffer => tlv(0x30, ...items);
/** SET OF in DER order (sorted by encoding), as signed attributes require. */
export const setOf = (...items: Uint8Array[]): Buffer => tlv(0x31, ...[...items].sort(Buffer.compare));
/** SET whose order the caller already fixed. */
export const set = (...items: Uint8Array[]): Buffer => tlv(0x31, ...items);
/** `[n] EXPLICIT` wrapper (constructed context tag). */
export const explicit = (n: number, ...inner: Uint8Array[]): Buffer => tlv(0xa0 | n, ...inner);
/** `[n] IMPLICIT` constructed (e.g. certificates [0] in SignedData). */
export const implicitConstructed = (n: number, ...content: Uint8Array[]): Buffer => tlv(0xa0 | n, ...content);
/** `[n] IMPLICIT` primitive. */
export const implicitPrimitive = (n: number, content: Uint8Array): Buffer => tlv(0x80 | n, content);
/** Re-tag an existing encoding with a different identifier octet (e.g. SET → [0] IMPLICIT). */
export function retag(encoded: Uint8Array, identifier: number): Buffer {
  const b = Buffer.from(encoded);
  b[0] = identifier;
  return b;
}

export const NULL = Buffer.from([0x05, 0x00]);

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map((p) => BigInt(p));
  if (parts.length < 2) throw new RangeError(`bad OID ${dotted}`);
  const arcs = [parts[0]! * 40n + parts[1]!, ...parts.slice(2)];
  const out: number[] = [];
  for (const arc of arcs) {
    const group: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) group.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...group);
  }
  return tlv(Tag.OID, Buffer.from(out));
}

/** INTEGER from a number, bigint, or unsigned big-endian bytes. */
export function integer(v: number | bigint | Uint8Array): Buffer {
  if (v instanceof Uint8Array) {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    const mag = v.subarray(i);
    return tlv(Tag.INTEGER, mag[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), mag]) : mag);
  }
  let n = BigInt(v);
  if (n < 0n) {
    // Two's complement for negatives (rare in PKI; kept for completeness).
    let bytes = 1;
    while (n < -(1n << BigInt(bytes * 8 - 1))) bytes++;
    n += 1n << BigInt(bytes * 8);
    return tlv(Tag.INTEGER, Buffer.from(n.toString(16).padStart(bytes * 2, '0'), 'hex'));
  }
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const b = Buffer.from(hex, 'hex');
  return tlv(Tag.INTEGER, b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
}

export const octetString = (b: Uint8Array): Buffer => tlv(Tag.OCTET_STRING, b);
export const bitString = (b: Uint8Array, unusedBits = 0): Buffer =>
  tlv(Tag.BIT_STRING, Buffer.from([unusedBits]), b);
/** ENUMERATED (a small non-negative value). */
export const enumerated = (v: number): Buffer => retag(integer(v), 0x0a);
export const boolean = (v: boolean): Buffer => tlv(Tag.BOOLEAN, Buffer.from([v ? 0xff : 0]));
export const utf8 = (s: string): Buffer => tlv(Tag.UTF8String, Buffer.from(s, 'utf8'));
export const printable = (s: string): Buffer => tlv(Tag.PrintableString, Buffer.from(s, 'latin1'));
export const ia5 = (s: string): Buffer => tlv(Tag.IA5String, Buffer.from(s, 'latin1'));
export const numeric = (s: string): Buffer => tlv(Tag.NumericString, Buffer.from(s, 'latin1'));
export function bmp(s: string): Buffer {
  const b = Buffer.alloc(s.length * 2);
  for (let i = 0; i < s.length; i++) b.writeUInt16BE(s.charCodeAt(i), i * 2);
  return tlv(Tag.BMPString, b);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** RFC 5280: UTCTime for 1950-2049, GeneralizedTime otherwise; always Z, whole seconds. */
export function time(d: Date): Buffer {
  const y = d.getUTCFullYear();
  const rest = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(Tag.UTCTime, Buffer.from(pad(y % 100) + rest, 'latin1'));
  return generalizedTime(d);
}

export function generalizedTime(d: Date): Buffer {
  const s = `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  return tlv(Tag.GeneralizedTime, Buffer.from(s, 'latin1'));
}

/** AlgorithmIdentifier { oid, parameters? }; pass `NULL` explicitly where a NULL is required. */
export const algorithmIdentifier = (algOid: string, params?: Uint8Array): Buffer =>
  params ? sequence(oid(algOid), params) : sequence(oid(algOid));
