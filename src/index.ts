export {};
// Algorithms (src/lib/crypto)
export { hash, generateKeyPair, sign, verify } from './lib/crypto/index.js';
export type { HashAlg } from './lib/crypto/index.js';
// Keys and PKI (src/lib/keys, src/lib/pki)
export { listKeys, openKey, resolveKeyRef, changeKeyPassword, inspectKey, runDoctor } from './lib/keys/index.js';
export type { KeySummary, OpenedKey, KeyInspection, DoctorReport } from './lib/keys/index.js';
export {
  parseAlias,
  aliasFor,
  parseCertificate,
  verifyCertificateSignature,
  readPfx,
  readPfxPublic,
  writePfx,
  changePfxPassword,
  buildPkcs10,
  parsePkcs10,
} from './lib/pki/index.js';
export type { Certificate, ParsedAlias, OpenedPfx } from './lib/pki/index.js';
