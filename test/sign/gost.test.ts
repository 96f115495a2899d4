// O'z DSt 1092/1106 signatures: E-IMZO form (Uzbek OIDs) with a CA and PINFL/TIN identity from the
// test CA, and interop with OpenSSL's GOST engine (same mathematics under the Russian OIDs
// 1.2.643.2.2.*): ours verify there after OID mapping, the engine's verify here as they are.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { children, parse, readOid, w, type Node } from '../../src/lib/asn1/index.js';
import { createHash, decodePkcs8, encodePkcs8 } from '../../src/lib/crypto/index.js';
import { createCa, generatePrivateKey, issueCertificate, publicKeyOf } from '../../src/lib/pki/index.js';
import {
  openSigner,
  parseSignedData,
  signBatch,
  signFile,
  splitCertificates,
  verifyFile,
  verifySignature,
} from '../../src/lib/sign/index.js';
import { openssl } from './openssl-fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'oneid-sign-gost-'));
const doc = path.join(dir, 'hisob.txt');
writeFileSync(doc, 'Hisob-faktura № 17, summa 1 250 000 so‘m\n');

/** Re-encode DER with OIDs replaced (lengths change, so the tree is rebuilt). */
function mapOids(der: Uint8Array, map: Record<string, string>): Buffer {
  const rebuild = (n: Node): Buffer => {
    const id = n.buf[n.start]!;
    if (n.tag === 6 && n.cls === 0) {
      const oid = readOid(n);
      return w.oid(map[oid] ?? oid);
    }
    if (!n.constructed) return Buffer.from(n.buf.subarray(n.start, n.end));
    return w.tlv(id, ...children(n).map(rebuild));
  };
  return rebuild(parse(der));
}
const UZ_TO_RU = { '1.2.860.3.15.1.3.2.1.1': '1.2.643.2.2.9', '1.2.860.3.15.1.1.2.2.2.2': '1.2.643.2.2.19' };

describe("sign/gost: O'z DSt 1092/1106", () => {
  it('E-IMZO form: SignedData v1, 1106 digest OID, signature OID, identity from the certificate', async () => {
    const ca = createCa({ key: { alg: 'ozdst', curve: 'A' }, subject: { CN: 'Test GOST CA', C: 'UZ' } });
    const userKey = generatePrivateKey({ alg: 'ozdst', curve: 'A' });
    const cert = issueCertificate(ca, {
      subject: { CN: 'Aliyev Vali', PINFL: '31234567890123', UID: '512345678' },
      publicKey: publicKeyOf(userKey),
      keyUsage: ['digitalSignature', 'nonRepudiation'],
    });
    const out = path.join(dir, 'uz.p7s');
    const r = await signFile(doc, {
      key: { privateKey: userKey, certificate: cert.raw, chain: [ca.certificate.raw] },
      output: out,
    });
    assert.equal(r.status, 'signed', r.message);
    const sd = parseSignedData(readFileSync(out));
    assert.equal(sd.version, 1);
    assert.deepEqual(sd.digestOids, ['1.2.860.3.15.1.3.2.1.1']);
    assert.equal(sd.signers[0]!.signatureOid, '1.2.860.3.15.1.1.2.2.2.2');
    assert.equal(sd.certificates.length, 2);
    const report = await verifyFile(out, { trusted: [ca.certificate.raw] });
    assert.equal(report.valid, true, JSON.stringify(report));
    assert.equal(report.signers[0]!.signer?.pinfl, '31234567890123');
    assert.equal(report.signers[0]!.signer?.tin, '512345678');
    // A tampered byte is caught here as well.
    const bad = readFileSync(out);
    bad[bad.indexOf(Buffer.from('1 250'))] = 0x39;
    assert.equal(
      (await verifySignature(bad, { trusted: [ca.certificate.raw] })).signers[0]!.code,
      'SIGNATURE_CONTENT_TAMPERED',
    );
  });

  it('accepts a messageDigest stored in reversed byte order, with a warning', async () => {
    const k = generatePrivateKey({ alg: 'ozdst', curve: 'B' });
    const ca = createCa({ key: k, subject: { CN: 'Self GOST' } });
    const signer = openSigner({ privateKey: k, certificate: ca.certificate.raw });
    const content = readFileSync(doc);
    const h = createHash('ozdst-1106').update(content).digest();
    const attrs = signer.template.signAttributes(Buffer.from(h).reverse(), new Date());
    const { head, tail } = signer.template.encode([signer.template.signerInfo(attrs)], content.length);
    const report = await verifySignature(Buffer.concat([head, content, tail]), {
      trusted: [ca.certificate.raw],
    });
    assert.equal(report.valid, true, JSON.stringify(report));
    assert.deepEqual(report.signers[0]!.warnings, ['DIGEST_REVERSED']);
  });

  describe('interop with the OpenSSL GOST engine', () => {
    const keyPem = path.join(dir, 'g.key');
    const certPem = path.join(dir, 'g.pem');
    before(() => {
      openssl([
        'genpkey',
        '-engine',
        'gost',
        '-algorithm',
        'gost2001',
        '-pkeyopt',
        'paramset:A',
        '-out',
        keyPem,
      ]);
      openssl([
        'req',
        '-engine',
        'gost',
        '-new',
        '-x509',
        '-key',
        keyPem,
        '-md_gost94',
        '-subj',
        '/CN=GOST Engine User',
        '-days',
        '30',
        '-out',
        certPem,
      ]);
    });
    const ourKey = () => {
      const pem = readFileSync(keyPem, 'utf8');
      const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
      return { privateKey: decodePkcs8(der), certificate: splitCertificates(readFileSync(certPem))[0]! };
    };

    for (const detached of [false, true])
      it(`ours (${detached ? 'detached' : 'attached'}) verify with openssl cms -engine gost after OID mapping`, async () => {
        const out = path.join(dir, `ours-${detached}.p7s`);
        const r = await signFile(doc, { key: ourKey(), detached, output: out, existing: 'force' });
        assert.equal(r.status, 'signed', r.message);
        const mapped = path.join(dir, `ours-${detached}.ru.p7s`);
        writeFileSync(mapped, mapOids(readFileSync(out), UZ_TO_RU));
        const args = [
          'cms',
          '-verify',
          '-engine',
          'gost',
          '-inform',
          'DER',
          '-in',
          mapped,
          '-CAfile',
          certPem,
          '-binary',
          '-out',
          '/dev/null',
        ];
        openssl(detached ? [...args, '-content', doc] : args);
      });

    it('the engine’s signatures (attached, detached) verify here as they are', async () => {
      for (const extra of [['-nodetach'], []]) {
        const out = path.join(dir, `engine-${extra.length}.p7s`);
        openssl([
          'cms',
          '-sign',
          '-engine',
          'gost',
          '-md',
          'md_gost94',
          '-binary',
          '-in',
          doc,
          '-signer',
          certPem,
          '-inkey',
          keyPem,
          '-outform',
          'DER',
          '-out',
          out,
          ...extra,
        ]);
        const report = await verifyFile(out, { content: doc, trusted: [readFileSync(certPem)] });
        assert.equal(report.valid, true, JSON.stringify(report));
        assert.equal(report.signers[0]!.signer?.cn, 'GOST Engine User');
      }
    });

    it('the batch engine signs with a GOST key in worker threads (PKCS#8 handed over)', async () => {
      const files = Array.from({ length: 20 }, (_, i) => {
        const f = path.join(dir, `b${i}.txt`);
        writeFileSync(f, `batch ${i}`);
        return { path: f, rel: `b${i}.txt` };
      });
      const key = ourKey();
      assert.ok(encodePkcs8(key.privateKey).length > 0);
      const s = await signBatch({ key, inputs: files, detached: true, existing: 'force', workers: 2 });
      assert.equal(s.signed, 20, JSON.stringify(s.results.filter((x) => x.status === 'failed').slice(0, 2)));
      const report = await verifyFile(files[7]!.path + '.p7s', {
        content: files[7]!.path,
        trusted: [readFileSync(certPem)],
      });
      assert.equal(report.valid, true);
    });
  });
});
