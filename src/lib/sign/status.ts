/** E-IMZO-SERVER status codes of a signer (REFERENCES §3); a leaf verify.ts and revocation-step.ts share. */
export const STATUS = {
  ok: 1,
  signatureInvalid: -10,
  certificateInvalid: -11,
  notValidAtSigningTime: -12,
  /** The certificate's status could not be checked (E-IMZO-SERVER -1; `--revocation require`). */
  statusUnknown: -1,
} as const;
