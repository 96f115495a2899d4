/**
 * The in-memory shape of a PFX that both the reader and the writer use: a list of safes (the
 * AuthenticatedSafe), each a list of bags with their attributes kept as raw DER. Keeping the
 * raw attributes is what lets `key passwd` rewrite a file without losing anything.
 */
import type { ProtectionInfo } from './pbe.js';
import type { MacInfo } from './mac.js';

export interface SafeBag {
  bagOid: string;
  /**
   * The bag value: for a pkcs8ShroudedKeyBag the *decrypted* PKCS#8 (or undefined when it was
   * not decrypted, e.g. a public listing); for every other bag the DER of the bagValue.
   */
  value?: Buffer;
  /** The encrypted form as read (EncryptedPrivateKeyInfo) for shrouded bags. */
  encrypted?: Buffer;
  protection?: ProtectionInfo;
  /** Every bag attribute, DER of each `Attribute`, in file order. */
  attributes: Buffer[];
  friendlyName?: string;
  localKeyId?: Buffer;
}

export interface Safe {
  /** true: an EncryptedData ContentInfo; false: a plain Data ContentInfo. */
  encrypted: boolean;
  protection?: ProtectionInfo;
  /** false when the safe is encrypted and was not decrypted (public listing). */
  readable: boolean;
  bags: SafeBag[];
}

export interface PfxStructure {
  safes: Safe[];
  mac?: MacInfo;
}
