/**
 * The programmatic API of oneid for integrators: hash, sign and verify with the national
 * algorithms (O'z DSt 1106/1092) and RSA/ECDSA, open and list key files, parse E-IMZO aliases and
 * certificates, sign files in batches, verify PKCS#7, and validate identifiers.
 * Errors are the typed errors of `src/lib/errors` (code, message, hint); messages are English
 * unless `setLanguage` picks another catalog.
 */
// Loading i18n installs the renderer that gives typed errors their readable messages.
export { setLanguage, type Language } from './lib/i18n/index.js';
export {
  OneIdError,
  UsageError,
  InvalidIdentifierError,
  KeyPasswordError,
  KeyUnusableError,
  UnsupportedAlgorithmError,
  MalformedError,
  SignatureError,
} from './lib/errors/index.js';
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
export type {
  BatchOptions,
  BatchSummary,
  FileResult,
  SignFileOptions,
  VerifyReport,
  SignerReport,
} from './lib/sign/index.js';
// Revocation (src/lib/revocation): pass a checker as `revocation` to verifySignature / verifyFile.
export { RevocationChecker, parseCrl } from './lib/revocation/index.js';
export type { CheckerOptions, RevocationMode, RevocationResult } from './lib/revocation/index.js';
export type { SignerRevocation } from './lib/sign/index.js';
// Identifiers (src/lib/ids)
export {
  parsePinfl,
  isValidPinfl,
  pinflCheckDigit,
  makePinfl,
  parseTin,
  parsePassport,
  parsePhone,
} from './lib/ids/index.js';
export { parseLogin, passwordProblems, assertPasswordAcceptable } from './lib/ids/index.js';
export type { Pinfl, Tin, PassportNumber, Phone, Login, PasswordProblem } from './lib/ids/index.js';
