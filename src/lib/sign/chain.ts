/**
 * Certificate path building from the signer up to a trusted anchor: issuer Name match, then the
 * issuer's key must verify the child's signature. Deliberately small (no policy or name
 * constraints processing); anchors are given explicitly (`--ca`).
 */
import { verifyWithSpki } from './algorithms.js';
import { readCertificate, type CertFields } from './certificate.js';

export type ChainStatus = 'trusted' | 'untrusted' | 'unchecked';

export interface ChainResult {
  status: ChainStatus;
  /** Serial numbers from the signer up to the last certificate found. */
  path: CertFields[];
}

function signedBy(child: CertFields, issuer: CertFields): boolean {
  if (!child.issuer.equals(issuer.subject)) return false;
  try {
    return verifyWithSpki(issuer.spki, issuer.keyOid, child.signatureOid, null, child.tbs, child.signature);
  } catch {
    return false;
  }
}

export function buildChain(
  signer: CertFields,
  pool: CertFields[],
  anchors: CertFields[] | undefined,
): ChainResult {
  const path = [signer];
  if (!anchors) return { status: 'unchecked', path };
  const isAnchor = (c: CertFields) => anchors.some((a) => a.der.equals(c.der));
  let cur = signer;
  for (let depth = 0; depth < 10; depth++) {
    if (isAnchor(cur)) return { status: 'trusted', path };
    const next = [...anchors, ...pool].find((c) => !c.der.equals(cur.der) && signedBy(cur, c));
    if (!next) return { status: 'untrusted', path };
    path.push(next);
    cur = next;
  }
  return { status: 'untrusted', path };
}

export function readCertificates(ders: Uint8Array[]): CertFields[] {
  return ders.map((d) => readCertificate(d));
}
