/**
 * The one OID table of the project: algorithms (this area), and — because crypto is the lowest
 * area that needs OIDs and pki, sign and the sandbox all sit above it — names, X.509 extensions,
 * PKCS#7/#9/#12, CMS and RFC 3161 identifiers too. Every other area imports `OID` from here
 * (through `crypto/index.ts`); none keeps a table of its own.
 * Uzbek OIDs: REFERENCES.md §1 (vendor documentation), §2 (PINFL, TIN); Russian GOST OIDs:
 * RFC 4357 / RFC 4491 (used by OpenSSL's GOST engine, our interop peer); RSA/ECDSA/SHA: PKCS#1,
 * RFC 5480, NIST; names: X.520 / RFC 4519; CMS: RFC 5652, RFC 3161, RFC 5816.
 */
export const OID = {
  // O'z DSt 1106:2009 / 1092:2009 (2009 family)
  ozdst1106Digest: '1.2.860.3.15.1.3.2.1.1',
  ozdst1092Key: '1.2.860.3.15.1.1.2.1',
  ozdst1092ParamA: '1.2.860.3.15.1.1.2.1.1',
  ozdst1092ParamB: '1.2.860.3.15.1.1.2.1.2',
  ozdst1092ParamC: '1.2.860.3.15.1.1.2.1.3',
  ozdst1106WithOzdst1092: '1.2.860.3.15.1.1.2.2.2.2',
  /** Legacy `alg-1` (1024-bit): known, deliberately unsupported. */
  ozdst1092Legacy: '1.2.860.3.15.1.1.1.1',
  // O'z MSt 285/286:2024 (2024 family: same mathematics, new OIDs)
  ozmst2024Digest: '1.2.860.3.15.2.3.2.1.1',
  ozmst2024Key: '1.2.860.3.15.2.1.2.1',
  /**
   * Parameter sets of the 2024 family. Not published: assumed by analogy with the 2009 arcs
   * (key OID + `.1/.2/.3`). Readers accept the 2009 parameter-set OIDs under a 2024 key too.
   */
  ozmst2024ParamA: '1.2.860.3.15.2.1.2.1.1',
  ozmst2024ParamB: '1.2.860.3.15.2.1.2.1.2',
  ozmst2024ParamC: '1.2.860.3.15.2.1.2.1.3',
  ozmst2024Signature: '1.2.860.3.15.2.1.2.2.2.2',
  // GOST (Russian OIDs, RFC 4357 / 4491): what OpenSSL's GOST engine reads and writes
  gostR3410_2001: '1.2.643.2.2.19',
  gostR3411_94: '1.2.643.2.2.9',
  gostR3411_94WithGostR3410_2001: '1.2.643.2.2.3',
  gostR3410_2001TestParamSet: '1.2.643.2.2.35.0',
  gostR3410_2001CryptoProA: '1.2.643.2.2.35.1',
  gostR3410_2001CryptoProB: '1.2.643.2.2.35.2',
  gostR3410_2001CryptoProC: '1.2.643.2.2.35.3',
  gostR3410_2001CryptoProXchA: '1.2.643.2.2.36.0',
  gostR3410_2001CryptoProXchB: '1.2.643.2.2.36.1',
  gostR3411_94TestParamSet: '1.2.643.2.2.30.0',
  gostR3411_94CryptoProParamSet: '1.2.643.2.2.30.1',
  // RSA (PKCS#1)
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  sha1WithRSAEncryption: '1.2.840.113549.1.1.5',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  sha384WithRSAEncryption: '1.2.840.113549.1.1.12',
  sha512WithRSAEncryption: '1.2.840.113549.1.1.13',
  // ECDSA (RFC 5480, RFC 5758)
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34',
  secp521r1: '1.3.132.0.35',
  secp256k1: '1.3.132.0.10',
  ecdsaWithSHA1: '1.2.840.10045.4.1',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  ecdsaWithSHA384: '1.2.840.10045.4.3.3',
  ecdsaWithSHA512: '1.2.840.10045.4.3.4',
  // Digests
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',

  // Password-based encryption and MACs (PKCS#5, PKCS#12)
  pbeWithSHAAnd128BitRC4: '1.2.840.113549.1.12.1.1',
  pbeWithSHAAnd40BitRC4: '1.2.840.113549.1.12.1.2',
  pbeWithSHAAnd3KeyTripleDES: '1.2.840.113549.1.12.1.3',
  pbeWithSHAAnd2KeyTripleDES: '1.2.840.113549.1.12.1.4',
  pbeWithSHAAnd128BitRC2: '1.2.840.113549.1.12.1.5',
  pbeWithSHAAnd40BitRC2: '1.2.840.113549.1.12.1.6',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSHA1: '1.2.840.113549.2.7',
  hmacWithSHA224: '1.2.840.113549.2.8',
  hmacWithSHA256: '1.2.840.113549.2.9',
  hmacWithSHA384: '1.2.840.113549.2.10',
  hmacWithSHA512: '1.2.840.113549.2.11',
  aes128cbc: '2.16.840.1.101.3.4.1.2',
  aes192cbc: '2.16.840.1.101.3.4.1.22',
  aes256cbc: '2.16.840.1.101.3.4.1.42',
  desEde3cbc: '1.2.840.113549.3.7',

  // X.520 / RFC 4519 name attributes; Uzbek ones (REFERENCES.md §2)
  CN: '2.5.4.3',
  SURNAME: '2.5.4.4',
  SERIALNUMBER: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  STREET: '2.5.4.9',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  T: '2.5.4.12',
  NAME: '2.5.4.41',
  GIVENNAME: '2.5.4.42',
  UID: '0.9.2342.19200300.100.1.1',
  DC: '0.9.2342.19200300.100.1.25',
  EMAIL: '1.2.840.113549.1.9.1',
  PINFL: '1.2.860.3.16.1.2',
  TIN: '1.2.860.3.16.1.1',

  // X.509 extensions and extended key usages
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  cRLNumber: '2.5.29.20',
  crlDistributionPoints: '2.5.29.31',
  cRLReason: '2.5.29.21',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  adOcsp: '1.3.6.1.5.5.7.48.1',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',

  // PKCS#7 / CMS (RFC 5652), PKCS#9 attributes, RFC 3161 / RFC 5816
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  challengePassword: '1.2.840.113549.1.9.7',
  extensionRequest: '1.2.840.113549.1.9.14',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  /** RFC 3161 TSTInfo content type. */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  /** RFC 3161 token as an unsigned attribute (id-aa-timeStampToken). */
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',

  // PKCS#12 bags
  keyBag: '1.2.840.113549.1.12.10.1.1',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  crlBag: '1.2.840.113549.1.12.10.1.4',
  secretBag: '1.2.840.113549.1.12.10.1.5',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
} as const;

export type OidName = keyof typeof OID;

/** Display names (E-IMZO's where it has one) for messages and the registry. */
export const OID_NAMES: Readonly<Record<string, string>> = {
  [OID.ozdst1106Digest]: 'OZDST-1106-2009-2',
  [OID.ozdst1092Key]: 'OZDST-1092-2009-2',
  [OID.ozdst1092ParamA]: 'OZDST-1092-2009-2 parameter set A',
  [OID.ozdst1092ParamB]: 'OZDST-1092-2009-2 parameter set B',
  [OID.ozdst1092ParamC]: 'OZDST-1092-2009-2 parameter set C',
  [OID.ozdst1106WithOzdst1092]: 'OZDST-1106-2009-2-AwithOZDST-1092-2009-2',
  [OID.ozdst1092Legacy]: 'OZDST-1092-2009-1 (legacy alg-1, 1024-bit)',
  [OID.ozmst2024Digest]: 'OZMST-285-2024-2',
  [OID.ozmst2024Key]: 'OZMST-286-2024-2',
  [OID.ozmst2024ParamA]: 'OZMST-286-2024-2 parameter set A',
  [OID.ozmst2024ParamB]: 'OZMST-286-2024-2 parameter set B',
  [OID.ozmst2024ParamC]: 'OZMST-286-2024-2 parameter set C',
  [OID.ozmst2024Signature]: 'OZMST-285-2024-2-AwithOZMST-286-2024-2',
  [OID.gostR3410_2001]: 'GOST R 34.10-2001',
  [OID.gostR3411_94]: 'GOST R 34.11-94',
  [OID.gostR3411_94WithGostR3410_2001]: 'GOST R 34.11-94 with GOST R 34.10-2001',
  [OID.gostR3410_2001TestParamSet]: 'GOST R 34.10-2001 test parameter set',
  [OID.gostR3410_2001CryptoProA]: 'GOST R 34.10-2001 CryptoPro-A',
  [OID.gostR3410_2001CryptoProB]: 'GOST R 34.10-2001 CryptoPro-B',
  [OID.gostR3410_2001CryptoProC]: 'GOST R 34.10-2001 CryptoPro-C',
  [OID.gostR3410_2001CryptoProXchA]: 'GOST R 34.10-2001 CryptoPro-XchA',
  [OID.gostR3410_2001CryptoProXchB]: 'GOST R 34.10-2001 CryptoPro-XchB',
  [OID.gostR3411_94TestParamSet]: 'GOST R 34.11-94 test parameter set',
  [OID.gostR3411_94CryptoProParamSet]: 'GOST R 34.11-94 CryptoPro parameter set',
  [OID.rsaEncryption]: 'RSA',
  [OID.sha1WithRSAEncryption]: 'sha1WithRSAEncryption',
  [OID.sha256WithRSAEncryption]: 'sha256WithRSAEncryption',
  [OID.sha384WithRSAEncryption]: 'sha384WithRSAEncryption',
  [OID.sha512WithRSAEncryption]: 'sha512WithRSAEncryption',
  [OID.ecPublicKey]: 'EC public key',
  [OID.prime256v1]: 'P-256',
  [OID.secp384r1]: 'P-384',
  [OID.ecdsaWithSHA256]: 'ecdsa-with-SHA256',
  [OID.ecdsaWithSHA384]: 'ecdsa-with-SHA384',
  [OID.ecdsaWithSHA512]: 'ecdsa-with-SHA512',
  [OID.sha1]: 'SHA-1',
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};

/** Key OIDs of GOST R 34.10-2001 keys, Uzbek and Russian. */
export const GOST_KEY_OIDS: readonly string[] = [OID.ozdst1092Key, OID.ozmst2024Key, OID.gostR3410_2001];
