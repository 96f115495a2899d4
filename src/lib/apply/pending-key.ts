/**
 * The pending key: the private key generated for an application, kept from the first moment in a
 * password-protected PFX (mode 0600) with a self-signed placeholder certificate, until the real
 * certificate arrives. It is created with O_EXCL: an existing pending key is never replaced, so a
 * resumed application always continues with the key it started with.
 */
import { readFile } from 'node:fs/promises';

import { KeyUnusableError } from '../errors/index.js';
import {
  buildPkcs10,
  createCa,
  encodePublicKey,
  generatePrivateKey,
  issueCertificate,
  publicKeyOf,
  readPfx,
  writePfx,
  type KeySpec,
  type NameInput,
  type PrivateKey,
} from '../pki/index.js';
import { writeNewFile } from './files.js';

export interface PendingKey {
  privateKey: PrivateKey;
  /** SubjectPublicKeyInfo DER. */
  spki: Buffer;
}

export interface GeneratedKey extends PendingKey {
  /** The PKCS#10 request for the portal (DER). */
  request: Buffer;
}

/** What the request says about the holder (the CA takes the names from the registry anyway). */
export function requestSubject(o: { pinfl?: string; tin?: string }): NameInput {
  const attrs: Array<[string, string]> = [['C', 'UZ']];
  if (o.tin) attrs.push(['TIN', o.tin]);
  if (o.pinfl) attrs.push(['PINFL', o.pinfl]);
  return attrs;
}

export function requestFor(key: PrivateKey, subject: NameInput): Buffer {
  return buildPkcs10({
    subject,
    privateKey: key,
    extensions: { keyUsage: ['digitalSignature', 'nonRepudiation'] },
  });
}

/** Generate the key pair and write the pending PFX; fails if `file` already exists. */
export async function createPendingKey(o: {
  file: string;
  spec: KeySpec;
  password: string;
  applicationId: string;
  subject: NameInput;
}): Promise<GeneratedKey> {
  const privateKey = generatePrivateKey(o.spec);
  const spki = encodePublicKey(publicKeyOf(privateKey));
  // A self-issued placeholder so the file is an ordinary PFX any tool (and `readPfx`) can open.
  const name = { CN: `pending key application ${o.applicationId}`, C: 'UZ' };
  const self = createCa({ key: privateKey, subject: name, validityDays: 730 });
  const certificate = issueCertificate(self, { subject: name, publicKey: spki, validityDays: 730 });
  const pfx = writePfx({ privateKey, certificate, password: o.password, alias: name.CN });
  await writeNewFile(o.file, pfx);
  return { privateKey, spki, request: requestFor(privateKey, o.subject) };
}

/** Open the pending PFX (KeyPasswordError, exit 4, when the password is wrong). */
export async function openPendingKey(file: string, password: string): Promise<PendingKey> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new KeyUnusableError('PENDING_KEY_MISSING', 'apply.error.pendingMissing', {
      params: { path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) },
    });
  }
  const opened = readPfx(bytes, password);
  return { privateKey: opened.privateKey, spki: encodePublicKey(publicKeyOf(opened.privateKey)) };
}
