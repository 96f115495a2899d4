/**
 * X.500 distinguished names: read into an ordered attribute list, render as a `key=value,...`
 * string (encoded order, the way E-IMZO aliases spell it), and encode from attributes.
 */
import { children, expect, raw, readOid, readString, seq, Tag, w, type Node } from '../asn1/index.js';
import { UsageError } from '../errors/index.js';
import { OID } from '../crypto/index.js';
import { NAME_ATTRIBUTE_OID, NAME_ATTRIBUTE_SHORT } from './oids.js';

export interface NameAttribute {
  oid: string;
  /** Short name (`CN`, `O`, `UID`…) or the dotted OID when there is none. */
  type: string;
  value: string;
}

export interface DistinguishedName {
  attributes: NameAttribute[];
  /** `CN=…,O=…` in encoded order; values are not escaped (E-IMZO style). */
  text: string;
  /** The DER of the Name, for exact comparisons (issuer ↔ subject). */
  der: Uint8Array;
}

export function readName(n: Node): DistinguishedName {
  const attributes: NameAttribute[] = [];
  for (const rdn of seq(n, 'Name')) {
    for (const atv of children(expect(rdn, Tag.SET, 'RelativeDistinguishedName'))) {
      const [t, v] = seq(atv, 'AttributeTypeAndValue');
      const oid = readOid(t);
      attributes.push({ oid, type: NAME_ATTRIBUTE_SHORT[oid] ?? oid, value: readString(v) });
    }
  }
  return { attributes, text: nameToString(attributes), der: raw(n) };
}

export function nameToString(attributes: NameAttribute[]): string {
  return attributes.map((a) => `${a.type}=${a.value}`).join(',');
}

/** First value of an attribute by OID. */
export function nameValue(name: DistinguishedName, oid: string): string | undefined {
  return name.attributes.find((a) => a.oid === oid)?.value;
}

/** An attribute to encode: `type` is a short name (`CN`, `PINFL`, `TIN`…) or a dotted OID. */
export type NameInput = Array<[type: string, value: string]> | Record<string, string | undefined>;

export function attributeOid(type: string): string {
  if (/^\d+(\.\d+)+$/.test(type)) return type;
  const oid = NAME_ATTRIBUTE_OID[type.toUpperCase()];
  if (!oid) throw new UsageError('PKI_NAME_ATTRIBUTE', 'pki.error.nameAttribute', { params: { type } });
  return oid;
}

const PRINTABLE_ONLY = new Set<string>([OID.C, OID.SERIALNUMBER]);

/** Encode a Name, one attribute per RDN, in the order given. */
export function encodeName(input: NameInput): Buffer {
  const pairs = Array.isArray(input)
    ? input
    : Object.entries(input).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  const rdns = pairs.map(([type, value]) => {
    const oid = attributeOid(type);
    const str =
      PRINTABLE_ONLY.has(oid) && /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(value)
        ? w.printable(value)
        : oid === OID.EMAIL
          ? w.ia5(value)
          : w.utf8(value);
    return w.set(w.sequence(w.oid(oid), str));
  });
  return w.sequence(...rdns);
}
