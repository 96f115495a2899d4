/** What a key is, described without opening it (listing, certificates, requests). A leaf of the area. */
export interface KeyAlgorithmInfo {
  /** `RSA`, `EC` or `OZDST-1092` (GOST R 34.10-2001 under Uzbek OIDs). */
  name: string;
  oid: string;
  /** EC named curve (`prime256v1`…) or GOST parameter set (`A`, `B`, `C`). */
  curve?: string;
  /** RSA modulus size. */
  bits?: number;
}
