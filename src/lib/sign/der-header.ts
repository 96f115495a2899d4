/** A DER tag + length header alone, for values whose body is streamed (attached content). */
export function derHeader(identifier: number, length: number): Buffer {
  if (length < 0x80) return Buffer.from([identifier, length]);
  const bytes: number[] = [];
  for (let v = length; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([identifier, 0x80 | bytes.length, ...bytes]);
}
