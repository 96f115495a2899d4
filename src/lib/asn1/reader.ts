/**
 * A small, strict DER/BER reader. It parses lazily: `parse` reads one TLV header; `children`
 * walks a constructed value. Values are views into the input (no copies), which keeps key
 * listing and signature verification cheap. Every malformed input ends in `MalformedError`.
 */
import { MalformedError } from '../errors/index.js';

export const enum TagClass {
  Universal = 0,
  Application = 1,
  Context = 2,
  Private = 3,
}

export const Tag = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTF8String: 12,
  SEQUENCE: 16,
  SET: 17,
  NumericString: 18,
  PrintableString: 19,
  T61String: 20,
  IA5String: 22,
  UTCTime: 23,
  GeneralizedTime: 24,
  UniversalString: 28,
  BMPString: 30,
} as const;

export interface Node {
  /** Tag class (0 universal, 1 application, 2 context, 3 private). */
  cls: number;
  constructed: boolean;
  tag: number;
  /** Offset of the first header byte in `buf`. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
  buf: Uint8Array;
}

function fail(what: string, at: number): never {
  throw new MalformedError('ASN1_MALFORMED', 'pki.error.der', { params: { what, offset: at } });
}

/** Read the TLV at `pos`; `limit` bounds the value (the end of the parent). */
export function parseAt(buf: Uint8Array, pos = 0, limit = buf.length): Node {
  const start = pos;
  if (pos >= limit) fail('unexpected end of data', pos);
  const b0 = buf[pos++]!;
  const cls = b0 >> 6;
  const constructed = (b0 & 0x20) !== 0;
  let tag = b0 & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    for (let i = 0; ; i++) {
      if (pos >= limit || i > 4) fail('bad tag', start);
      const b = buf[pos++]!;
      tag = tag * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (pos >= limit) fail('missing length', start);
  let len = buf[pos++]!;
  if (len === 0x80) {
    // Indefinite length (BER, as some PKCS#12 writers emit): find the end-of-contents marker.
    if (!constructed) fail('indefinite length on a primitive value', start);
    const contentStart = pos;
    let p = pos;
    for (;;) {
      if (p + 2 > limit) fail('unterminated indefinite length', start);
      if (buf[p] === 0 && buf[p + 1] === 0) break;
      p = outerEnd(parseAt(buf, p, limit)); // a nested indefinite value ends after its own EOC
    }
    return { cls, constructed, tag, start, contentStart, end: p, buf, indefinite: true } as Node;
  }
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n > 6 || pos + n > limit) fail('bad length', start);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos++]!;
  }
  const end = pos + len;
  if (end > limit)
    throw new MalformedError('ASN1_MALFORMED', 'pki.error.derOverrun', { params: { offset: start } });
  return { cls, constructed, tag, start, contentStart: pos, end, buf };
}

/** The whole TLV must fill `buf` exactly (no trailing garbage). */
export function parse(buf: Uint8Array): Node {
  const n = parseAt(buf, 0, buf.length);
  if (outerEnd(n) !== buf.length) fail('trailing data', outerEnd(n));
  return n;
}

/** End offset of the TLV including an indefinite-length end-of-contents marker. */
export function outerEnd(n: Node): number {
  return (n as Node & { indefinite?: boolean }).indefinite ? n.end + 2 : n.end;
}

export function children(n: Node): Node[] {
  if (!n.constructed) fail('expected a constructed value', n.start);
  const out: Node[] = [];
  let p = n.contentStart;
  while (p < n.end) {
    const c = parseAt(n.buf, p, n.end);
    out.push(c);
    p = outerEnd(c);
  }
  return out;
}

export function content(n: Node): Uint8Array {
  return n.buf.subarray(n.contentStart, n.end);
}

/** The full encoding (header + content) of a node. */
export function raw(n: Node): Uint8Array {
  return n.buf.subarray(n.start, outerEnd(n));
}

export function is(n: Node | undefined, tag: number, cls = TagClass.Universal): boolean {
  return n !== undefined && n.tag === tag && n.cls === cls;
}

export function expect(n: Node | undefined, tag: number, what: string, cls = TagClass.Universal): Node {
  if (!n || n.tag !== tag || n.cls !== cls) fail(`expected ${what}`, n?.start ?? -1);
  return n;
}

export function seq(n: Node | undefined, what = 'SEQUENCE'): Node[] {
  return children(expect(n, Tag.SEQUENCE, what));
}

/** Context-specific tag `[num]`. */
export function isContext(n: Node | undefined, num: number): boolean {
  return n !== undefined && n.cls === TagClass.Context && n.tag === num;
}

export function readOid(n: Node | undefined): string {
  const c = content(expect(n, Tag.OID, 'OBJECT IDENTIFIER'));
  if (c.length === 0) fail('empty OID', n!.start);
  const parts: number[] = [];
  let v = 0;
  for (let i = 0; i < c.length; i++) {
    v = v * 128 + (c[i]! & 0x7f);
    if ((c[i]! & 0x80) === 0) {
      if (parts.length === 0) {
        const first = v < 80 ? Math.floor(v / 40) : 2;
        parts.push(first, v - first * 40);
      } else parts.push(v);
      v = 0;
    } else if (i === c.length - 1) fail('truncated OID', n!.start);
  }
  return parts.join('.');
}

export function readBigInt(n: Node | undefined): bigint {
  const c = content(expect(n, Tag.INTEGER, 'INTEGER'));
  if (c.length === 0) fail('empty INTEGER', n!.start);
  let v = 0n;
  for (const b of c) v = (v << 8n) | BigInt(b);
  if (c[0]! & 0x80) v -= 1n << BigInt(c.length * 8);
  return v;
}

export function readSmallInt(n: Node | undefined): number {
  const v = readBigInt(n);
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
    fail('INTEGER too large', n!.start);
  return Number(v);
}

/** Unsigned big-endian magnitude of an INTEGER (leading zero removed). */
export function readUnsignedBytes(n: Node | undefined): Uint8Array {
  const c = content(expect(n, Tag.INTEGER, 'INTEGER'));
  let i = 0;
  while (i < c.length - 1 && c[i] === 0) i++;
  return c.subarray(i);
}

export function readOctets(n: Node | undefined): Uint8Array {
  const node = expect(n, Tag.OCTET_STRING, 'OCTET STRING');
  if (!node.constructed) return content(node);
  // BER constructed OCTET STRING (seen in PKCS#12 from some writers): concatenate the pieces.
  return Buffer.concat(children(node).map((c) => readOctets(c)));
}

export function readBitString(n: Node | undefined): Uint8Array {
  const c = content(expect(n, Tag.BIT_STRING, 'BIT STRING'));
  if (c.length === 0 || c[0]! > 7) fail('bad BIT STRING', n!.start);
  return c.subarray(1);
}

export function readBoolean(n: Node | undefined): boolean {
  const c = content(expect(n, Tag.BOOLEAN, 'BOOLEAN'));
  if (c.length !== 1) fail('bad BOOLEAN', n!.start);
  return c[0] !== 0;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Any of the string types used in names, decoded to a JS string. */
export function readString(n: Node | undefined): string {
  if (!n || n.cls !== TagClass.Universal) fail('expected a string', n?.start ?? -1);
  const c = content(n);
  switch (n.tag) {
    case Tag.BMPString: {
      let s = '';
      for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode((c[i]! << 8) | c[i + 1]!);
      return s;
    }
    case Tag.UniversalString: {
      let s = '';
      for (let i = 0; i + 3 < c.length; i += 4)
        s += String.fromCodePoint(((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0);
      return s;
    }
    case Tag.UTF8String:
    case Tag.PrintableString:
    case Tag.IA5String:
    case Tag.NumericString:
    case Tag.T61String:
      return decoder.decode(c);
    default:
      fail(`unexpected string type ${n.tag}`, n.start);
  }
}

/** UTCTime or GeneralizedTime → Date. */
export function readTime(n: Node | undefined): Date {
  if (!n || n.cls !== TagClass.Universal || (n.tag !== Tag.UTCTime && n.tag !== Tag.GeneralizedTime))
    fail('expected a time', n?.start ?? -1);
  const s = decoder.decode(content(n));
  const m =
    n.tag === Tag.UTCTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/.exec(s)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?(Z|[+-]\d{4})?$/.exec(s);
  if (!m) fail('bad time', n.start);
  let year = Number(m[1]);
  if (n.tag === Tag.UTCTime) year += year < 50 ? 2000 : 1900;
  const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  let off = 0;
  const z = m[7];
  if (z && z !== 'Z')
    off = (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60000;
  const d = new Date(ms - off);
  if (Number.isNaN(d.getTime())) fail('bad time', n.start);
  return d;
}
