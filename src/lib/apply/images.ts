/**
 * The photo and the selfie, checked here before anything is uploaded (the portal checks again):
 * JPEG or PNG recognised by content, never by the file name; at most 5 MB; readable. A refusal
 * names the file and says what is wrong, so nobody waits for an SMS round trip to learn it.
 */
import { open } from 'node:fs/promises';

import { UsageError } from '../errors/index.js';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export type ImageType = 'image/jpeg' | 'image/png';
export type DocumentKind = 'photo' | 'selfie';

export interface CheckedImage {
  path: string;
  type: ImageType;
  bytes: Buffer;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type by magic bytes, with the first structural element checked (a renamed text file fails). */
export function imageType(b: Uint8Array): ImageType | undefined {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  // JPEG: SOI, then a marker segment (APPn, DQT, SOF…): FF D8 FF xx.
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff && buf[3] !== 0xff)
    return 'image/jpeg';
  // PNG: signature, then the IHDR chunk with non-zero width and height.
  if (
    buf.length >= 24 &&
    buf.subarray(0, 8).equals(PNG_MAGIC) &&
    buf.toString('latin1', 12, 16) === 'IHDR' &&
    buf.readUInt32BE(16) > 0 &&
    buf.readUInt32BE(20) > 0
  )
    return 'image/png';
  return undefined;
}

/** Read and check one document; throws UsageError (exit 2) naming the flag and the file. */
export async function checkImage(kind: DocumentKind, file: string): Promise<CheckedImage> {
  const params = { kind, path: file, max: '5 MB' };
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    throw new UsageError('DOCUMENT_UNREADABLE', 'apply.error.imageUnreadable', {
      params: { ...params, reason: (e as NodeJS.ErrnoException).code ?? String(e) },
    });
  }
  try {
    const st = await fh.stat();
    if (!st.isFile())
      throw new UsageError('DOCUMENT_UNREADABLE', 'apply.error.imageUnreadable', {
        params: { ...params, reason: 'not a file' },
      });
    if (st.size > MAX_IMAGE_BYTES)
      throw new UsageError('DOCUMENT_TOO_LARGE', 'apply.error.imageTooLarge', {
        params: { ...params, size: (st.size / 1024 / 1024).toFixed(1) + ' MB' },
        hintKey: 'apply.hint.imageTooLarge',
      });
    // Read at most one byte more than allowed: a file growing meanwhile cannot slip through.
    const buf = Buffer.alloc(Math.min(st.size, MAX_IMAGE_BYTES) + 1);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const bytes = buf.subarray(0, bytesRead);
    if (bytes.length > MAX_IMAGE_BYTES)
      throw new UsageError('DOCUMENT_TOO_LARGE', 'apply.error.imageTooLarge', {
        params: { ...params, size: '> 5 MB' },
        hintKey: 'apply.hint.imageTooLarge',
      });
    const type = imageType(bytes);
    if (!type) throw new UsageError('DOCUMENT_NOT_IMAGE', 'apply.error.notImage', { params });
    return { path: file, type, bytes };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError('DOCUMENT_UNREADABLE', 'apply.error.imageUnreadable', {
      params: { ...params, reason: (e as NodeJS.ErrnoException).code ?? String(e) },
    });
  } finally {
    await fh.close();
  }
}
