export {};
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
export type { Certificate, ParsedAlias, OpenedPfx, PrivateKey, PublicKey } from './lib/pki/index.js';
