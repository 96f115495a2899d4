// What the client believes of a responder's answer and of a CRL: each way an answer can be wrong
// (signer, responder certificate, CertID, times, nonce; CRL issuer, signature, nextUpdate) makes
// the status unknown, with the reason.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OID } from '../../src/lib/crypto/index.js';
import { w } from '../../src/lib/asn1/index.js';
import {
  buildCrl,
  buildOcspResponse,
  certificateSigner,
  createCa,
  generatePrivateKey,
  issueCertificate,
  ocspCertId,
  parseOcspResponse,
  publicKeyOf,
  type Certificate,
  type CertificateAuthority,
  type OcspSingleResponse,
} from '../../src/lib/pki/index.js';
import {
  checkOcspResponse,
  crlProblem,
  parseCrl,
  RevocationChecker,
} from '../../src/lib/revocation/index.js';

const HOUR = 3_600_000;

describe('revocation: checking OCSP answers and CRLs', () => {
  const ca = createCa({ subject: { CN: 'Answers CA' } });
  const other = createCa({ subject: { CN: 'Other CA' } });
  const leaf = issueCertificate(ca, {
    subject: { CN: 'signer' },
    publicKey: publicKeyOf(generatePrivateKey({ alg: 'ec' })),
  });
  const now = new Date();
  const responderKey = generatePrivateKey({ alg: 'ec' });
  const delegate = (issuer: CertificateAuthority, eku: string[]): Certificate =>
    issueCertificate(issuer, {
      subject: { CN: 'OCSP responder' },
      publicKey: publicKeyOf(responderKey),
      extKeyUsage: eku,
      // Valid at `now` (taken when the file loads, maybe minutes before this test runs).
      notBefore: new Date(now.getTime() - HOUR),
    });
  // Whole bytes: a serial with an odd number of hex digits would otherwise lose its last one.
  const serialOf = (c: Certificate) => {
    const hex = c.serialHex;
    return Buffer.from(hex.padStart(Math.max(16, hex.length + (hex.length % 2)), '0'), 'hex');
  };
  const nonce = Buffer.from('00112233445566778899aabbccddeeff', 'hex');

  function answer(
    o: {
      responder?: Certificate;
      key?: CertificateAuthority['privateKey'];
      certs?: Certificate[];
      single?: Partial<OcspSingleResponse>;
      nonce?: Buffer | null;
      about?: Certificate;
    } = {},
  ) {
    const single = {
      certId: ocspCertId(ca.certificate, serialOf(o.about ?? leaf)),
      status: 'good',
      thisUpdate: new Date(now.getTime() - 60_000),
      nextUpdate: new Date(now.getTime() + HOUR),
      ...o.single,
    } as OcspSingleResponse;
    const der = buildOcspResponse(
      {
        responder: o.responder ?? ca.certificate,
        producedAt: now,
        responses: [single],
        ...(o.nonce === null ? {} : { nonce: w.octetString(o.nonce ?? nonce) }),
        ...(o.certs ? { certs: o.certs.map((c) => c.raw) } : {}),
      },
      certificateSigner(o.key ?? ca.privateKey),
    );
    return checkOcspResponse(parseOcspResponse(der), leaf, ca.certificate, nonce, now);
  }

  it('believes the CA itself and a delegated responder with id-kp-OCSPSigning issued by the CA', () => {
    assert.deepEqual(answer(), { status: 'good' });
    const d = delegate(ca, [OID.ocspSigning]);
    assert.deepEqual(answer({ responder: d, key: responderKey, certs: [d] }), { status: 'good' });
    const revokedAt = new Date(Math.floor(now.getTime() / 1000) * 1000 - HOUR);
    assert.deepEqual(answer({ single: { status: 'revoked', revokedAt, reason: 1 } as never }), {
      status: 'revoked',
      revokedAt,
      reason: 1,
    });
  });

  it('refuses a responder without OCSPSigning, one another CA issued, a forged signature', () => {
    const noEku = delegate(ca, [OID.clientAuth]);
    assert.equal(answer({ responder: noEku, key: responderKey, certs: [noEku] }).status, 'unknown');
    assert.deepEqual(answer({ responder: noEku, key: responderKey, certs: [noEku] }), {
      status: 'unknown',
      why: 'ocsp-responder-eku',
    });
    const foreign = delegate(other, [OID.ocspSigning]);
    assert.deepEqual(answer({ responder: foreign, key: responderKey, certs: [foreign] }), {
      status: 'unknown',
      why: 'ocsp-responder-not-issued',
    });
    // Says it is the CA, signed by another key.
    assert.deepEqual(answer({ key: other.privateKey }), { status: 'unknown', why: 'ocsp-signature' });
    // Names a responder it does not include.
    const absent = delegate(ca, [OID.ocspSigning]);
    assert.deepEqual(answer({ responder: absent, key: responderKey }), {
      status: 'unknown',
      why: 'ocsp-responder-unknown',
    });
  });

  it('refuses an answer about another certificate, stale or future-dated, or without our nonce', () => {
    const another = issueCertificate(ca, {
      subject: { CN: 'someone else' },
      publicKey: publicKeyOf(generatePrivateKey({ alg: 'ec' })),
    });
    assert.deepEqual(answer({ about: another }), { status: 'unknown', why: 'ocsp-certid' });
    assert.deepEqual(answer({ single: { nextUpdate: new Date(now.getTime() - HOUR) } }), {
      status: 'unknown',
      why: 'ocsp-stale',
    });
    assert.deepEqual(answer({ single: { thisUpdate: new Date(now.getTime() + HOUR) } }), {
      status: 'unknown',
      why: 'ocsp-future',
    });
    // A little clock skew is fine.
    assert.deepEqual(answer({ single: { thisUpdate: new Date(now.getTime() + 60_000) } }), {
      status: 'good',
    });
    assert.deepEqual(answer({ nonce: null }), { status: 'unknown', why: 'ocsp-nonce' });
    assert.deepEqual(answer({ nonce: Buffer.alloc(16, 7) }), { status: 'unknown', why: 'ocsp-nonce' });
  });

  it('CRLs: issuer name, issuer signature and nextUpdate are checked; entries carry reasons', () => {
    const crl = (signer: CertificateAuthority, issuer: CertificateAuthority, next: Date) =>
      parseCrl(
        buildCrl(
          {
            issuer: issuer.certificate.subject.der,
            number: 1,
            thisUpdate: new Date(now.getTime() - HOUR),
            nextUpdate: next,
            revoked: [{ serial: serialOf(leaf), revokedAt: new Date(now.getTime() - HOUR), reason: 4 }],
            authorityKeyId: ca.certificate.subjectKeyId!,
          },
          certificateSigner(signer.privateKey),
        ),
      );
    const fresh = crl(ca, ca, new Date(now.getTime() + HOUR));
    assert.equal(crlProblem(fresh, ca.certificate, now), undefined);
    assert.equal(fresh.revoked.get(leaf.serialHex)?.reason, 4);
    assert.equal(
      crlProblem(crl(other, ca, new Date(now.getTime() + HOUR)), ca.certificate, now),
      'crl-signature',
    );
    assert.equal(
      crlProblem(crl(other, other, new Date(now.getTime() + HOUR)), ca.certificate, now),
      'crl-issuer',
    );
    assert.equal(crlProblem(crl(ca, ca, new Date(now.getTime() - HOUR)), ca.certificate, now), 'crl-expired');
  });
});

describe('revocation: the CRL cache', () => {
  it('serves a cached CRL until nextUpdate, refreshes it in the background in its last quarter, fetches it after', async () => {
    const ca = createCa({ subject: { CN: 'Cache CA' } });
    const leaf = issueCertificate(ca, {
      subject: { CN: 'signer' },
      publicKey: publicKeyOf(generatePrivateKey({ alg: 'ec' })),
    });
    const thisUpdate = new Date(Math.floor(Date.now() / 1000) * 1000 - HOUR);
    const nextUpdate = new Date(thisUpdate.getTime() + 4 * HOUR);
    const der = buildCrl(
      {
        issuer: ca.certificate.subject.der,
        number: 1,
        thisUpdate,
        nextUpdate,
        revoked: [],
        authorityKeyId: ca.certificate.subjectKeyId!,
      },
      certificateSigner(ca.privateKey),
    );
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end(der);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ca.crl`;
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'oneid-crl-cache-'));
    const run = async (at: Date) => {
      const checker = new RevocationChecker({ mode: 'require', crls: [url], cacheDir, now: () => at });
      const r = await checker.checkPath([leaf.raw, ca.certificate.raw]);
      const hitsBefore = hits;
      await Promise.all(checker.refreshes);
      return { r, background: hits - hitsBefore };
    };
    try {
      const first = await run(new Date());
      assert.equal(first.r.status, 'good');
      assert.equal(hits, 1);
      const again = await run(new Date());
      assert.equal(again.r.status, 'good');
      assert.equal(hits, 1, 'served from the cache folder');
      const late = await run(new Date(nextUpdate.getTime() - 30 * 60_000));
      assert.equal(late.r.status, 'good', 'the cached CRL is still used');
      assert.equal(late.background, 1, 'and a fresh one fetched in the background');
      const after = await run(new Date(nextUpdate.getTime() + 30 * 60_000));
      assert.equal(hits, 3, 'past nextUpdate it is fetched first');
      assert.equal(after.r.status, 'unknown'); // the server's CRL is out of date by then too
      assert.equal(after.r.why, 'crl-expired');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('revocation: serial numbers with a leading zero digit', () => {
  // A serial whose first byte is below 0x10 reads "0f…" as bytes and "f…" as a number: the CRL's
  // entries and the certificate must meet in one form, or a revoked certificate reads as good.
  it('finds a revoked certificate whose serial starts with 0x0f in a CRL given with --crl', async () => {
    const ca = createCa({ subject: { CN: 'Low Serial CA' } });
    const leaf = issueCertificate(ca, {
      subject: { CN: 'signer' },
      publicKey: publicKeyOf(generatePrivateKey({ alg: 'ec' })),
      serial: 0x0f1e2d3c4b5a6978n,
    });
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const der = buildCrl(
      {
        issuer: ca.certificate.subject.der,
        number: 1,
        thisUpdate: new Date(at.getTime() - HOUR),
        nextUpdate: new Date(at.getTime() + HOUR),
        revoked: [
          {
            serial: Buffer.from('0f1e2d3c4b5a6978', 'hex'),
            revokedAt: new Date(at.getTime() - HOUR),
            reason: 1,
          },
        ],
        authorityKeyId: ca.certificate.subjectKeyId!,
      },
      certificateSigner(ca.privateKey),
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'oneid-crl-low-'));
    const file = path.join(dir, 'ca.crl');
    writeFileSync(file, der);
    const checker = new RevocationChecker({ mode: 'require', crls: [file], cacheDir: dir });
    const r = await checker.checkPath([leaf.raw, ca.certificate.raw]);
    assert.equal(r.status, 'revoked', JSON.stringify(r));
  });
});

describe('revocation: the chain', () => {
  it('an intermediate CA revoked on its issuer’s CRL makes the signer’s path revoked', async () => {
    const root = createCa({ subject: { CN: 'Chain Root' } });
    const inter = createCa({ subject: { CN: 'Chain Intermediate' }, parent: root });
    const leaf = issueCertificate(inter, {
      subject: { CN: 'signer' },
      publicKey: publicKeyOf(generatePrivateKey({ alg: 'ec' })),
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'oneid-crl-chain-'));
    const crlOf = (issuer: CertificateAuthority, revoked: Certificate[], name: string) => {
      const file = path.join(dir, name);
      writeFileSync(
        file,
        buildCrl(
          {
            issuer: issuer.certificate.subject.der,
            number: 1,
            thisUpdate: new Date(Date.now() - HOUR),
            nextUpdate: new Date(Date.now() + HOUR),
            revoked: revoked.map((c) => ({
              serial: Buffer.from(c.serialHex.padStart(16, '0'), 'hex'),
              revokedAt: new Date(Date.now() - HOUR),
              reason: 2,
            })),
            authorityKeyId: issuer.certificate.subjectKeyId!,
          },
          certificateSigner(issuer.privateKey),
        ),
      );
      return file;
    };
    const path3 = [leaf.raw, inter.certificate.raw, root.certificate.raw];
    const fine = new RevocationChecker({
      mode: 'require',
      crls: [crlOf(inter, [], 'inter.crl'), crlOf(root, [], 'root-empty.crl')],
    });
    assert.equal((await fine.checkPath(path3)).status, 'good');
    const bad = new RevocationChecker({
      mode: 'require',
      crls: [crlOf(inter, [], 'inter.crl'), crlOf(root, [inter.certificate], 'root.crl')],
    });
    const r = await bad.checkPath(path3);
    assert.equal(r.status, 'revoked');
    assert.equal(r.serial, inter.certificate.serialHex);
    assert.equal(r.reason, 'cACompromise');
  });
});
