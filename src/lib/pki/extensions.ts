/** Encoding of the X.509 extensions our certificate issuing (issue.ts) and PKCS#10 requests use. */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { parse, readBitString, seq, w } from '../asn1/index.js';
import { KEY_USAGE_BITS, type KeyUsage } from './certificate.js';
import { OID } from '../crypto/index.js';

export interface ExtensionsInput {
  keyUsage?: KeyUsage[];
  extKeyUsage?: string[];
  /** basicConstraints; `ca: true` marks a CA certificate (critical). */
  ca?: boolean;
  pathLength?: number;
  /** Mark basicConstraints critical also for an end entity (default: critical only for a CA). */
  basicConstraintsCritical?: boolean;
  /** Mark extKeyUsage critical (RFC 3161 asks it of time-stamping certificates). */
  extKeyUsageCritical?: boolean;
  policies?: string[];
  /** SubjectPublicKeyInfo DER: produces the subjectKeyIdentifier. */
  subjectSpki?: Uint8Array;
  /** Issuer's subjectKeyIdentifier (hex) for authorityKeyIdentifier. */
  authorityKeyId?: string;
  /** crlDistributionPoints with one URI. */
  crlUrl?: string;
  /** authorityInfoAccess with one id-ad-ocsp URI (the OCSP responder). */
  ocspUrl?: string;
  /** subjectAltName: DNS names and IP addresses (a TLS server certificate). */
  subjectAltNames?: GeneralName[];
  /**
   * nameConstraints (critical) with these permitted subtrees only: a DNS name, or an IP
   * address with its prefix length (`127.0.0.1/32`, `::1/128`).
   */
  permittedSubtrees?: GeneralName[];
}

/** The two GeneralName forms a TLS name uses (RFC 5280 §4.2.1.6): dNSName [2], iPAddress [7]. */
export type GeneralName = { dns: string } | { ip: string };

/** An IP address as octets (4 or 16); `::` shorthand and an embedded IPv4 tail are expanded. */
function ipOctets(text: string): Buffer {
  const kind = isIP(text);
  if (kind === 4) return Buffer.from(text.split('.').map(Number));
  if (kind !== 6) throw new TypeError(`not an IP address: ${text}`);
  let s = text;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const o = ipOctets(v4[1]!);
    s = s.slice(0, -v4[1]!.length) + `${o.readUInt16BE(0).toString(16)}:${o.readUInt16BE(2).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

/** A name as a GeneralName (subjectAltName entry). */
function generalName(n: GeneralName): Buffer {
  return 'dns' in n
    ? w.implicitPrimitive(2, Buffer.from(n.dns, 'ascii'))
    : w.implicitPrimitive(7, ipOctets(n.ip));
}

/** A constraint base: a DNS name, or an IP address followed by its mask (RFC 5280 §4.2.1.10). */
function subtreeBase(n: GeneralName): Buffer {
  if ('dns' in n) return generalName(n);
  const [address, prefix] = n.ip.split('/');
  const octets = ipOctets(address!);
  const bits = prefix === undefined ? octets.length * 8 : Number(prefix);
  const mask = Buffer.alloc(octets.length);
  for (let i = 0; i < bits; i++) mask[i >> 3]! |= 0x80 >> (i & 7);
  return w.implicitPrimitive(7, Buffer.concat([octets, mask]));
}

export function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return critical
    ? w.sequence(w.oid(oid), w.boolean(true), w.octetString(value))
    : w.sequence(w.oid(oid), w.octetString(value));
}

export function keyUsageBits(usages: KeyUsage[]): Buffer {
  const bits = usages.map((u) => KEY_USAGE_BITS.indexOf(u)).filter((i) => i >= 0);
  const max = Math.max(...bits);
  const bytes = Buffer.alloc((max >> 3) + 1);
  for (const i of bits) bytes[i >> 3]! |= 0x80 >> (i & 7);
  return w.bitString(bytes, 7 - (max & 7));
}

/** RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING value. */
export function keyIdentifier(spki: Uint8Array): string {
  const [, bits] = seq(parse(spki), 'SubjectPublicKeyInfo');
  return createHash('sha1').update(readBitString(bits)).digest('hex');
}

/** The `Extensions` SEQUENCE, or undefined when nothing is requested. */
export function encodeExtensions(input: ExtensionsInput): Buffer | undefined {
  const exts: Buffer[] = [];
  if (input.ca !== undefined) {
    const items: Buffer[] = input.ca ? [w.boolean(true)] : [];
    if (input.ca && input.pathLength !== undefined) items.push(w.integer(input.pathLength));
    exts.push(
      extension(OID.basicConstraints, input.basicConstraintsCritical ?? input.ca, w.sequence(...items)),
    );
  }
  if (input.keyUsage?.length) exts.push(extension(OID.keyUsage, true, keyUsageBits(input.keyUsage)));
  if (input.extKeyUsage?.length)
    exts.push(
      extension(
        OID.extKeyUsage,
        input.extKeyUsageCritical ?? false,
        w.sequence(...input.extKeyUsage.map((o) => w.oid(o))),
      ),
    );
  if (input.policies?.length)
    exts.push(
      extension(
        OID.certificatePolicies,
        false,
        w.sequence(...input.policies.map((o) => w.sequence(w.oid(o)))),
      ),
    );
  if (input.subjectSpki)
    exts.push(
      extension(
        OID.subjectKeyIdentifier,
        false,
        w.octetString(Buffer.from(keyIdentifier(input.subjectSpki), 'hex')),
      ),
    );
  if (input.authorityKeyId)
    exts.push(
      extension(
        OID.authorityKeyIdentifier,
        false,
        w.sequence(w.implicitPrimitive(0, Buffer.from(input.authorityKeyId, 'hex'))),
      ),
    );
  if (input.crlUrl) {
    // DistributionPoint { distributionPoint [0] { fullName [0] { uniformResourceIdentifier [6] } } }
    const uri = w.implicitPrimitive(6, Buffer.from(input.crlUrl, 'latin1'));
    exts.push(
      extension(
        OID.crlDistributionPoints,
        false,
        w.sequence(w.sequence(w.explicit(0, w.implicitConstructed(0, uri)))),
      ),
    );
  }
  if (input.ocspUrl) {
    // AuthorityInfoAccessSyntax ::= SEQUENCE OF AccessDescription { accessMethod, accessLocation [6] }
    const uri = w.implicitPrimitive(6, Buffer.from(input.ocspUrl, 'latin1'));
    exts.push(extension(OID.authorityInfoAccess, false, w.sequence(w.sequence(w.oid(OID.adOcsp), uri))));
  }
  if (input.subjectAltNames?.length)
    exts.push(extension(OID.subjectAltName, false, w.sequence(...input.subjectAltNames.map(generalName))));
  if (input.permittedSubtrees?.length)
    // NameConstraints { permittedSubtrees [0] SEQUENCE OF GeneralSubtree { base } }; critical (RFC 5280).
    exts.push(
      extension(
        OID.nameConstraints,
        true,
        w.sequence(
          w.implicitConstructed(0, ...input.permittedSubtrees.map((n) => w.sequence(subtreeBase(n)))),
        ),
      ),
    );
  return exts.length ? w.sequence(...exts) : undefined;
}
