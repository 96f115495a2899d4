/**
 * The per-run revocation checker: for a certificate path (signer first), the status of the signer
 * (and of intermediates that name a source) from, in this order, a CRL given with `--crl`, the
 * OCSP responder the certificate names, the CRL its distribution point names (cached in the
 * config folder until its nextUpdate). Results are cached per certificate (issuer + serial) and
 * concurrent lookups share one promise, so a batch of 5,000 signatures by one key makes one
 * request; each CRL URL is fetched at most once per run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../files/index.js';
import { parseCertificate, revocationReasonName, type Certificate } from '../pki/index.js';
import { crlProblem, crlUrls, ocspUrls, parseCrl, type Crl } from './crl.js';
import { fetchBytes, Limiter } from './net.js';
import { queryOcsp } from './ocsp-client.js';
import type { RevocationMode, RevocationResult } from './types.js';

export interface CheckerOptions {
  mode: RevocationMode;
  /** CRL files or URLs to use before any responder (`--crl`, offline work). */
  crls?: string[];
  /** Folder where fetched CRLs are kept until their nextUpdate (the config folder's `crl/`). */
  cacheDir?: string;
  timeoutMs?: number;
  now?: () => Date;
}

type CrlOrWhy = { crl: Crl; source: string } | { why: string; detail?: string; source: string };

const sha256 = (...parts: Uint8Array[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

export class RevocationChecker {
  readonly mode: RevocationMode;
  private readonly limiter = new Limiter();
  private readonly now: () => Date;
  private readonly paths = new Map<string, Promise<RevocationResult>>();
  private readonly certs = new Map<string, Promise<RevocationResult>>();
  private readonly byUrl = new Map<string, Promise<CrlOrWhy>>();
  private offline?: Promise<CrlOrWhy[]>;
  /** Network requests made (OCSP and CRL), for reports and tests. */
  requests = 0;
  /** Background refreshes of cached CRLs near their nextUpdate (one per URL and run at most). */
  readonly refreshes: Array<Promise<unknown>> = [];

  constructor(private readonly o: CheckerOptions) {
    this.mode = o.mode;
    this.now = o.now ?? (() => new Date());
  }

  /** The status of a path (DER certificates, signer first, then its issuers). */
  checkPath(chain: Uint8Array[]): Promise<RevocationResult> {
    if (this.mode === 'off') return Promise.resolve({ status: 'not-checked', why: 'off' });
    const key = sha256(...chain.map((c) => Buffer.concat([Buffer.from(String(c.length) + ':'), c])));
    let p = this.paths.get(key);
    if (!p) this.paths.set(key, (p = this.pathStatus(chain.map((c) => parseCertificate(c)))));
    return p;
  }

  private async pathStatus(path: Certificate[]): Promise<RevocationResult> {
    const leaf = path[0]!;
    if (path.length < 2 || leaf.selfIssued)
      return { status: 'not-checked', serial: leaf.serialHex, why: 'no-issuer' };
    const checks: Array<Promise<RevocationResult>> = [];
    for (let i = 0; i + 1 < path.length; i++) {
      const cert = path[i]!;
      if (cert.selfIssued) break;
      // Intermediates only when they say where to ask (or a --crl may cover them): cheap.
      if (i > 0 && !ocspUrls(cert).length && !crlUrls(cert).length && !this.o.crls?.length) continue;
      checks.push(this.check(cert, path[i + 1]!));
    }
    const results = await Promise.all(checks);
    const leafResult = results[0]!;
    const inner = results.slice(1).filter((r) => r.status !== 'not-checked');
    return (
      results.find((r) => r.status === 'revoked') ??
      (leafResult.status === 'unknown' ? leafResult : undefined) ??
      inner.find((r) => r.status === 'unknown') ??
      leafResult
    );
  }

  /** The status of one certificate, given its issuer (cached by issuer and serial). */
  check(cert: Certificate, issuer: Certificate): Promise<RevocationResult> {
    const key = sha256(issuer.raw) + ':' + cert.serialHex;
    let p = this.certs.get(key);
    if (!p) this.certs.set(key, (p = this.lookup(cert, issuer)));
    return p;
  }

  private async lookup(cert: Certificate, issuer: Certificate): Promise<RevocationResult> {
    const serial = cert.serialHex;
    const now = this.now();
    let failure: RevocationResult | undefined;
    const fromCrl = (x: CrlOrWhy): RevocationResult | undefined => {
      if ('why' in x) {
        failure ??= { status: 'unknown', serial, source: x.source, via: 'crl', why: x.why, detail: x.detail };
        return undefined;
      }
      const problem = crlProblem(x.crl, issuer, now);
      if (problem) {
        failure ??= { status: 'unknown', serial, source: x.source, via: 'crl', why: problem };
        return undefined;
      }
      const entry = x.crl.revoked.get(serial);
      if (!entry || entry.reason === 8 /* removeFromCRL */)
        return { status: 'good', serial, source: x.source, via: 'crl' };
      return {
        status: 'revoked',
        serial,
        source: x.source,
        via: 'crl',
        revokedAt: entry.revokedAt.toISOString(),
        reason: revocationReasonName(entry.reason ?? 0),
      };
    };
    // 1. CRLs given on the command line, for this issuer.
    const issuerName = Buffer.from(cert.issuer.der);
    for (const x of await this.offlineCrls()) {
      if ('crl' in x && !x.crl.issuer.equals(issuerName)) continue;
      const r = fromCrl(x);
      if (r) return r;
    }
    // 2. The OCSP responder the certificate names.
    for (const url of ocspUrls(cert).slice(0, 1)) {
      this.requests++;
      const a = await queryOcsp(url, cert, issuer, {
        limiter: this.limiter,
        now: this.now,
        timeoutMs: this.o.timeoutMs,
      });
      if (a.status === 'good') return { status: 'good', serial, source: url, via: 'ocsp' };
      if (a.status === 'revoked')
        return {
          status: 'revoked',
          serial,
          source: url,
          via: 'ocsp',
          revokedAt: a.revokedAt.toISOString(),
          reason: revocationReasonName(a.reason ?? 0),
        };
      const [why, detail] = a.why.startsWith('unreachable: ') ? ['unreachable', a.why.slice(13)] : [a.why];
      failure ??= { status: 'unknown', serial, source: url, via: 'ocsp', why: why!, detail };
    }
    // 3. The CRL its distribution point names (also when the responder failed).
    for (const url of crlUrls(cert).slice(0, 1)) {
      const r = fromCrl(await this.crlAt(url));
      if (r) return r;
    }
    return failure ?? { status: 'not-checked', serial, why: 'no-source' };
  }

  private offlineCrls(): Promise<CrlOrWhy[]> {
    return (this.offline ??= Promise.all(
      (this.o.crls ?? []).map(async (s): Promise<CrlOrWhy> => {
        if (/^https?:\/\//i.test(s)) return this.crlAt(s);
        const source = path.resolve(s);
        try {
          return { crl: parseCrl(await readFile(source)), source };
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          return { why: code ? 'crl-unreadable' : 'crl-malformed', detail: code, source };
        }
      }),
    ));
  }

  /** A CRL by URL: once per run; from the cache folder while its nextUpdate has not passed. */
  private crlAt(url: string): Promise<CrlOrWhy> {
    let p = this.byUrl.get(url);
    if (!p) this.byUrl.set(url, (p = this.fetchCrl(url)));
    return p;
  }

  /**
   * The cached CRL while its nextUpdate has not passed. In the last quarter of its life it is still
   * used, and a fresh one is fetched in the background for the next runs (`refreshes`), so a batch
   * never waits for it; past nextUpdate it is fetched before use.
   */
  private async fetchCrl(url: string): Promise<CrlOrWhy> {
    const file =
      this.o.cacheDir && path.join(this.o.cacheDir, sha256(Buffer.from(url)).slice(0, 32) + '.crl');
    const now = this.now().getTime();
    if (file) {
      try {
        const crl = parseCrl(readFileSync(file));
        const next = crl.nextUpdate?.getTime() ?? 0;
        if (next > now) {
          if (now > next - (next - crl.thisUpdate.getTime()) / 4)
            this.refreshes.push(this.download(url, file, now));
          return { crl, source: url };
        }
      } catch {
        // not cached (or damaged): fetch it
      }
    }
    return this.download(url, file, now);
  }

  private async download(url: string, file: string | undefined, now: number): Promise<CrlOrWhy> {
    this.requests++;
    const got = await this.limiter.run(() => fetchBytes(url, { timeoutMs: this.o.timeoutMs }));
    if (!got.ok) return { why: 'unreachable', detail: got.why, source: url };
    let crl: Crl;
    try {
      crl = parseCrl(got.body);
    } catch {
      return { why: 'crl-malformed', source: url };
    }
    // Kept only when it says until when it holds; the caller checks issuer and signature.
    if (file && crl.nextUpdate && crl.nextUpdate.getTime() > now)
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, crl.der, { mode: 0o644 });
      } catch {
        // a cache that cannot be written is only slower
      }
    return { crl, source: url };
  }
}
