/** Trusted CA certificates from files (PEM or DER) for the doctor's chain check. */
import { readFile } from 'node:fs/promises';

import { UsageError } from '../errors/index.js';
import { parseCertificate, pemToDer, type Certificate } from '../pki/index.js';

export async function loadTrustedCertificates(files: string[]): Promise<Certificate[]> {
  return Promise.all(files.map(loadOne));
}

async function loadOne(file: string): Promise<Certificate> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new UsageError('CA_FILE_UNREADABLE', 'keys.error.caUnreadable', {
      params: { path: file, reason: (e as NodeJS.ErrnoException).code ?? 'error' },
    });
  }
  const text = bytes.toString('latin1');
  return parseCertificate(
    text.includes('-----BEGIN CERTIFICATE-----') ? pemToDer(text, 'CERTIFICATE') : bytes,
  );
}
