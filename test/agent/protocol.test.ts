// The E-IMZO WebSocket API of `oneid agent`, function by function, through the project's own
// WebSocket client against a real detached agent: success and failure shapes, the vendor's alias
// form, signatures that verify (attached, detached, co-signed; EC, RSA, O'z DSt 1092), the socket
// closed with 1000 after each reply.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { verifySignature } from '../../src/lib/sign/index.js';
import { pem } from '../pki/helpers.js';
import { call, rpc, startAgent, vendorParse, type AgentHandle } from './helpers.js';

describe('agent: the E-IMZO protocol', function () {
  this.timeout(60_000);
  let a: AgentHandle;
  before(async () => {
    a = await startAgent();
    const r = await a.cli([
      'agent',
      'unlock',
      a.stick.files.person!,
      '--for',
      '10m',
      '--key-password-file',
      a.pwFile,
    ]);
    assert.equal(r.code, 0, r.stderr);
  });
  after(async () => a?.stop());

  const load = async (file: string) => {
    const { certificates } = await rpc(a.ws, { plugin: 'pfx', name: 'list_all_certificates' });
    const c = certificates.find(
      (x: { name: string }) => x.name === path.basename(file).replace(/\.pfx$/i, ''),
    );
    assert.ok(c, `${file} not listed`);
    const r = await rpc(a.ws, {
      plugin: 'pfx',
      name: 'load_key',
      arguments: [c.disk, c.path, c.name, c.alias],
    });
    assert.equal(r.success, true, r.reason);
    assert.equal(r.type, 'PFX_KEY_STORE');
    return r.keyId as string;
  };

  it('answers version as an API the vendor pages take as the newest, and closes with 1000 after the reply', async () => {
    const { reply, closeCode } = await call(a.ws, { name: 'version' });
    assert.equal(reply.success, true);
    assert.ok(Number(reply.major) * 100 + Number(reply.minor) >= 412, JSON.stringify(reply));
    assert.equal(closeCode, 1000);
  });

  it('takes apikey pairs, lists every function in apidoc, and has empty ID-card and token lists', async () => {
    assert.deepEqual(
      await rpc(a.ws, { name: 'apikey', arguments: ['localhost', 'AAAA', 'site.example.uz', 'BBBB'] }),
      {
        success: true,
      },
    );
    assert.equal((await rpc(a.ws, { name: 'apikey', arguments: ['odd'] })).success, false);
    const doc = await rpc(a.ws, { name: 'apidoc' });
    const names = doc.functions.map((f: { plugin?: string; name: string }) => `${f.plugin ?? ''}.${f.name}`);
    for (const n of [
      'pfx.list_disks',
      'pfx.change_password',
      'pkcs7.create_pkcs7',
      'pkcs7.attach_timestamp_token_pkcs7',
      'x509.get_certificate_chain',
    ])
      assert.ok(names.includes(n), n);
    assert.ok(!names.includes('pfx.save_pfx'));
    assert.deepEqual(await rpc(a.ws, { plugin: 'idcard', name: 'list_readers' }), {
      success: true,
      readers: [],
    });
    assert.deepEqual(await rpc(a.ws, { plugin: 'ftjc', name: 'list_all_keys', arguments: [''] }), {
      success: true,
      tokens: [],
    });
  });

  it('refuses unknown functions, bad JSON and missing arguments with a reason', async () => {
    for (const req of [
      'not json',
      '[]',
      { plugin: 'pfx', name: 'save_pfx' },
      { plugin: 'nope', name: 'x' },
    ]) {
      const r = await rpc(a.ws, req);
      assert.equal(r.success, false);
      assert.equal(typeof r.reason, 'string');
    }
    const r = await rpc(a.ws, { plugin: 'pkcs7', name: 'create_pkcs7', arguments: ['!!', 'x', 'no'] });
    assert.match(r.reason, /base64/);
  });

  it('lists disks by folder name (not path) and keys with aliases the vendor picker reads (name, PINFL, TIN, validity)', async () => {
    const disks = await rpc(a.ws, { plugin: 'pfx', name: 'list_disks' });
    assert.deepEqual(disks.disks, [path.basename(a.stick.root)]);
    const all = await rpc(a.ws, { plugin: 'pfx', name: 'list_all_certificates' });
    const byDisk = await rpc(a.ws, { plugin: 'pfx', name: 'list_certificates', arguments: [disks.disks[0]] });
    assert.deepEqual(byDisk.certificates, all.certificates);
    assert.ok(!JSON.stringify(all).includes(a.stick.root), 'the full path is not shown to pages');
    const company = all.certificates.find((c: { name: string }) => c.name === 'DS2012345670001');
    assert.equal(company.path, '');
    const v = vendorParse(company.alias);
    assert.equal(v.CN, 'ALI VALIYEV');
    assert.equal(v.INN, '201234567');
    assert.equal(v.PINFL, '31111111111111');
    assert.equal(v.O, 'ISHONCH, MCHJ');
    assert.equal(v.SERIALNUMBER, a.stick.keys.company!.certificate.serialHex.toUpperCase());
    assert.ok(!Number.isNaN(new Date(v.VALIDTO!.replace(/\./g, '-').replace(' ', 'T')).getTime()));
    const person = all.certificates.find((c: { name: string }) => c.name === 'DS312345678901230001');
    assert.equal(person.path, 'DSKEYS');
    assert.ok(!all.certificates.some((c: { name: string }) => c.name === 'damaged'));
  });

  it('signs attached and detached with an unlocked key (create_pkcs7): signatures that verify, with serial and signature value', async () => {
    const keyId = await load(a.stick.files.person!);
    const data = Buffer.from('{"invoice": 42, "sum": "1 000 000"}');
    for (const detached of ['no', 'yes', '']) {
      const r = await rpc(a.ws, {
        plugin: 'pkcs7',
        name: 'create_pkcs7',
        arguments: [data.toString('base64'), keyId, detached],
      });
      assert.equal(r.success, true, r.reason);
      assert.equal(r.signer_serial_number, a.stick.keys.person!.certificate.serialHex);
      assert.match(r.signature_hex, /^[0-9a-f]{100,}$/);
      const report = await verifySignature(Buffer.from(r.pkcs7_64, 'base64'), { content: data });
      assert.equal(report.valid, true);
      assert.equal(report.detached, detached === 'yes');
    }
  });

  it('co-signs attached and detached signatures (append_pkcs7_*) and describes them (get_pkcs7_*_info)', async () => {
    const u = await a.cli([
      'agent',
      'unlock',
      a.stick.files.gost!,
      '--for',
      '5m',
      '--key-password-file',
      a.pwFile,
    ]);
    assert.equal(u.code, 0, u.stderr);
    const person = await load(a.stick.files.person!);
    const gost = await load(a.stick.files.gost!);
    const data = Buffer.from('contract text');
    const b64 = data.toString('base64');
    const first = await rpc(a.ws, { plugin: 'pkcs7', name: 'create_pkcs7', arguments: [b64, person, 'no'] });
    const second = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'append_pkcs7_attached',
      arguments: [first.pkcs7_64, gost],
    });
    assert.equal(second.success, true, second.reason);
    assert.equal(second.signer_serial_number, a.stick.keys.gost!.certificate.serialHex);
    const rep = await verifySignature(Buffer.from(second.pkcs7_64, 'base64'));
    assert.equal(rep.valid, true);
    assert.equal(rep.signers.length, 2);

    const det = await rpc(a.ws, { plugin: 'pkcs7', name: 'create_pkcs7', arguments: [b64, gost, 'yes'] });
    const det2 = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'append_pkcs7_detached',
      arguments: [b64, det.pkcs7_64, person],
    });
    assert.equal(det2.success, true, det2.reason);
    const rep2 = await verifySignature(Buffer.from(det2.pkcs7_64, 'base64'), { content: data });
    assert.equal(rep2.valid, true);
    assert.equal(rep2.signers.length, 2);
    // Wrong forms are refused with a reason, not a broken signature.
    assert.equal(
      (await rpc(a.ws, { plugin: 'pkcs7', name: 'append_pkcs7_attached', arguments: [det.pkcs7_64, gost] }))
        .success,
      false,
    );

    const info = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'get_pkcs7_attached_info',
      arguments: [second.pkcs7_64],
    });
    assert.equal(info.success, true, info.reason);
    assert.equal(info.pkcs7Info.signers.length, 2);
    assert.ok(info.pkcs7Info.signers.every((s: { verified: boolean }) => s.verified));
    assert.equal(Buffer.from(info.pkcs7Info.documentBase64, 'base64').toString(), 'contract text');
    const dinfo = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'get_pkcs7_detached_info',
      arguments: [b64, det2.pkcs7_64],
    });
    assert.equal(dinfo.pkcs7Info.signers.length, 2);
    const tampered = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'get_pkcs7_detached_info',
      arguments: [Buffer.from('other').toString('base64'), det2.pkcs7_64],
    });
    assert.ok(tampered.pkcs7Info.signers.every((s: { verified: boolean }) => !s.verified));
  });

  it('signs with an RSA key too, and describes certificates and chains (x509)', async () => {
    const u = await a.cli([
      'agent',
      'unlock',
      a.stick.files.company!,
      '--for',
      '5m',
      '--key-password-file',
      a.pwFile,
    ]);
    assert.equal(u.code, 0, u.stderr);
    const keyId = await load(a.stick.files.company!);
    const r = await rpc(a.ws, {
      plugin: 'pkcs7',
      name: 'create_pkcs7',
      arguments: ['aGVsbG8=', keyId, 'no'],
    });
    assert.equal(r.success, true, r.reason);
    assert.equal((await verifySignature(Buffer.from(r.pkcs7_64, 'base64'))).valid, true);
    const chain = await rpc(a.ws, { plugin: 'x509', name: 'get_certificate_chain', arguments: [keyId] });
    assert.equal(chain.success, true, chain.reason);
    assert.ok(chain.certificates.length >= 1);
    const info = await rpc(a.ws, {
      plugin: 'x509',
      name: 'get_certificate_info',
      arguments: [chain.certificates[0]],
    });
    assert.equal(info.certificate_info.serialNumber, a.stick.keys.company!.certificate.serialHex);
    assert.equal(info.certificate_info.subject.TIN, '201234567');
    assert.match(info.certificate_info.validTo, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(
      (await rpc(a.ws, { plugin: 'x509', name: 'get_certificate_info', arguments: ['aGVsbG8='] })).success,
      false,
    );
  });

  it('makes signatures `oneid key verify` and `openssl cms -verify` accept (RSA, attached and detached)', async () => {
    const keyId = await load(a.stick.files.company!);
    const dir = mkdtempSync(path.join(tmpdir(), 'oneid-agent-interop-'));
    const ca = path.join(dir, 'ca.pem');
    writeFileSync(ca, a.stick.keys.company!.chain.map((c) => pem(c.raw)).join(''));
    const doc = path.join(dir, 'invoice.xml');
    writeFileSync(doc, '<invoice n="7"/>');
    for (const detached of ['no', 'yes']) {
      const r = await rpc(a.ws, {
        plugin: 'pkcs7',
        name: 'create_pkcs7',
        arguments: [readFileSync(doc).toString('base64'), keyId, detached],
      });
      assert.equal(r.success, true, r.reason);
      const sig = path.join(dir, `invoice.${detached}.p7s`);
      writeFileSync(sig, Buffer.from(r.pkcs7_64, 'base64'));
      const content = detached === 'yes' ? ['-content', doc] : [];
      execFileSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-inform',
          'DER',
          '-in',
          sig,
          '-CAfile',
          ca,
          '-purpose',
          'any',
          '-out',
          '/dev/null',
          ...content,
        ],
        {
          stdio: 'pipe',
        },
      );
      const v = await a.cli([
        'key',
        'verify',
        sig,
        '--ca',
        ca,
        ...(detached === 'yes' ? ['--content', doc] : []),
        '--json',
      ]);
      assert.equal(v.code, 0, v.stdout + v.stderr);
    }
  });

  it('verify_password succeeds on an unlocked key; unload_key forgets the handle', async () => {
    const keyId = await load(a.stick.files.person!);
    assert.deepEqual(await rpc(a.ws, { plugin: 'pfx', name: 'verify_password', arguments: [keyId] }), {
      success: true,
    });
    assert.deepEqual(await rpc(a.ws, { plugin: 'pfx', name: 'unload_key', arguments: [keyId] }), {
      success: true,
    });
    const r = await rpc(a.ws, { plugin: 'pkcs7', name: 'create_pkcs7', arguments: ['aGk=', keyId, 'no'] });
    assert.equal(r.success, false);
    assert.match(r.reason, /keyId/);
  });

  it('refuses a keyId from another site', async () => {
    const keyId = await load(a.stick.files.person!);
    const other = 'https://other.example.uz';
    const al = await a.cli(['agent', 'allow', other]);
    assert.equal(al.code, 0, al.stderr);
    const r = await rpc(
      a.ws,
      { plugin: 'pkcs7', name: 'create_pkcs7', arguments: ['aGk=', keyId, 'no'] },
      { origin: other },
    );
    assert.equal(r.success, false);
    assert.match(r.reason, /keyId/);
  });

  it('reports status with unlocked keys, time left and the signature count (--json envelope)', async () => {
    const s = await a.cli(['agent', 'status', '--json']);
    assert.equal(s.code, 0, s.stderr);
    const r = s.json.result;
    assert.equal(r.running, true);
    assert.equal(r.ws, a.ws);
    assert.equal(r.tlsMissing, true);
    const person = r.unlocked.find((k: { path: string }) => k.path === a.stick.files.person);
    assert.ok(person.secondsLeft > 60 && person.secondsLeft <= 600);
    assert.equal(person.source, 'cli');
    assert.ok(r.signatures >= 7);
    assert.ok(r.allowedOrigins.includes('https://site.example.uz'));
    const text = await a.cli(['agent', 'status']);
    assert.match(text.stdout, /wss needs `oneid agent trust`/);
  });
});
