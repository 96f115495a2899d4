/**
 * The transport forms of a signature. `der` is the file form (`.p7s`); `base64` is E-IMZO's
 * `pkcs7_64` (base64 of the DER, one line, no header, no line break), what portals built on
 * E-IMZO take pasted or POSTed; `pem` is `-----BEGIN PKCS7-----` wrapped at 64 columns (as
 * `openssl smime -outform PEM` writes; `openssl cms -inform PEM` reads it). Reading detects the
 * form from the first bytes (`signatureBytes` in cms-decode.ts), so every form is accepted
 * everywhere whatever the file is called.
 */

export const SIGNATURE_FORMATS = ['der', 'pem', 'base64'] as const;
export type SignatureFormat = (typeof SIGNATURE_FORMATS)[number];

const PEM_HEAD = Buffer.from('-----BEGIN PKCS7-----\n');
const PEM_TAIL = Buffer.from('-----END PKCS7-----\n');
/** 48 bytes make one 64-character PEM line. */
const PEM_LINE_BYTES = 48;

/** Streaming encoder: bytes in, encoded bytes out, in pieces of any size. */
export interface ByteEncoder {
  update(chunk: Uint8Array): Buffer;
  final(): Buffer;
}

/** Base64 text (latin1 bytes) → the same with a line break after every 64 characters and at the end. */
function wrap64(b64: Buffer): Buffer {
  if (b64.length === 0) return b64;
  const lines = Math.ceil(b64.length / 64);
  const out = Buffer.allocUnsafe(b64.length + lines);
  let o = 0;
  for (let i = 0; i < b64.length; i += 64) {
    o += b64.copy(out, o, i, Math.min(i + 64, b64.length));
    out[o++] = 0x0a;
  }
  return out;
}

const base64Of = (data: Uint8Array): Buffer =>
  Buffer.from(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'), 'latin1');

class Base64Encoder implements ByteEncoder {
  private carry = Buffer.alloc(0);
  private started = false;
  constructor(private readonly pem: boolean) {}

  update(chunk: Uint8Array): Buffer {
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk);
    const unit = this.pem ? PEM_LINE_BYTES : 3;
    const whole = data.length - (data.length % unit);
    this.carry = Buffer.from(data.subarray(whole));
    const b64 = base64Of(data.subarray(0, whole));
    const body = this.pem ? wrap64(b64) : b64;
    if (this.pem && !this.started) {
      this.started = true;
      return Buffer.concat([PEM_HEAD, body]);
    }
    return body;
  }

  final(): Buffer {
    const b64 = base64Of(this.carry);
    this.carry = Buffer.alloc(0);
    if (!this.pem) return b64;
    return Buffer.concat([this.started ? Buffer.alloc(0) : PEM_HEAD, wrap64(b64), PEM_TAIL]);
  }
}

/** The streaming encoder of a form; undefined for DER (written as it is). */
export function encoderFor(format: SignatureFormat | undefined): ByteEncoder | undefined {
  if (format === undefined || format === 'der') return undefined;
  return new Base64Encoder(format === 'pem');
}

/** DER held in memory → the form asked. */
export function encodeSignature(der: Uint8Array, format: SignatureFormat | undefined): Buffer {
  const enc = encoderFor(format);
  if (!enc) return Buffer.isBuffer(der) ? der : Buffer.from(der);
  const b64 = base64Of(der);
  if (format === 'base64') return b64;
  return Buffer.concat([PEM_HEAD, wrap64(b64), PEM_TAIL]);
}

/** The form a signature is in (read by `signatureBytes`): what `key timestamp` writes back. */
export function signatureFormOf(bytes: Uint8Array): SignatureFormat {
  if (bytes[0] === 0x30) return 'der';
  // Base64 has no '-': any PEM marker makes it PEM text.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('-----BEGIN')
    ? 'pem'
    : 'base64';
}
