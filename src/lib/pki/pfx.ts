/**
 * PKCS#12 key files at the level the rest of the tool thinks in: open one with its password
 * into a private key + certificate chain, list one without a password, write one, and change
 * its password keeping every bag and attribute.
 */
import { createHash } from 'node:crypto';
import { children, parse, readOctets, readOid, seq } from '../asn1/index.js';
import { KeyUnusableError, MalformedError } from '../errors/index.js';
import { aliasFor } from './alias.js';
import { buildChain, parseCertificate, type Certificate } from './certificate.js';
import {
  decodePrivateKey,
  encodePrivateKey,
  encodePublicKey,
  publicKeyOf,
  type PrivateKey,
} from './key-codec.js';
import { OID } from '../crypto/index.js';
import type { MacInfo } from './pkcs12/mac.js';
import type { ProtectionInfo } from './pkcs12/pbe.js';
import { readPfxStructure } from './pkcs12/read.js';
import type { PfxStructure, SafeBag } from './pkcs12/structure.js';
import {
  certBagValue,
  DEFAULT_ITERATIONS,
  encodePfx,
  friendlyNameAttribute,
  localKeyIdAttribute,
} from './pkcs12/write.js';

export interface PfxProtection {
  /** Protection of each shrouded key bag. */
  keys: ProtectionInfo[];
  /** Protection of each encrypted safe (usually the certificate safe). */
  safes: ProtectionInfo[];
  mac?: MacInfo;
}

/** What a PFX shows without its password. */
export interface PfxPublicInfo {
  /** The key's alias: the key bag's friendlyName, else the leaf certificate bag's. */
  alias?: string;
  /** Certificates from unencrypted bags (empty when the certificate safe is encrypted). */
  certificates: Certificate[];
  /** The certificate that belongs to the key, when it could be identified. */
  certificate?: Certificate;
  keyCount: number;
  /** Parts that need the password to read (e.g. `certificates`). */
  unreadable: string[];
  protection: PfxProtection;
}

export interface OpenedPfx {
  privateKey: PrivateKey;
  certificate: Certificate;
  /** The certificate followed by its issuers found in the file (leaf first). */
  chain: Certificate[];
  /** Every certificate in the file. */
  certificates: Certificate[];
  alias?: string;
  protection: PfxProtection;
  /** Parsed and decrypted structure, for re-encoding (password change). */
  structure: PfxStructure;
}

interface CertEntry {
  cert: Certificate;
  bag: SafeBag;
}

function certificatesOf(structure: PfxStructure): CertEntry[] {
  const out: CertEntry[] = [];
  for (const safe of structure.safes) {
    for (const bag of safe.bags) {
      if (bag.bagOid !== OID.certBag || !bag.value) continue;
      const [typeNode, wrap] = seq(parse(bag.value), 'CertBag');
      if (readOid(typeNode) !== OID.x509Certificate) continue; // SDSI certificates: ignore
      out.push({ cert: parseCertificate(readOctets(children(wrap!)[0])), bag });
    }
  }
  return out;
}

function keyBags(structure: PfxStructure): SafeBag[] {
  return structure.safes.flatMap((s) =>
    s.bags.filter((b) => b.bagOid === OID.pkcs8ShroudedKeyBag || b.bagOid === OID.keyBag),
  );
}

function protectionOf(structure: PfxStructure): PfxProtection {
  return {
    keys: keyBags(structure).flatMap((b) => (b.protection ? [b.protection] : [])),
    safes: structure.safes.flatMap((s) => (s.encrypted && s.protection ? [s.protection] : [])),
    mac: structure.mac,
  };
}

/** The leaf: certificate with the key's localKeyId, else the first non-CA certificate. */
function pickLeaf(certs: CertEntry[], key?: SafeBag): CertEntry | undefined {
  if (key?.localKeyId) {
    const byId = certs.find((c) => c.bag.localKeyId?.equals(key.localKeyId!));
    if (byId) return byId;
  }
  return certs.find((c) => !c.cert.basicConstraints?.ca) ?? certs[0];
}

/** List a PFX without its password. */
export function readPfxPublic(bytes: Uint8Array): PfxPublicInfo {
  const structure = readPfxStructure(bytes);
  const certs = certificatesOf(structure);
  const keys = keyBags(structure);
  const leaf = pickLeaf(certs, keys[0]);
  const unreadable = structure.safes.some((s) => !s.readable) ? ['certificates'] : [];
  return {
    alias: keys[0]?.friendlyName ?? leaf?.bag.friendlyName,
    certificates: certs.map((c) => c.cert),
    certificate: leaf?.cert,
    keyCount: keys.length,
    unreadable,
    protection: protectionOf(structure),
  };
}

/** Open a PFX with its password: private key, its certificate and chain. */
export function readPfx(bytes: Uint8Array, password: string): OpenedPfx {
  const structure = readPfxStructure(bytes, password);
  const keyBag = keyBags(structure)[0];
  if (!keyBag?.value) throw new MalformedError('PFX_NO_KEY', 'pki.error.noKey');
  const privateKey = decodePrivateKey(keyBag.value);
  const certs = certificatesOf(structure);
  let leaf = keyBag.localKeyId ? certs.find((c) => c.bag.localKeyId?.equals(keyBag.localKeyId!)) : undefined;
  if (!leaf) {
    // No localKeyId link: match by public key (derivation needs the crypto area for GOST).
    let spki: Buffer | undefined;
    try {
      spki = encodePublicKey(publicKeyOf(privateKey));
    } catch {
      spki = undefined;
    }
    leaf = spki ? certs.find((c) => spki!.equals(Buffer.from(c.cert.spki))) : pickLeaf(certs);
  }
  if (!leaf) throw new KeyUnusableError('PFX_NO_CERTIFICATE', 'pki.error.noCertificate');
  const all = certs.map((c) => c.cert);
  return {
    privateKey,
    certificate: leaf.cert,
    chain: buildChain(leaf.cert, all),
    certificates: all,
    alias: keyBag.friendlyName ?? leaf.bag.friendlyName,
    protection: protectionOf(structure),
    structure,
  };
}

export interface WritePfxInput {
  privateKey: PrivateKey | Uint8Array;
  certificate: Certificate | Uint8Array;
  /** Issuer certificates (the leaf may be included; it is not written twice). */
  chain?: Array<Certificate | Uint8Array>;
  /** friendlyName; default: the E-IMZO alias of the certificate. */
  alias?: string;
  password: string;
  /** 3DES + SHA-1 MAC for Java-8-era software instead of PBES2/AES-256 + SHA-256 MAC. */
  legacy?: boolean;
  iterations?: number;
  /** Encrypt the certificate safe too (OpenSSL's default); E-IMZO style keeps it readable. */
  encryptCertificates?: boolean;
}

const asCert = (c: Certificate | Uint8Array): Certificate =>
  c instanceof Uint8Array ? parseCertificate(c) : c;

/** Build a PFX (DER bytes). */
export function writePfx(input: WritePfxInput): Buffer {
  const leaf = asCert(input.certificate);
  const pkcs8 =
    input.privateKey instanceof Uint8Array
      ? Buffer.from(input.privateKey)
      : encodePrivateKey(input.privateKey);
  const alias = input.alias ?? aliasFor(leaf);
  const localKeyId = createHash('sha1').update(leaf.raw).digest();
  const attrs = [friendlyNameAttribute(alias), localKeyIdAttribute(localKeyId)];
  const leafDer = Buffer.from(leaf.raw);
  const others = (input.chain ?? []).map(asCert).filter((c) => !Buffer.from(c.raw).equals(leafDer));
  const certBags: SafeBag[] = [
    { bagOid: OID.certBag, value: certBagValue(leaf.raw), attributes: attrs },
    ...others.map((c) => ({ bagOid: OID.certBag, value: certBagValue(c.raw), attributes: [] })),
  ];
  const structure: PfxStructure = {
    safes: [
      { encrypted: !!input.encryptCertificates, readable: true, bags: certBags },
      {
        encrypted: false,
        readable: true,
        bags: [{ bagOid: OID.pkcs8ShroudedKeyBag, value: pkcs8, attributes: attrs }],
      },
    ],
  };
  return encodePfx(structure, input.password, { legacy: input.legacy, iterations: input.iterations });
}

export interface ChangePasswordOptions {
  /** Force legacy or modern; default: keep what the key bag used (PBES2 → modern). */
  legacy?: boolean;
  iterations?: number;
}

/**
 * Re-encrypt a PFX under a new password, keeping every bag, attribute and safe layout.
 * Throws KeyPasswordError (nothing is produced) when `oldPassword` is wrong.
 */
export function changePfxPassword(
  bytes: Uint8Array,
  oldPassword: string,
  newPassword: string,
  opts: ChangePasswordOptions = {},
): Buffer {
  const opened = readPfx(bytes, oldPassword);
  const keyProt = opened.protection.keys[0];
  const legacy = opts.legacy ?? (keyProt ? keyProt.scheme !== 'PBES2' : false);
  const iterations = opts.iterations ?? Math.max(keyProt?.iterations ?? 0, DEFAULT_ITERATIONS);
  return encodePfx(opened.structure, newPassword, { legacy, iterations });
}
