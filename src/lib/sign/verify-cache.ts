/**
 * What a batch of verifications shares: every certificate parsed once, its public key decoded once
 * (a node:crypto `KeyObject`, or the decoded O'z DSt 1092 point with its precomputed table), each
 * (certificate, issuer) signature check made once, and the trust anchors split once. A batch of
 * signatures by the same signer then costs one public-key operation per signature instead of a key
 * import, a certificate parse and a chain check each.
 *
 * Only pure functions of DER are kept, keyed by the certificate's SHA-256: a certificate's fields,
 * its key (or the error its damaged key gives) and whether one key verifies another certificate's
 * signature are the same in every message. Per-message rules stay per message: which certificates
 * a message may use, the limits, and the count of public-key operations (a check answered from
 * this cache still counts against `VerifyLimits.checks` as if it had been made, so a message fails
 * or passes the same whatever was verified before it).
 */
import { createHash } from 'node:crypto';
import type { VerifyKey } from './algorithms.js';
import { readCertificate, splitCertificates, type CertFields } from './certificate.js';
import { readSmallSync } from './digest.js';

/** Ceiling on distinct certificates kept (a batch of hostile files cannot grow memory without bound). */
const MAX_CERTIFICATES = 4096;

/** Files below this size are read in one synchronous call (the batch case). */
const SMALL = 64 * 1024;

export class VerifyCache {
  private scratch: Buffer | undefined;

  /**
   * A small file's bytes with one synchronous open/read/close, or undefined when it fills the
   * buffer (then the caller streams it). As in the signing engine: for files of a few KiB, three
   * thread-pool round trips (and their promises) cost more than the reads themselves.
   */
  readSmall(file: string): Buffer | undefined {
    return readSmallSync(file, (this.scratch ??= Buffer.allocUnsafe(SMALL)));
  }
  private readonly certs = new Map<string, CertFields>();
  private readonly keys = new Map<CertFields, VerifyKey | Error>();
  private readonly issued = new Map<CertFields, Map<CertFields, boolean>>();
  private readonly bundles = new Map<Uint8Array, Buffer[]>();

  /** The certificate parsed from `der`, the same object for the same bytes (a parse error throws, uncached). */
  certificate(der: Uint8Array): CertFields {
    const id = createHash('sha256').update(der).digest('base64');
    let c = this.certs.get(id);
    if (!c) {
      // A copy: a cached certificate must not keep the message it came in alive.
      c = Object.freeze(readCertificate(Buffer.from(der)));
      if (this.certs.size >= MAX_CERTIFICATES) this.clear();
      this.certs.set(id, c);
    }
    return c;
  }

  /** The certificates of a trusted bundle (DER or PEM), split once per bundle object. */
  anchors(bundle: Uint8Array): Buffer[] {
    let list = this.bundles.get(bundle);
    if (!list) this.bundles.set(bundle, (list = splitCertificates(bundle)));
    return list;
  }

  key(c: CertFields, decode: () => VerifyKey): VerifyKey | Error {
    let k = this.keys.get(c);
    if (k === undefined) {
      try {
        k = decode();
      } catch (e) {
        k = e as Error;
      }
      this.keys.set(c, k);
    }
    return k;
  }

  signedBy(child: CertFields, issuer: CertFields): boolean | undefined {
    return this.issued.get(child)?.get(issuer);
  }

  rememberSignedBy(child: CertFields, issuer: CertFields, ok: boolean): void {
    let row = this.issued.get(child);
    if (!row) this.issued.set(child, (row = new Map()));
    row.set(issuer, ok);
  }

  private clear(): void {
    this.certs.clear();
    this.keys.clear();
    this.issued.clear();
  }
}
