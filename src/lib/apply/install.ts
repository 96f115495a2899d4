/**
 * Installing the issued key: the certificate from the portal must carry exactly the pending
 * key's public key and be signed by the chain sent with it; then the final E-IMZO-style PFX
 * (alias friendlyName, the chain) is created in the chosen folder under a free
 * `DS<TIN or PINFL><sequence>.pfx` name, never over an existing file, and read back with the
 * password before anyone is told it is there.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { KeyUnusableError } from '../errors/index.js';
import {
  aliasFor,
  encodePublicKey,
  parseCertificate,
  publicKeyOf,
  readPfx,
  readPfxPublic,
  verifyCertificateSignature,
  writePfx,
  type Certificate,
} from '../pki/index.js';
import type { IssuedCertificate } from '../portal/index.js';
import { FileExistsError, writeNewFile } from './files.js';
import type { PendingKey } from './pending-key.js';

export interface InstalledKey {
  path: string;
  alias: string;
  serial: string;
  validFrom: string;
  validTo: string;
}

/** Check the portal's answer against the pending key; returns the parsed chain (leaf first). */
export function checkIssued(issued: IssuedCertificate, spki: Uint8Array): Certificate[] {
  let leaf: Certificate;
  let issuers: Certificate[];
  try {
    leaf = parseCertificate(issued.certificate);
    issuers = issued.chain.map((c) => parseCertificate(c));
  } catch (e) {
    throw new KeyUnusableError('ISSUED_CERTIFICATE_MALFORMED', 'apply.error.issuedMalformed', { cause: e });
  }
  if (!Buffer.from(leaf.spki).equals(Buffer.from(spki)))
    throw new KeyUnusableError('ISSUED_KEY_MISMATCH', 'apply.error.keyMismatch', {
      params: { serial: leaf.serialHex },
    });
  const chain = [leaf, ...issuers.filter((c) => !Buffer.from(c.raw).equals(Buffer.from(leaf.raw)))];
  // A certificate without its issuer proves nothing about who issued it.
  if (chain.length < 2)
    throw new KeyUnusableError('ISSUED_CHAIN_INVALID', 'apply.error.chainInvalid', {
      params: { serial: leaf.serialHex },
    });
  for (let i = 0; i + 1 < chain.length; i++) {
    if (!verifyCertificateSignature(chain[i]!, chain[i + 1]!))
      throw new KeyUnusableError('ISSUED_CHAIN_INVALID', 'apply.error.chainInvalid', {
        params: { serial: chain[i]!.serialHex },
      });
  }
  return chain;
}

export function keyFileBase(o: { pinfl?: string; tin?: string }): string {
  return `DS${o.tin ?? o.pinfl ?? ''}`;
}

/** A key file in `dir` that already holds this certificate (an install interrupted after writing). */
async function alreadyInstalled(dir: string, serialHex: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  for (const n of names) {
    if (!n.toLowerCase().endsWith('.pfx') || n.startsWith('.')) continue;
    try {
      const info = readPfxPublic(await readFile(path.join(dir, n)));
      if (info.certificate?.serialHex === serialHex) return path.join(dir, n);
    } catch {
      // not ours, or unreadable: it stays untouched either way
    }
  }
  return undefined;
}

export async function installKey(o: {
  dir: string;
  holder: { pinfl?: string; tin?: string };
  issued: IssuedCertificate;
  pending: PendingKey;
  password: string;
  legacy?: boolean;
}): Promise<InstalledKey> {
  const chain = checkIssued(o.issued, o.pending.spki);
  const leaf = chain[0]!;
  const alias = aliasFor(leaf);
  const done = (p: string): InstalledKey => ({
    path: p,
    alias,
    serial: leaf.serialHex,
    validFrom: leaf.notBefore.toISOString(),
    validTo: leaf.notAfter.toISOString(),
  });
  const existing = await alreadyInstalled(o.dir, leaf.serialHex);
  if (existing) return done(existing);

  const pfx = writePfx({
    privateKey: o.pending.privateKey,
    certificate: leaf,
    chain: chain.slice(1),
    alias,
    password: o.password,
    legacy: o.legacy,
  });
  // Read back what will be written: the password opens it and the key is the pending one.
  const back = readPfx(pfx, o.password);
  if (!encodePublicKey(publicKeyOf(back.privateKey)).equals(Buffer.from(o.pending.spki)))
    throw new KeyUnusableError('ISSUED_KEY_MISMATCH', 'apply.error.keyMismatch', {
      params: { serial: leaf.serialHex },
    });

  const base = keyFileBase(o.holder);
  for (let n = 1; n <= 9999; n++) {
    const file = path.join(o.dir, `${base}${String(n).padStart(4, '0')}.pfx`);
    try {
      await writeNewFile(file, pfx);
      return done(file);
    } catch (e) {
      if (!(e instanceof FileExistsError)) throw e;
    }
  }
  throw new KeyUnusableError('KEY_FOLDER_FULL', 'apply.error.folderFull', { params: { path: o.dir } });
}
