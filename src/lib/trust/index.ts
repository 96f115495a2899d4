/**
 * Trust anchors: the portal's CA certificates, fetched once and written to a PEM file that
 * `key verify --ca`, `key doctor --ca` and OpenSSL (`-CAfile`) take. The file is public (0644) and
 * written atomically; an existing file is replaced only with `force`.
 */
import { derToPem, fingerprint, parseCertificate, type Certificate } from '../pki/index.js';
import { UsageError } from '../errors/index.js';
import { writeFileAtomic } from '../files/index.js';
import { getCaCertificates, type PortalHttp } from '../portal/index.js';

export interface AnchorInfo {
  role: 'ca' | 'tsa';
  subject: string;
  serial: string;
  validTo: string;
  /** SHA-256 of the DER: compare it with the one the portal publishes elsewhere. */
  sha256: string;
}

export interface FetchedAnchors {
  certificates: AnchorInfo[];
  /** The certificates as one PEM bundle, the CA first. */
  pem: string;
}

const info = (role: AnchorInfo['role'], c: Certificate): AnchorInfo => ({
  role,
  subject: c.subject.text,
  serial: c.serialHex,
  validTo: c.notAfter.toISOString(),
  sha256: fingerprint(c, 'sha256'),
});

/** The portal's root CA (and with `tsa`, its time-stamping certificate), parsed and checked. */
export async function fetchPortalAnchors(
  http: PortalHttp,
  o: { tsa?: boolean } = {},
): Promise<FetchedAnchors> {
  const r = await getCaCertificates(http);
  const parts: Array<[AnchorInfo['role'], Buffer]> = [['ca', Buffer.from(r.ca, 'base64')]];
  if (o.tsa) parts.push(['tsa', Buffer.from(r.tsa, 'base64')]);
  // Parsing proves the portal sent certificates, not something else under that name.
  const certificates = parts.map(([role, der]) => info(role, parseCertificate(der)));
  return { certificates, pem: parts.map(([, der]) => derToPem(der, 'CERTIFICATE')).join('') };
}

/** Write the bundle; an existing file only with `force` (exit 2 otherwise, nothing written). */
export async function saveAnchors(file: string, pem: string, o: { force?: boolean } = {}): Promise<void> {
  try {
    await writeFileAtomic(file, Buffer.from(pem), { mode: 0o644, replace: o.force === true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UsageError('FILE_EXISTS', 'common.error.fileExists', { params: { path: file } });
    throw new UsageError('FILE_WRITE', 'common.error.write', {
      params: { path: file, reason: code ?? String(e) },
    });
  }
}
