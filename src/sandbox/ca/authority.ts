/**
 * The sandbox certification authority: a root CA and a time-stamping unit certified by it, both
 * created on first start and kept in the database. It issues end-entity certificates for approved
 * key applications with the Uzbek subject attributes (PINFL 1.2.860.3.16.1.2, TIN 1.2.860.3.16.1.1,
 * UID, NAME, SURNAME, O, T…), revokes them, and publishes a CRL.
 *
 * The root signs with O'z DSt 1092 (GOST R 34.10-2001, curve A) by default, as the Uzbek CAs do, or
 * with ECDSA P-256 (`--ca-algorithm ecdsa-p256`, for peers without GOST support such as plain
 * OpenSSL); the choice is made when the data dir is created. The subject key may be O'z DSt 1092,
 * RSA or EC, copied from the PKCS#10. The TSA key is always ECDSA P-256 so that RFC 3161 clients
 * can check tokens with standard algorithms.
 */
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { OID } from '../../lib/crypto/index.js';
import {
  buildCertificate,
  buildCrl,
  buildOcspResponse,
  certIdMatchesIssuer,
  certificateSigner,
  encodeName,
  ocspErrorResponse,
  parseOcspRequest,
  type OcspCertStatus,
  type OcspSingleResponse,
  keyIdentifier,
  parseCertificate,
  type CertificateSigner,
  decodePrivateKey,
  encodePrivateKey,
  generatePrivateKey,
  type PrivateKey,
} from '../../lib/pki/index.js';
import type { ApplicationRow } from '../application-row.js';
import type { Db } from '../db/database.js';
import { findCompany, findPerson, roleInCompany } from '../registry/lookup.js';
import { parseCsr } from './csr.js';

export type CaAlgorithm = 'ozdst-1092' | 'ecdsa-p256';
export const CA_ALGORITHMS: readonly CaAlgorithm[] = ['ozdst-1092', 'ecdsa-p256'];
const DAY = 86_400_000;

export const CA_NAME: NameAttr[] = [
  [OID.C, 'UZ'],
  [OID.O, 'oneid sandbox'],
  [OID.CN, 'oneid sandbox CA'],
];
export const TSA_NAME: NameAttr[] = [
  [OID.C, 'UZ'],
  [OID.O, 'oneid sandbox'],
  [OID.CN, 'oneid sandbox TSA'],
];

const isKeyObject = (k: PrivateKey): k is KeyObject => typeof (k as KeyObject).asymmetricKeyType === 'string';

type NameAttr = [oid: string, value: string];

interface StoredKey {
  certificate: Buffer;
  key: PrivateKey;
}

const newSerial = (): Buffer => {
  const b = randomBytes(8);
  b[0] = (b[0]! & 0x7f) | 0x10; // positive, and always 8 octets long so the hex form has 16 digits
  return b;
};

export class CertificateAuthority {
  private crlCache: { revoked: number; der: Buffer; at: number } | undefined;
  private readonly caSigner: CertificateSigner;
  /** The root's subjectKeyIdentifier (hex), for authorityKeyIdentifier. */
  private readonly caKeyId: string;
  readonly tsaSigner: CertificateSigner;
  /** The TSA certificate's serial (hex): it is not in the certificates table, and never revoked. */
  private readonly tsaSerial: string;
  private constructor(
    private readonly db: Db,
    private readonly root: StoredKey,
    readonly tsa: StoredKey,
    private baseUrl: string,
  ) {
    this.caSigner = certificateSigner(root.key);
    const rootCert = parseCertificate(root.certificate);
    this.caKeyId = rootCert.subjectKeyId ?? keyIdentifier(rootCert.spki);
    this.tsaSigner = certificateSigner(tsa.key);
    this.tsaSerial = parseCertificate(tsa.certificate).serialHex;
  }

  /** Load the CA from the database, creating it (in one transaction) on first start. */
  static open(db: Db, baseUrl: string, algorithm: CaAlgorithm = 'ozdst-1092'): CertificateAuthority {
    const load = (name: string): StoredKey | undefined => {
      const r = db.prepare('SELECT certificate, private_key FROM ca WHERE name = ?').get(name) as
        { certificate: Buffer; private_key: Buffer } | undefined;
      return (
        r && {
          certificate: r.certificate,
          key: decodePrivateKey(r.private_key),
        }
      );
    };
    db.transaction(() => {
      if (load('root')) return;
      const now = new Date();
      const rootKey =
        algorithm === 'ozdst-1092'
          ? generatePrivateKey({ alg: 'ozdst', curve: 'A' })
          : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      const rootSigner = certificateSigner(rootKey);
      const rootKeyId = keyIdentifier(rootSigner.spki);
      const rootName = encodeName(CA_NAME);
      const rootCert = buildCertificate(
        {
          serial: newSerial(),
          issuer: rootName,
          subject: rootName,
          notBefore: new Date(now.getTime() - DAY),
          notAfter: new Date(now.getTime() + 20 * 365 * DAY),
          spki: rootSigner.spki,
          extensions: {
            ca: true,
            keyUsage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
            subjectSpki: rootSigner.spki,
            authorityKeyId: rootKeyId,
          },
        },
        rootSigner,
      );
      const tsaKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      const tsaCert = buildCertificate(
        {
          serial: newSerial(),
          issuer: rootName,
          subject: encodeName(TSA_NAME),
          notBefore: new Date(now.getTime() - DAY),
          notAfter: new Date(now.getTime() + 10 * 365 * DAY),
          spki: certificateSigner(tsaKey).spki,
          extensions: {
            ca: false,
            basicConstraintsCritical: true,
            keyUsage: ['digitalSignature', 'nonRepudiation'],
            extKeyUsage: [OID.timeStamping],
            extKeyUsageCritical: true,
            subjectSpki: certificateSigner(tsaKey).spki,
            authorityKeyId: rootKeyId,
          },
        },
        rootSigner,
      );
      const ins = db.prepare('INSERT INTO ca (name, certificate, private_key) VALUES (?, ?, ?)');
      ins.run('root', rootCert, encodePrivateKey(rootKey));
      ins.run('tsa', tsaCert, encodePrivateKey(tsaKey));
    })();
    return new CertificateAuthority(db, load('root')!, load('tsa')!, baseUrl);
  }

  /**
   * The portal's address (`http://host:port`), once it listens: certificates issued from now on name
   * its CRL (`/api/v1/ca/crl`) and OCSP responder (`/api/v1/ca/ocsp`).
   */
  publishAt(baseUrl: string): void {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The issuer chain of end-entity certificates, nearest first (here: the root). */
  chain(): Buffer[] {
    return [this.root.certificate];
  }

  /** The root's signature algorithm, from its key. */
  get algorithm(): CaAlgorithm {
    return isKeyObject(this.root.key) ? 'ecdsa-p256' : 'ozdst-1092';
  }

  get rootCertificate(): Buffer {
    return this.root.certificate;
  }

  /**
   * Issue the certificate of an approved application and record it. Runs inside the caller's
   * transaction; returns the serial as lower-case hex.
   */
  issueForApplication(app: ApplicationRow, validityDays = 730): string {
    const person = findPerson(this.db, app.pinfl)!;
    const csr = parseCsr(app.pkcs10!);
    const attrs: NameAttr[] = [
      [OID.C, 'UZ'],
      [OID.ST, person.region],
      [OID.L, person.birth_place],
    ];
    if (app.tin) {
      const company = findCompany(this.db, app.tin)!;
      attrs.push(
        [OID.O, company.name],
        [OID.T, roleInCompany(this.db, app.tin, app.pinfl) === 'Common For Head' ? 'Direktor' : 'Xodim'],
      );
      attrs.push([OID.TIN, app.tin]);
    }
    attrs.push(
      [OID.CN, `${person.surname} ${person.first_name}`.toUpperCase()],
      [OID.SURNAME, person.surname.toUpperCase()],
      [OID.NAME, person.first_name.toUpperCase()],
      [OID.UID, person.tin ?? person.pinfl],
      [OID.PINFL, person.pinfl],
    );
    const serial = newSerial();
    const now = new Date();
    const notAfter = new Date(now.getTime() + validityDays * DAY);
    const der = buildCertificate(
      {
        serial,
        issuer: encodeName(CA_NAME),
        subject: encodeName(attrs),
        notBefore: now,
        notAfter,
        spki: csr.spki,
        extensions: {
          ca: false,
          basicConstraintsCritical: true,
          keyUsage:
            csr.keyAlgorithm === 'RSA'
              ? ['digitalSignature', 'nonRepudiation', 'keyEncipherment']
              : ['digitalSignature', 'nonRepudiation'],
          extKeyUsage: [OID.clientAuth, OID.emailProtection],
          subjectSpki: csr.spki,
          authorityKeyId: this.caKeyId,
          crlUrl: `${this.baseUrl}/api/v1/ca/crl`,
          ocspUrl: `${this.baseUrl}/api/v1/ca/ocsp`,
        },
      },
      this.caSigner,
    );
    const hex = serial.toString('hex');
    this.db
      .prepare(
        `INSERT INTO certificates (serial, der, subject, pinfl, tin, not_before, not_after, application_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        hex,
        der,
        attrs.map(([o, v]) => `${o}=${v}`).join(','),
        person.pinfl,
        app.tin,
        now.getTime(),
        notAfter.getTime(),
        app.id,
      );
    return hex;
  }

  revoke(serialHex: string, reason = 0): boolean {
    const r = this.db
      .prepare(
        'UPDATE certificates SET revoked_at = ?, revocation_reason = ? WHERE serial = ? AND revoked_at IS NULL',
      )
      .run(Date.now(), reason, serialHex);
    return r.changes === 1;
  }

  isRevoked(serialHex: string): boolean {
    return this.status(serialHex)?.status === 'revoked';
  }

  /** A certificate's state by serial (hex), or undefined when this CA never issued it. */
  status(serialHex: string): OcspCertStatus | undefined {
    const r = this.db
      .prepare('SELECT revoked_at, revocation_reason FROM certificates WHERE serial = ?')
      .get(serialHex) as { revoked_at: number | null; revocation_reason: number | null } | undefined;
    if (!r) return serialHex === this.tsaSerial ? { status: 'good' } : undefined;
    if (r.revoked_at == null) return { status: 'good' };
    return { status: 'revoked', revokedAt: new Date(r.revoked_at), reason: r.revocation_reason ?? 0 };
  }

  /**
   * Answer an OCSP request (DER): each CertID that names this CA and a serial it issued is good or
   * revoked (time and reason), anything else unknown; signed by the root, nonce echoed.
   */
  ocsp(request: Uint8Array): Buffer {
    let req;
    try {
      req = parseOcspRequest(request);
    } catch {
      return ocspErrorResponse('malformedRequest');
    }
    const root = parseCertificate(this.root.certificate);
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const responses: OcspSingleResponse[] = req.certIds.map((certId) => {
      const known = certIdMatchesIssuer(certId, root)
        ? this.status(certId.serial.toString('hex'))
        : undefined;
      return {
        certId,
        thisUpdate: now,
        nextUpdate: new Date(now.getTime() + 3_600_000),
        ...(known ?? { status: 'unknown' as const }),
      };
    });
    return buildOcspResponse(
      { responder: root, producedAt: now, responses, ...(req.nonce ? { nonce: req.nonce } : {}) },
      this.caSigner,
    );
  }

  /** The current CRL (DER); re-signed when a revocation happened or after an hour. */
  crl(): Buffer {
    const rows = this.db
      .prepare(
        'SELECT serial, revoked_at, revocation_reason FROM certificates WHERE revoked_at IS NOT NULL ORDER BY revoked_at',
      )
      .all() as Array<{
      serial: string;
      revoked_at: number;
      revocation_reason: number | null;
    }>;
    const now = Date.now();
    if (this.crlCache && this.crlCache.revoked === rows.length && now - this.crlCache.at < 3_600_000)
      return this.crlCache.der;
    const der = buildCrl(
      {
        issuer: encodeName(CA_NAME),
        number: Math.floor(now / 1000),
        thisUpdate: new Date(now),
        nextUpdate: new Date(now + DAY),
        revoked: rows.map((r) => ({
          serial: Buffer.from(r.serial, 'hex'),
          revokedAt: new Date(r.revoked_at),
          reason: r.revocation_reason ?? 0,
        })),
        authorityKeyId: this.caKeyId,
      },
      this.caSigner,
    );
    this.crlCache = { revoked: rows.length, der, at: now };
    return der;
  }
}
