/**
 * DER/BER encoding and decoding, shared by crypto (key encodings), pki and sign.
 * A leaf area: it imports nothing but the typed errors. Reader functions are exported flat;
 * writer functions under the `w` namespace (`w.sequence(w.oid('1.2.3'), w.NULL)`).
 */
export * from './reader.js';
export { normalSerialHex, serialBytes, serialHex } from './serial.js';
export * as w from './writer.js';
