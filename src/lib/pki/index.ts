/**
 * The PKI area: X.509 certificates, names, PKCS#8 key encodings, PKCS#10 requests, PKCS#12 key
 * files (read/write, E-IMZO alias) and a test CA. Other areas import only this file.
 */
export {
  encodeName,
  nameToString,
  nameValue,
  readName,
  type DistinguishedName,
  type NameAttribute,
  type NameInput,
} from './name.js';
export {
  buildChain,
  daysLeft,
  daysUntil,
  derToPem,
  fingerprint,
  parseCertificate,
  pemToDer,
  assertValidNow,
  validityState,
  verifyCertificateSignature,
  assertReadablePublicKey,
  KEY_USAGE_BITS,
  type Certificate,
  type CertificateIdentity,
  type Extension,
  type KeyUsage,
  type ValidityState,
} from './certificate.js';
export {
  decodePrivateKey,
  decodePublicKey,
  describeKey,
  describeSpki,
  encodePrivateKey,
  encodePublicKey,
  publicKeyOf,
  sameKey,
  signWith,
  verifyWith,
  type KeyAlgorithmInfo,
  type PrivateKey,
  type PublicKey,
} from './key-codec.js';
export {
  aliasFor,
  aliasMismatches,
  formatAliasTime,
  parseAlias,
  parseAliasTime,
  type ParsedAlias,
} from './alias.js';
export {
  changePfxPassword,
  readPfx,
  readPfxPublic,
  writePfx,
  type ChangePasswordOptions,
  type OpenedPfx,
  type PfxProtection,
  type PfxPublicInfo,
  type WritePfxInput,
} from './pfx.js';
export { DEFAULT_ITERATIONS } from './pkcs12/write.js';
export type { ProtectionInfo } from './pkcs12/pbe.js';
export type { MacInfo } from './pkcs12/mac.js';
export { buildPkcs10, parsePkcs10, type Pkcs10Input, type Pkcs10Request } from './pkcs10.js';
export { encodeExtensions, keyIdentifier, type ExtensionsInput, type GeneralName } from './extensions.js';
export {
  buildCertificate,
  buildCrl,
  certificateSigner,
  createCa,
  generatePrivateKey,
  issueCertificate,
  type CertificateAuthority,
  type CertificateFields,
  type CertificateSigner,
  type CreateCaInput,
  type CrlFields,
  type IssueInput,
  type KeySpec,
  type RevokedEntry,
  REVOCATION_REASONS,
  revocationReasonName,
  type RevocationReason,
} from './issue.js';
export {
  buildOcspRequest,
  buildOcspResponse,
  certIdMatchesIssuer,
  ocspCertId,
  ocspErrorResponse,
  parseOcspRequest,
  parseOcspResponse,
  type OcspCertId,
  type OcspCertStatus,
  type OcspRequest,
  type OcspResponseFields,
  type OcspResponseStatus,
  type OcspSingleResponse,
  type ParsedOcspResponse,
} from './ocsp.js';
