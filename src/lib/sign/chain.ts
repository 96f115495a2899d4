/**
 * The certificates of one message under verification, and certificate path building from a signer
 * up to a trusted anchor: issuer Name match, then the issuer's key must verify the child's
 * signature. Deliberately small (no policy or name constraints processing); anchors are given
 * explicitly (`--ca`).
 *
 * Cost is bounded per message, whatever the message holds: every certificate is parsed once and
 * its public key decoded once; each (child, issuer) signature check is made once and memoized;
 * every public-key operation counts against `VerifyLimits.checks`; and the work yields to the
 * event loop every few milliseconds so that a server verifying a large message keeps answering.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SignatureError } from '../errors/index.js';
import { decodeVerifyKey, verifyWithKey, type DigestName, type VerifyKey } from './algorithms.js';
import { readCertificate, splitCertificates, type CertFields } from './certificate.js';
import type { VerifyCache } from './verify-cache.js';

export type ChainStatus = 'trusted' | 'untrusted' | 'unchecked';

export interface ChainResult {
  status: ChainStatus;
  /** The certificates from the signer up to the last one found. */
  path: CertFields[];
}

/** Per-message ceilings (see `VERIFY_LIMITS` in verify.ts for the chosen values). */
export interface VerifyLimits {
  /** SignerInfos in one SignedData. */
  signers: number;
  /** Certificates embedded in one SignedData. */
  certificates: number;
  /** Public-key operations (signer signatures and certificate signatures) for one message. */
  checks: number;
}

const LIMIT_ERRORS: Record<keyof VerifyLimits, [code: string, key: string]> = {
  signers: ['SIGNATURE_TOO_MANY_SIGNERS', 'sign.error.tooManySigners'],
  certificates: ['SIGNATURE_TOO_MANY_CERTIFICATES', 'sign.error.tooManyCertificates'],
  checks: ['SIGNATURE_TOO_COMPLEX', 'sign.error.tooComplex'],
};

/** The limit codes, for callers that map them (the sandbox answers 422). */
export const LIMIT_CODES: ReadonlySet<string> = new Set(Object.values(LIMIT_ERRORS).map(([c]) => c));

export function limitError(limit: keyof VerifyLimits, found: number, max: number): SignatureError {
  const [code, key] = LIMIT_ERRORS[limit];
  return new SignatureError(code, key, { params: { found, max }, data: { limit, found, max } });
}

/** Yield to the event loop after this much uninterrupted work. */
const SLICE_MS = 8;

export class MessageCertificates {
  /** Distinct certificates (by DER): the message's first, then the anchors not already among them. */
  readonly all: CertFields[] = [];
  /** Anchors first, then the rest: the order issuers are tried in. */
  private readonly issuerOrder: CertFields[];
  private readonly anchors = new Set<CertFields>();
  /** Whether trust anchors were given (else chains are `unchecked`). */
  readonly checked: boolean;
  private readonly keys = new Map<CertFields, VerifyKey | Error>();
  private readonly issued = new Map<CertFields, Map<CertFields, boolean>>();
  private checks = 0;
  private lastYield = performance.now();

  constructor(
    messageCerts: Uint8Array[],
    trusted: Uint8Array[] | undefined,
    private readonly limits: VerifyLimits,
    /** What a batch shares (parsed certificates, decoded keys, certificate checks); see verify-cache.ts. */
    private readonly cache?: VerifyCache,
  ) {
    const seen = new Set<CertFields>();
    const seenDer = new Map<string, CertFields>();
    const add = (der: Uint8Array, anchor: boolean): void => {
      let c: CertFields | undefined;
      if (cache) c = cache.certificate(der);
      else {
        const id = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
        c = seenDer.get(id);
        if (!c) seenDer.set(id, (c = readCertificate(der)));
      }
      if (!seen.has(c)) {
        seen.add(c);
        this.all.push(c);
      }
      if (anchor) this.anchors.add(c);
    };
    for (const der of messageCerts) add(der, false);
    for (const bundle of trusted ?? [])
      for (const der of cache ? cache.anchors(bundle) : splitCertificates(bundle)) add(der, true);
    this.checked = trusted !== undefined;
    this.issuerOrder = [...this.anchors, ...this.all.filter((c) => !this.anchors.has(c))];
  }

  isAnchor(c: CertFields): boolean {
    return this.anchors.has(c);
  }

  /** The certificate's public key, decoded once; a damaged key throws (MalformedError) every time. */
  key(c: CertFields): VerifyKey {
    let k = this.keys.get(c);
    if (k === undefined) {
      const decode = () => decodeVerifyKey(c.spki, c.keyOid, c.serialHex);
      if (this.cache) k = this.cache.key(c, decode);
      else
        try {
          k = decode();
        } catch (e) {
          k = e as Error;
        }
      this.keys.set(c, k);
    }
    if (k instanceof Error) throw k;
    return k;
  }

  /** One public-key operation with `c`'s key, counted against the message's budget. */
  verify(
    c: CertFields,
    sigOid: string,
    digest: DigestName | null,
    data: Uint8Array,
    signature: Uint8Array,
  ): boolean {
    const key = this.key(c);
    if (++this.checks > this.limits.checks) throw limitError('checks', this.checks, this.limits.checks);
    return verifyWithKey(key, c.keyOid, sigOid, digest, data, signature);
  }

  /** `issuer` names `child`'s issuer and its key verifies `child`'s signature (memoized). */
  signedBy(child: CertFields, issuer: CertFields): boolean {
    if (child === issuer || !child.issuer.equals(issuer.subject)) return false;
    let row = this.issued.get(child);
    const known = row?.get(issuer);
    if (known !== undefined) return known;
    let ok: boolean;
    try {
      const batch = this.cache?.signedBy(child, issuer);
      if (batch === undefined) {
        ok = this.verify(issuer, child.signatureOid, null, child.tbs, child.signature);
        this.cache?.rememberSignedBy(child, issuer, ok);
      } else {
        // Known from an earlier message of the batch: no public-key operation, but it counts
        // against this message's budget exactly as the operation would have (same limits).
        this.key(issuer);
        if (++this.checks > this.limits.checks) throw limitError('checks', this.checks, this.limits.checks);
        ok = batch;
      }
    } catch (e) {
      if (e instanceof SignatureError) throw e; // the budget ran out: the whole message fails
      ok = false; // a damaged issuer key or an unknown algorithm: not this issuer
    }
    if (!row) this.issued.set(child, (row = new Map()));
    row.set(issuer, ok);
    return ok;
  }

  /** Let other work (other requests) run when this message has held the thread for a while. */
  async breathe(): Promise<void> {
    if (performance.now() - this.lastYield < SLICE_MS) return;
    await nextTurn();
    this.lastYield = performance.now();
  }

  /** Path from `signer` to an anchor, trying anchors first at each step. */
  async chainOf(signer: CertFields): Promise<ChainResult> {
    const path = [signer];
    if (!this.checked) return { status: 'unchecked', path };
    let cur = signer;
    for (let depth = 0; depth < 10; depth++) {
      if (this.isAnchor(cur)) return { status: 'trusted', path };
      let next: CertFields | undefined;
      for (const c of this.issuerOrder) {
        if (this.signedBy(cur, c)) {
          next = c;
          break;
        }
        await this.breathe();
      }
      if (!next || path.includes(next)) return { status: 'untrusted', path };
      path.push(next);
      cur = next;
    }
    return { status: 'untrusted', path };
  }
}
