/**
 * PKCS#10 certification requests (RFC 2986): built by `key apply` with a locally generated
 * key, parsed and verified by the sandbox CA.
 */
import {
  children,
  content,
  expect,
  isContext,
  parse,
  raw,
  readBitString,
  readOctets,
  readOid,
  readSmallInt,
  seq,
  Tag,
  w,
} from '../asn1/index.js';
import { isOneIdError, MalformedError } from '../errors/index.js';
import type { Extension } from './certificate.js';
import { encodeExtensions, type ExtensionsInput } from './extensions.js';
import {
  decodePublicKey,
  describeSpki,
  encodePublicKey,
  publicKeyOf,
  signatureAlgorithmFor,
  signWith,
  verifyWith,
  type KeyAlgorithmInfo,
  type PrivateKey,
  type PublicKey,
} from './key-codec.js';
import { encodeName, readName, type DistinguishedName, type NameInput } from './name.js';
import { OID } from '../crypto/index.js';

export interface Pkcs10Input {
  subject: NameInput;
  privateKey: PrivateKey;
  /** Requested extensions (key usage etc.), sent as an extensionRequest attribute. */
  extensions?: ExtensionsInput;
}

export interface Pkcs10Request {
  raw: Uint8Array;
  subject: DistinguishedName;
  spki: Uint8Array;
  publicKeyAlgorithm: KeyAlgorithmInfo;
  readonly publicKey: PublicKey;
  signatureAlgorithmOid: string;
  /** Requested extensions (from the extensionRequest attribute). */
  extensions: Extension[];
  /** The self-signature is valid (proof of possession). */
  verify(): boolean;
}

export function buildPkcs10(input: Pkcs10Input): Buffer {
  const spki = encodePublicKey(publicKeyOf(input.privateKey));
  const attrs: Buffer[] = [];
  if (input.extensions) {
    const exts = encodeExtensions(input.extensions);
    if (exts) attrs.push(w.sequence(w.oid(OID.extensionRequest), w.set(exts)));
  }
  const info = w.sequence(w.integer(0), encodeName(input.subject), spki, w.implicitConstructed(0, ...attrs));
  const alg = signatureAlgorithmFor(input.privateKey);
  return w.sequence(info, alg, w.bitString(signWith(input.privateKey, info)));
}

export function parsePkcs10(der: Uint8Array): Pkcs10Request {
  try {
    return readPkcs10(der);
  } catch (e) {
    if (isOneIdError(e)) throw e;
    throw new MalformedError('CSR_MALFORMED', 'pki.error.csr', { cause: e });
  }
}

function readPkcs10(der: Uint8Array): Pkcs10Request {
  const [infoNode, algNode, sigNode] = seq(parse(der), 'CertificationRequest');
  const [version, subjectNode, spkiNode, attrsNode] = seq(infoNode, 'CertificationRequestInfo');
  if (readSmallInt(version) !== 0) throw new MalformedError('CSR_MALFORMED', 'pki.error.csr');
  const spki = raw(expect(spkiNode, Tag.SEQUENCE, 'SubjectPublicKeyInfo'));
  const extensions: Extension[] = [];
  if (attrsNode && isContext(attrsNode, 0)) {
    for (const attr of children(attrsNode)) {
      const [oidNode, values] = seq(attr, 'Attribute');
      if (readOid(oidNode) !== OID.extensionRequest) continue;
      for (const ext of seq(children(values!)[0], 'Extensions')) {
        const items = seq(ext, 'Extension');
        const critical = items.length === 3 && content(items[1]!)[0] !== 0;
        extensions.push({ oid: readOid(items[0]), critical, value: readOctets(items[items.length - 1]) });
      }
    }
  }
  const sigOid = readOid(seq(algNode, 'AlgorithmIdentifier')[0]);
  const signature = readBitString(sigNode);
  const info = raw(infoNode!);
  let key: PublicKey | undefined;
  const req: Pkcs10Request = {
    raw: der,
    subject: readName(subjectNode!),
    spki,
    publicKeyAlgorithm: describeSpki(spki),
    get publicKey() {
      key ??= decodePublicKey(spki);
      return key;
    },
    signatureAlgorithmOid: sigOid,
    extensions,
    verify: () => verifyWith(req.publicKey, sigOid, info, signature),
  };
  return req;
}
