export {};
// Algorithms (src/lib/crypto)
export { hash, generateKeyPair, sign, verify } from './lib/crypto/index.js';
export type { HashAlg } from './lib/crypto/index.js';
// Keys and PKI (src/lib/keys, src/lib/pki)
export {
  listKeys,
  openKey,
  resolveKeyRef,
  changeKeyPassword,
  inspectKey,
  runDoctor,
} from './lib/keys/index.js';
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
// Signing and verification (src/lib/sign)
export { signFile, signBatch, cosign, collectInputs, verifySignature, verifyFile } from './lib/sign/index.js';
export type { BatchOptions, BatchSummary, FileResult, SignFileOptions, VerifyReport, SignerReport } from './lib/sign/index.js';
// Identifiers (src/lib/ids)
export { parsePinfl, isValidPinfl, pinflCheckDigit, makePinfl, parseTin, parsePassport, parsePhone } from './lib/ids/index.js';
export { parseLogin, passwordProblems, assertPasswordAcceptable } from './lib/ids/index.js';
export type { Pinfl, Tin, PassportNumber, Phone, Login, PasswordProblem } from './lib/ids/index.js';
