/** Photo and selfie uploads are accepted by content (magic bytes), never by the declared type. */
export type ImageType = 'image/jpeg' | 'image/png';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function detectImage(b: Buffer): ImageType | undefined {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 16 && b.subarray(0, 8).equals(PNG)) return 'image/png';
  return undefined;
}
