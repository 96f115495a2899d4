/**
 * Object identifiers used by the PKI area. Names follow the RFCs; Uzbek attributes follow
 * REFERENCES.md §2 (PINFL 1.2.860.3.16.1.2, legal-entity TIN 1.2.860.3.16.1.1).
 */
export const PKI_OID = {
  // X.520 / RFC 4519 name attributes
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

  // X.509 extensions
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',

  // Signature algorithms (non-GOST; GOST ones come from the crypto area)
  sha1WithRSA: '1.2.840.113549.1.1.5',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  rsaPss: '1.2.840.113549.1.1.10',
  ecdsaWithSHA1: '1.2.840.10045.4.1',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  ecdsaWithSHA384: '1.2.840.10045.4.3.3',
  ecdsaWithSHA512: '1.2.840.10045.4.3.4',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',

  // PKCS#7 / PKCS#12
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  envelopedData: '1.2.840.113549.1.7.3',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  crlBag: '1.2.840.113549.1.12.10.1.4',
  secretBag: '1.2.840.113549.1.12.10.1.5',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  challengePassword: '1.2.840.113549.1.9.7',
  extensionRequest: '1.2.840.113549.1.9.14',

  // Password-based encryption
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

  // Digests (for MACs)
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

/** Short names for DN attributes, in the spelling E-IMZO aliases use (lower-cased there). */
export const NAME_ATTRIBUTE_SHORT: Record<string, string> = {
  [PKI_OID.CN]: 'CN',
  [PKI_OID.SURNAME]: 'SURNAME',
  [PKI_OID.SERIALNUMBER]: 'SERIALNUMBER',
  [PKI_OID.C]: 'C',
  [PKI_OID.L]: 'L',
  [PKI_OID.ST]: 'ST',
  [PKI_OID.STREET]: 'STREET',
  [PKI_OID.O]: 'O',
  [PKI_OID.OU]: 'OU',
  [PKI_OID.T]: 'T',
  [PKI_OID.NAME]: 'NAME',
  [PKI_OID.GIVENNAME]: 'GIVENNAME',
  [PKI_OID.UID]: 'UID',
  [PKI_OID.DC]: 'DC',
  [PKI_OID.EMAIL]: 'E',
};

/** Reverse of NAME_ATTRIBUTE_SHORT, plus common synonyms, upper-case keys. */
export const NAME_ATTRIBUTE_OID: Record<string, string> = {
  ...Object.fromEntries(Object.entries(NAME_ATTRIBUTE_SHORT).map(([oid, s]) => [s, oid])),
  TITLE: PKI_OID.T,
  SN: PKI_OID.SURNAME,
  G: PKI_OID.GIVENNAME,
  EMAILADDRESS: PKI_OID.EMAIL,
  PINFL: PKI_OID.PINFL,
  TIN: PKI_OID.TIN,
};
