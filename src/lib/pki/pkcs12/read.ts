/**
 * PKCS#12 reader (RFC 7292). Two entry points share one parser:
 * - `readPfxStructure(bytes)` without a password: plain safes are read, encrypted ones are
 *   recorded as unreadable; shrouded keys keep only their attributes (listing).
 * - `readPfxStructure(bytes, password)`: MAC verified, everything decrypted.
 * Wrong password → KeyPasswordError; anything malformed → MalformedError.
 */
import {
  children,
  content,
  expect,
  isContext,
  parse,
  raw,
  readOctets,
  readOid,
  readSmallInt,
  readString,
  seq,
  Tag,
  type Node,
} from '../../asn1/index.js';
import {
  isOneIdError,
  KeyPasswordError,
  MalformedError,
  UnsupportedAlgorithmError,
} from '../../errors/index.js';
import { OID } from '../../crypto/index.js';
import { readMacData, verifyMac, type MacData } from './mac.js';
import { describeProtection, KdfBudget, pbeDecrypt } from './pbe.js';
import type { PfxStructure, Safe, SafeBag } from './structure.js';

function malformed(what: string, cause?: unknown): never {
  throw new MalformedError('PFX_MALFORMED', 'pki.error.pfx', { params: { what }, cause });
}

function wrongPassword(): never {
  throw new KeyPasswordError('KEY_PASSWORD', 'pki.error.password', { hintKey: 'pki.hint.password' });
}

/** The OCTET STRING inside `[0] EXPLICIT` of a Data ContentInfo. */
function dataContent(explicit0: Node | undefined): Uint8Array {
  if (!isContext(explicit0, 0)) malformed('ContentInfo content');
  return readOctets(children(explicit0!)[0]);
}

/** `[0] IMPLICIT OCTET STRING`, primitive or constructed (BER). */
function implicitOctets(n: Node | undefined): Uint8Array {
  if (!isContext(n, 0)) malformed('encryptedContent');
  if (!n!.constructed) return content(n!);
  return Buffer.concat(children(n!).map((c) => readOctets(c)));
}

interface ParseCtx {
  password?: string;
  /** The MAC matched: a later decryption failure means corruption, not a wrong password. */
  macVerified: boolean;
  /** Hash rounds left for this file: many bags must not multiply the iteration cap. */
  budget: KdfBudget;
}

function decryptOrFail(ctx: ParseCtx, alg: Node, data: Uint8Array): Buffer {
  const out = pbeDecrypt(alg, ctx.password!, data, ctx.budget);
  if (!out) return ctx.macVerified ? malformed('decryption') : wrongPassword();
  return out;
}

function readAttributes(n: Node | undefined, bag: SafeBag): void {
  if (!n) return;
  for (const attr of children(expect(n, Tag.SET, 'bagAttributes'))) {
    bag.attributes.push(Buffer.from(raw(attr)));
    const [oidNode, values] = seq(attr, 'Attribute');
    const oid = readOid(oidNode);
    const first = children(expect(values, Tag.SET, 'AttributeValues'))[0];
    if (oid === OID.friendlyName && first) bag.friendlyName = readString(first);
    else if (oid === OID.localKeyId && first) bag.localKeyId = Buffer.from(readOctets(first));
  }
}

function readSafeContents(der: Uint8Array, ctx: ParseCtx, out: SafeBag[], depth = 0): void {
  if (depth > 4) malformed('nesting');
  for (const bagNode of seq(parse(der), 'SafeContents')) {
    const [idNode, valueWrap, attrs] = seq(bagNode, 'SafeBag');
    const bagOid = readOid(idNode);
    if (!isContext(valueWrap, 0)) malformed('bagValue');
    const valueNode = children(valueWrap!)[0];
    if (!valueNode) malformed('bagValue');
    const bag: SafeBag = { bagOid, attributes: [] };
    readAttributes(attrs, bag);
    if (bagOid === OID.pkcs8ShroudedKeyBag) {
      const [alg, enc] = seq(valueNode, 'EncryptedPrivateKeyInfo');
      bag.encrypted = Buffer.from(raw(valueNode));
      bag.protection = describeProtection(alg!);
      if (ctx.password !== undefined) {
        bag.value = decryptOrFail(ctx, alg!, readOctets(enc));
        // A wrong password without a MAC can pass the padding check by chance: the plaintext
        // must at least be a SEQUENCE.
        try {
          seq(parse(bag.value), 'PrivateKeyInfo');
        } catch {
          if (!ctx.macVerified) wrongPassword();
          malformed('PrivateKeyInfo');
        }
      }
    } else if (bagOid === OID.safeContentsBag) {
      const nested: SafeBag[] = [];
      readSafeContents(raw(valueNode), ctx, nested, depth + 1);
      bag.value = Buffer.from(raw(valueNode));
      out.push(...nested);
      continue;
    } else {
      bag.value = Buffer.from(raw(valueNode));
    }
    out.push(bag);
  }
}

function readSafe(ci: Node, ctx: ParseCtx): Safe {
  const [typeNode, body] = seq(ci, 'ContentInfo');
  const type = readOid(typeNode);
  if (type === OID.data) {
    const bags: SafeBag[] = [];
    readSafeContents(dataContent(body), ctx, bags);
    return { encrypted: false, readable: true, bags };
  }
  if (type === OID.encryptedData) {
    if (!isContext(body, 0)) malformed('EncryptedData');
    const [version, eci] = seq(children(body!)[0], 'EncryptedData');
    readSmallInt(version);
    const [, alg, enc] = seq(eci, 'EncryptedContentInfo');
    const protection = describeProtection(alg!);
    if (ctx.password === undefined) return { encrypted: true, protection, readable: false, bags: [] };
    const plain = decryptOrFail(ctx, alg!, implicitOctets(enc));
    const bags: SafeBag[] = [];
    try {
      readSafeContents(plain, ctx, bags);
    } catch (e) {
      // Garbage that survived the padding check: without a MAC it means a wrong password.
      if (!ctx.macVerified && e instanceof MalformedError) wrongPassword();
      throw e;
    }
    return { encrypted: true, protection, readable: true, bags };
  }
  throw new UnsupportedAlgorithmError('PFX_UNSUPPORTED_CONTENT', 'pki.error.unsupportedAlgorithm', {
    params: { oid: type },
  });
}

/** Parse a PFX. With a password, verify the MAC and decrypt everything. */
export function readPfxStructure(bytes: Uint8Array, password?: string): PfxStructure {
  try {
    return readPfxUnchecked(bytes, password);
  } catch (e) {
    if (isOneIdError(e)) throw e;
    malformed('structure', e); // never let hostile input surface as a crash
  }
}

function readPfxUnchecked(bytes: Uint8Array, password?: string): PfxStructure {
  if (bytes.length < 16 || bytes[0] !== 0x30) throw new MalformedError('PFX_MALFORMED', 'pki.error.notPfx');
  const [version, authSafe, macNode] = seq(parse(bytes), 'PFX');
  if (readSmallInt(version) !== 3) malformed('version');
  const [ctype, body] = seq(authSafe, 'authSafe');
  if (readOid(ctype) !== OID.data) {
    throw new UnsupportedAlgorithmError('PFX_UNSUPPORTED_CONTENT', 'pki.error.unsupportedAlgorithm', {
      params: { oid: readOid(ctype) },
    });
  }
  const authSafeDer = dataContent(body);
  let mac: MacData | undefined;
  if (macNode) mac = readMacData(macNode);
  const ctx: ParseCtx = { password, macVerified: false, budget: new KdfBudget() };
  // Every iteration count readable without the password is checked before any key derivation:
  // a file asking for too much work is refused at once, not after its MAC has been computed.
  if (password !== undefined)
    for (const ci of seq(parse(authSafeDer), 'AuthenticatedSafe'))
      readSafe(ci, { ...ctx, password: undefined });
  if (password !== undefined && mac) {
    if (verifyMac(mac, password, authSafeDer, ctx.budget)) ctx.macVerified = true;
    else if (!passwordOpensAKey(authSafeDer, password, ctx.budget)) wrongPassword();
    else malformed('integrity check (MAC) failed although the password is right');
  }
  const safes = seq(parse(authSafeDer), 'AuthenticatedSafe').map((ci) => readSafe(ci, ctx));
  return {
    safes,
    mac: mac && { hash: mac.hash, iterations: mac.iterations, saltLength: mac.saltLength },
  };
}

/**
 * MAC mismatch: is it a wrong password or a damaged file? If the password decrypts some
 * encrypted content into well-formed DER, the password is right and the file was altered.
 */
function passwordOpensAKey(authSafeDer: Uint8Array, password: string, budget: KdfBudget): boolean {
  try {
    const ctx: ParseCtx = { password, macVerified: false, budget };
    for (const ci of seq(parse(authSafeDer), 'AuthenticatedSafe')) {
      const safe = readSafe(ci, ctx);
      if (safe.encrypted || safe.bags.some((b) => b.bagOid === OID.pkcs8ShroudedKeyBag)) return true;
    }
  } catch (e) {
    if (isOneIdError(e) && e.code.startsWith('PFX_ITERATIONS')) throw e; // too much work, not a wrong password
    return false;
  }
  return false;
}
