/**
 * Certificate serial numbers as text, in one form for every area that compares them (pki, sign,
 * revocation, keys): lower-case hex of the unsigned bytes without leading zero digits — what
 * `BigInt.toString(16)` gives. Bytes in hex would keep a zero digit ("0f…" against "f…"), and a
 * CRL entry or a signer would then not be found.
 */

/** The text form of a serial given as its unsigned bytes (an INTEGER's content). */
export function serialHex(unsigned: Uint8Array): string {
  return Buffer.from(unsigned)
    .toString('hex')
    .replace(/^0+(?=.)/, '');
}

/** The same form from text a person or a message gave (any case, a `0x`, leading zeros). */
export function normalSerialHex(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^0x/, '')
    .replace(/^0+(?=.)/, '');
}

/** The bytes of a serial in that form (an odd number of digits gets its leading zero back). */
export function serialBytes(hex: string): Buffer {
  return Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex');
}
