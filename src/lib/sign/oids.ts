/** Object identifiers used by CMS SignedData (RFC 5652), RFC 3161 and the algorithms we sign with. */
export const CMS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** RFC 3161 token as an unsigned attribute (id-aa-timeStampToken). */
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** RFC 3161 TSTInfo content type. */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
} as const;

export const DIGEST = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  /** O'z DSt 1106:2009 (GOST R 34.11-94, CryptoPro S-box). */
  ozdst1106: '1.2.860.3.15.1.3.2.1.1',
  /** The 2024 family's digest OID (same mathematics). */
  ozmst2024: '1.2.860.3.15.2.3.2.1.1',
  /** GOST R 34.11-94 (Russian OID, OpenSSL's GOST engine). */
  gostR341194: '1.2.643.2.2.9',
} as const;

export const KEY = {
  rsa: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ec: '1.2.840.10045.2.1',
  ozdst1092: '1.2.860.3.15.1.1.2.1',
  ozmst2024: '1.2.860.3.15.2.1.2.1',
  /** GOST R 34.10-2001 (Russian OID): the same curves and equation as O'z DSt 1092. */
  gostR34102001: '1.2.643.2.2.19',
} as const;

export const SIGNATURE = {
  sha1WithRsa: '1.2.840.113549.1.1.5',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecdsaSha1: '1.2.840.10045.4.1',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  ecdsaSha384: '1.2.840.10045.4.3.3',
  ecdsaSha512: '1.2.840.10045.4.3.4',
  ozdst: '1.2.860.3.15.1.1.2.2.2.2',
  ozmst2024: '1.2.860.3.15.2.1.2.2.2.2',
  gostR341194WithR34102001: '1.2.643.2.2.3',
} as const;
