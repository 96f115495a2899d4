/**
 * `key doctor`: the checks support staff run by hand when "my key does not work" — each ends in
 * pass / warn / fail / skip with a message and a fix, as i18n keys the CLI renders.
 */
import {
  isOneIdError,
  KeyPasswordError,
  MalformedError,
  UnsupportedAlgorithmError,
  type Params,
} from '../errors/index.js';
import {
  assertReadablePublicKey,
  buildChain,
  publicKeyOf,
  readPfx,
  readPfxPublic,
  sameKey,
  verifyCertificateSignature,
  type Certificate,
  type PfxPublicInfo,
} from '../pki/index.js';
import { findKeyFiles, summarizePfx, type KeySummary } from './list.js';
import { keyRoots, systemRootsEnabled, type DiscoveryOptions } from './roots.js';
import { readKeyFile, resolveKeyRef } from './store.js';
import { fetchPortalCa, portalClient, probePortal } from './doctor-portal.js';
import type { PortalHttp } from '../portal/index.js';
import {
  established,
  reasonText,
  sourceText,
  whyText,
  type RevocationMode,
  type RevocationResult,
} from '../revocation/index.js';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';
export type CheckId =
  | 'roots'
  | 'usb'
  | 'files'
  | 'parse'
  | 'password'
  | 'match'
  | 'expiry'
  | 'chain'
  | 'revocation'
  | 'clock'
  | 'portal';

export interface DoctorCheck {
  id: CheckId;
  status: CheckStatus;
  /** i18n key and parameters of what was found. */
  key: string;
  params: Params;
  /** i18n key of what to do about it (warn/fail). */
  fixKey?: string;
  fixParams?: Params;
  /** The key file the check is about. */
  path?: string;
}

export interface DoctorOptions extends DiscoveryOptions {
  /** One key (`<file|alias|serial>`); default: every key found. */
  ref?: string;
  /** Checks the password and key/certificate match when given. */
  password?: string;
  /**
   * Trusted root (or intermediate) certificates. When empty and the portal answers, the portal's
   * CA (`/api/v1/ca/certificates`, served by the sandbox) is used.
   */
  trusted?: Certificate[];
  /** The portal (its client, or its base URL) for the reachability and clock checks. */
  portal?: string | PortalHttp;
  now?: Date;
  /** Portal request timeout (default 3 s). */
  timeoutMs?: number;
  /** Warn when fewer days than this are left (default 30). */
  warnDays?: number;
  /** The run's revocation checker (its mode decides warn or fail for an unknown status). */
  revocation?: { mode: RevocationMode; checkPath(path: Uint8Array[]): Promise<RevocationResult> };
}

export interface DoctorReport {
  checks: DoctorCheck[];
  ok: boolean;
}

const fmtDate = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

function expiryCheck(s: KeySummary, warnDays: number): DoctorCheck {
  const base = { id: 'expiry' as const, path: s.path };
  if (!s.validTo || !s.state) return { ...base, status: 'skip', key: 'keys.doctor.expiry.skip', params: {} };
  if (s.state === 'expired')
    return {
      ...base,
      status: 'fail',
      key: 'keys.doctor.expiry.expired',
      params: { date: fmtDate(s.validTo) },
      fixKey: 'keys.doctor.expiry.fixExpired',
    };
  if (s.state === 'not-yet-valid')
    return {
      ...base,
      status: 'fail',
      key: 'keys.doctor.expiry.notYet',
      params: { date: fmtDate(s.validFrom!) },
      fixKey: 'keys.doctor.expiry.fixNotYet',
    };
  const params = { date: fmtDate(s.validTo), days: s.daysLeft ?? 0 };
  if ((s.daysLeft ?? 0) <= warnDays)
    return {
      ...base,
      status: 'warn',
      key: 'keys.doctor.expiry.warn',
      params,
      fixKey: 'keys.doctor.expiry.fixSoon',
    };
  return { ...base, status: 'pass', key: 'keys.doctor.expiry.pass', params };
}

const sameCert = (a: Certificate, b: Certificate) => Buffer.from(a.raw).equals(Buffer.from(b.raw));

/** Walk leaf → issuers, verifying each signature, until a trusted certificate is reached. */
export function chainCheck(
  leaf: Certificate,
  inFile: Certificate[],
  trusted: Certificate[],
  path?: string,
): DoctorCheck {
  const base = { id: 'chain' as const, path };
  const chain = buildChain(leaf, [...inFile, ...trusted]);
  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i]!;
    if (trusted.some((t) => sameCert(t, cert)) && (cert.selfIssued ? verifySafe(cert, cert) !== false : true))
      return { ...base, status: 'pass', key: 'keys.doctor.chain.pass', params: { root: cert.subject.text } };
    const issuer = chain[i + 1] ?? (cert.selfIssued ? cert : undefined);
    if (!issuer)
      return {
        ...base,
        status: 'warn',
        key: 'keys.doctor.chain.incomplete',
        params: { issuer: cert.issuer.text },
        fixKey: 'keys.doctor.chain.fixUntrusted',
      };
    const verified = verifySafe(cert, issuer);
    if (verified === undefined)
      return {
        ...base,
        status: 'warn',
        key: 'keys.doctor.chain.unverifiable',
        params: { subject: cert.subject.text, oid: cert.signatureAlgorithmOid },
      };
    if (!verified)
      return {
        ...base,
        status: 'fail',
        key: 'keys.doctor.chain.broken',
        params: { subject: cert.subject.text },
        fixKey: 'keys.doctor.chain.fixBroken',
      };
    if (issuer === cert)
      return {
        ...base,
        status: 'warn',
        key: 'keys.doctor.chain.untrusted',
        params: { root: cert.subject.text },
        fixKey: 'keys.doctor.chain.fixUntrusted',
      };
  }
  return {
    ...base,
    status: 'warn',
    key: 'keys.doctor.chain.incomplete',
    params: { issuer: chain[chain.length - 1]!.issuer.text },
    fixKey: 'keys.doctor.chain.fixUntrusted',
  };
}

/** true / false, or undefined when the signature algorithm is not supported (cannot tell). */
function verifySafe(cert: Certificate, issuer: Certificate): boolean | undefined {
  try {
    return verifyCertificateSignature(cert, issuer);
  } catch (e) {
    if (e instanceof UnsupportedAlgorithmError) return undefined;
    return false; // a damaged key in the issuer certificate
  }
}

function errorParams(e: unknown): Params {
  if (isOneIdError(e)) return { reason: e.message };
  return { reason: (e as NodeJS.ErrnoException)?.code ?? String(e) };
}

async function checkKeyFile(
  file: string,
  disk: string,
  opts: DoctorOptions,
  now: Date,
): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  let bytes: Buffer;
  let info: PfxPublicInfo;
  try {
    bytes = await readKeyFile(file);
    info = readPfxPublic(bytes);
    if (info.certificate) assertReadablePublicKey(info.certificate);
    checks.push({ id: 'parse', status: 'pass', key: 'keys.doctor.parse.pass', params: {}, path: file });
  } catch (e) {
    checks.push({
      id: 'parse',
      status: 'fail',
      key: 'keys.doctor.parse.fail',
      params: errorParams(e),
      fixKey: 'keys.doctor.parse.fix',
      path: file,
    });
    return checks;
  }
  let summary = summarizePfx(file, disk, info, now);
  let leaf = info.certificate;
  let certs = info.certificates;
  if (opts.password === undefined) {
    checks.push({ id: 'password', status: 'skip', key: 'keys.doctor.password.skip', params: {}, path: file });
    checks.push({ id: 'match', status: 'skip', key: 'keys.doctor.match.skip', params: {}, path: file });
  } else {
    try {
      const opened = readPfx(bytes, opts.password);
      checks.push({
        id: 'password',
        status: 'pass',
        key: 'keys.doctor.password.pass',
        params: {},
        path: file,
      });
      leaf = opened.certificate;
      certs = opened.certificates;
      summary = summarizePfx(
        file,
        disk,
        { ...info, certificate: leaf, certificates: certs, unreadable: [] },
        now,
      );
      let match: boolean | undefined;
      let damaged: unknown;
      try {
        assertReadablePublicKey(opened.certificate);
        match = sameKey(publicKeyOf(opened.privateKey), opened.certificate.publicKey);
      } catch (e) {
        if (e instanceof MalformedError) damaged = e;
        match = undefined;
      }
      checks.push(
        damaged
          ? {
              id: 'match',
              status: 'fail',
              key: 'keys.doctor.parse.fail',
              params: errorParams(damaged),
              fixKey: 'keys.doctor.parse.fix',
              path: file,
            }
          : match === undefined
            ? { id: 'match', status: 'skip', key: 'keys.doctor.match.skip', params: {}, path: file }
            : match
              ? { id: 'match', status: 'pass', key: 'keys.doctor.match.pass', params: {}, path: file }
              : {
                  id: 'match',
                  status: 'fail',
                  key: 'keys.doctor.match.fail',
                  params: {},
                  fixKey: 'keys.doctor.match.fix',
                  path: file,
                },
      );
    } catch (e) {
      if (e instanceof KeyPasswordError)
        checks.push({
          id: 'password',
          status: 'fail',
          key: 'keys.doctor.password.fail',
          params: {},
          fixKey: 'pki.hint.password',
          path: file,
        });
      else
        checks.push({
          id: 'password',
          status: 'fail',
          key: 'keys.doctor.parse.fail',
          params: errorParams(e),
          fixKey: 'keys.doctor.parse.fix',
          path: file,
        });
    }
  }
  checks.push(expiryCheck(summary, opts.warnDays ?? 30));
  if (leaf) checks.push(chainCheck(leaf, certs, opts.trusted ?? [], file));
  else checks.push({ id: 'chain', status: 'skip', key: 'keys.doctor.chain.skip', params: {}, path: file });
  if (leaf && opts.revocation) checks.push(await revocationCheck(leaf, certs, opts, file));
  return checks;
}

/** Revoked: fail. Unknown: warn (auto) or fail (require). Off or nothing to ask: skip (fail under require). */
async function revocationCheck(
  leaf: Certificate,
  inFile: Certificate[],
  opts: DoctorOptions,
  path: string,
): Promise<DoctorCheck> {
  const { mode } = opts.revocation!;
  const base = { id: 'revocation' as const, path };
  const r = await opts.revocation!.checkPath(
    buildChain(leaf, [...inFile, ...(opts.trusted ?? [])]).map((c) => c.raw),
  );
  if (r.status === 'good')
    return { ...base, status: 'pass', key: 'keys.doctor.revocation.pass', params: { source: sourceText(r) } };
  if (r.status === 'revoked')
    return {
      ...base,
      status: 'fail',
      key: 'keys.doctor.revocation.revoked',
      params: { date: r.revokedAt ?? '', reason: reasonText(r.reason), source: sourceText(r) },
      fixKey: 'keys.doctor.revocation.fixRevoked',
    };
  const params = { why: whyText(r) };
  if (mode === 'require' && !established(r))
    return {
      ...base,
      status: 'fail',
      key: 'keys.doctor.revocation.unknown',
      params,
      fixKey: 'revocation.hint.unknown',
    };
  if (r.status === 'unknown')
    return {
      ...base,
      status: 'warn',
      key: 'keys.doctor.revocation.unknown',
      params,
      fixKey: 'revocation.hint.unknown',
    };
  return { ...base, status: 'skip', key: 'keys.doctor.revocation.skip', params };
}

function clockCheck(now: Date, serverDate?: Date): DoctorCheck {
  const year = now.getUTCFullYear();
  if (year < 2024 || year > 2100)
    return {
      id: 'clock',
      status: 'fail',
      key: 'keys.doctor.clock.fail',
      params: { now: now.toISOString() },
      fixKey: 'keys.doctor.clock.fix',
    };
  if (serverDate && !Number.isNaN(serverDate.getTime())) {
    const minutes = Math.round(Math.abs(now.getTime() - serverDate.getTime()) / 60_000);
    if (minutes >= 5)
      return {
        id: 'clock',
        status: 'warn',
        key: 'keys.doctor.clock.skew',
        params: { minutes },
        fixKey: 'keys.doctor.clock.fix',
      };
  }
  return { id: 'clock', status: 'pass', key: 'keys.doctor.clock.pass', params: { now: now.toISOString() } };
}

export async function runDoctor(opts: DoctorOptions = {}): Promise<DoctorReport> {
  const now = opts.now ?? new Date();
  const checks: DoctorCheck[] = [];
  const roots = await keyRoots(opts);
  const existing = roots.filter((r) => r.exists);
  const portal = opts.portal === undefined ? undefined : portalClient(opts.portal);
  const portalProbe = portal ? probePortal(portal, opts.timeoutMs ?? 3000) : undefined;

  checks.push(
    existing.length
      ? {
          id: 'roots',
          status: 'pass',
          key: 'keys.doctor.roots.pass',
          params: { count: existing.length, paths: existing.map((r) => r.path).join(', ') },
        }
      : {
          id: 'roots',
          status: opts.ref ? 'warn' : 'fail',
          key: 'keys.doctor.roots.fail',
          params: { paths: roots.map((r) => r.path).join(', ') || '-' },
          fixKey: 'keys.doctor.roots.fix',
        },
  );
  if (!systemRootsEnabled(opts))
    checks.push({ id: 'usb', status: 'skip', key: 'keys.doctor.usb.skip', params: {} });
  else {
    const usb = existing.filter((r) => r.source === 'removable');
    checks.push(
      usb.length
        ? {
            id: 'usb',
            status: 'pass',
            key: 'keys.doctor.usb.pass',
            params: { paths: usb.map((r) => r.path).join(', ') },
          }
        : {
            id: 'usb',
            status: 'warn',
            key: 'keys.doctor.usb.warn',
            params: {},
            fixKey: 'keys.doctor.usb.fix',
          },
    );
  }

  const files = await findKeyFiles(roots);
  const unreadable: string[] = [];
  for (const f of files) {
    try {
      (await readKeyFile(f.path)).subarray(0, 0);
    } catch {
      unreadable.push(f.path);
    }
  }
  if (files.length === 0)
    checks.push({
      id: 'files',
      status: opts.ref ? 'warn' : 'fail',
      key: 'keys.doctor.files.fail',
      params: {},
      fixKey: 'keys.doctor.files.fixNone',
    });
  else if (unreadable.length)
    checks.push({
      id: 'files',
      status: 'warn',
      key: 'keys.doctor.files.warn',
      params: { bad: unreadable.length, count: files.length, paths: unreadable.join(', ') },
      fixKey: 'keys.doctor.files.fix',
    });
  else
    checks.push({
      id: 'files',
      status: 'pass',
      key: 'keys.doctor.files.pass',
      params: { count: files.length },
    });

  // Without --ca, the portal's own CA (the sandbox publishes it) is the trust anchor.
  const portalResult = portalProbe ? await portalProbe : undefined;
  let trusted = opts.trusted ?? [];
  if (trusted.length === 0 && portal && portalResult?.check.status === 'pass')
    trusted = await fetchPortalCa(portal);
  opts = { ...opts, trusted };

  if (opts.ref !== undefined) {
    try {
      const resolved = await resolveKeyRef(opts.ref, opts);
      checks.push(
        ...(await checkKeyFile(
          resolved.path,
          roots.find((r) => resolved.path.startsWith(r.path))?.path ?? '',
          opts,
          now,
        )),
      );
    } catch (e) {
      // A key that is not there (or an ambiguous reference) is a usage error, not a finding.
      if (isOneIdError(e) && e.category === 'usage') throw e;
      checks.push({
        id: 'parse',
        status: 'fail',
        key: 'keys.doctor.parse.fail',
        params: errorParams(e),
        fixKey: 'keys.doctor.files.fixNone',
      });
    }
  } else {
    for (const f of files)
      if (!unreadable.includes(f.path))
        checks.push(...(await checkKeyFile(f.path, f.disk, { ...opts, password: undefined }, now)));
    const damaged = checks.filter((c) => c.id === 'parse' && c.status === 'fail').map((c) => c.path!);
    const filesCheck = checks.find((c) => c.id === 'files');
    if (damaged.length && filesCheck)
      Object.assign(filesCheck, {
        status: 'warn',
        key: 'keys.doctor.files.damaged',
        params: {
          bad: unreadable.length + damaged.length,
          count: files.length,
          paths: [...unreadable, ...damaged].join(', '),
        },
        fixKey: 'keys.doctor.parse.fix',
      } satisfies Partial<DoctorCheck>);
  }

  checks.push(clockCheck(now, portalResult?.serverDate));
  checks.push(
    portalResult?.check ?? { id: 'portal', status: 'skip', key: 'keys.doctor.portal.skip', params: {} },
  );
  return { checks, ok: !checks.some((c) => c.status === 'fail') };
}
