// E-IMZO's transport form: `key sign --format der|pem|base64` (base64 = pkcs7_64, one line, no
// header), and every form read everywhere (key verify, --append, --content, the library, the
// sandbox's E-IMZO-SERVER endpoint), told from the bytes and not from the file name.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { cosign, encodeSignature, parseSignedData, verifySignature } from '../../src/lib/sign/index.js';
import { encoderFor } from '../../src/lib/sign/transport.js';
import { runCommand } from '../helpers/run-command.js';
import { startSandbox } from '../helpers/sandbox.js';
import { fixtures, openssl, pfxFor } from './openssl-fixtures.js';

const fx = fixtures();
const work = mkdtempSync(path.join(tmpdir(), 'oneid-sign-format-'));
const pfx = pfxFor(fx.rsa, 'correct horse', path.join(work, 'DS512345678001.pfx'));
const ecPfx = pfxFor(fx.ec, 'ec pass', path.join(work, 'ec.pfx'));
const pwFile = path.join(work, 'pw');
writeFileSync(pwFile, 'correct horse\n');
const keyArgs = ['--key', pfx, '--key-password-file', pwFile];
const env = { ONEID_KEYS_SYSTEM_ROOTS: '0' };

let n = 0;
function doc(content: string | Buffer = 'a document\n'): string {
  const file = path.join(work, `doc${n++}.txt`);
  writeFileSync(file, content);
  return file;
}

async function sign(file: string, ...more: string[]) {
  const r = await runCommand(['key', 'sign', file, ...keyArgs, '--json', ...more], { env });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  return r;
}

async function verify(sig: string, ...more: string[]) {
  return runCommand(['key', 'verify', sig, '--ca', fx.caFile, '--json', ...more], { env });
}

const B64_LINE = /^[A-Za-z0-9+/]+=*$/;

/** The DER a PEM file holds (what OpenSSL itself reads out of it). */
function pemToDer(file: string): Buffer {
  openssl(['cms', '-cmsout', '-inform', 'PEM', '-in', file, '-outform', 'DER', '-out', file + '.der']);
  return readFileSync(file + '.der');
}

describe('sign/format: der, pem and base64 (E-IMZO pkcs7_64)', function () {
  this.timeout(60_000);

  it('--format base64 writes pkcs7_64 to <input>.p7s: one line, no header; OpenSSL verifies the decoded DER', async () => {
    const file = doc();
    const r = await sign(file, '--format', 'base64');
    assert.equal(r.json.result.format, 'base64');
    assert.equal(r.json.result.results[0].format, 'base64');
    assert.equal(r.json.result.results[0].output, file + '.p7s');
    const text = readFileSync(file + '.p7s', 'latin1');
    assert.match(text, B64_LINE); // no line break, no trailing newline, no header
    const der = Buffer.from(text, 'base64');
    assert.equal(der[0], 0x30);
    writeFileSync(file + '.der', der);
    const content = openssl([
      'cms',
      '-verify',
      '-inform',
      'DER',
      '-in',
      file + '.der',
      '-CAfile',
      fx.caFile,
      '-binary',
    ]);
    assert.equal(content.toString(), 'a document\n');
  });

  it('--format pem writes -----BEGIN PKCS7----- at 64 columns; openssl cms -verify -inform PEM reads it', async () => {
    const file = doc('pem document\n');
    const r = await sign(file, '--format', 'pem');
    assert.equal(r.json.result.results[0].format, 'pem');
    const text = readFileSync(file + '.p7s', 'latin1');
    const lines = text.split('\n');
    assert.equal(lines[0], '-----BEGIN PKCS7-----');
    assert.equal(lines.at(-2), '-----END PKCS7-----');
    assert.equal(lines.at(-1), '');
    const body = lines.slice(1, -2);
    assert.ok(body.slice(0, -1).every((l) => l.length === 64));
    assert.ok(body.at(-1)!.length > 0 && body.at(-1)!.length <= 64);
    const content = openssl([
      'cms',
      '-verify',
      '-inform',
      'PEM',
      '-in',
      file + '.p7s',
      '-CAfile',
      fx.caFile,
      '-binary',
    ]);
    assert.equal(content.toString(), 'pem document\n');
  });

  it('files streamed from disk (≥ 1 MiB, on worker threads) are encoded on the way out and decode to the content signed', async () => {
    // 1 MiB + 7 bytes: chunks that are not whole base64 groups nor whole PEM lines.
    const big = Buffer.alloc((1 << 20) + 7);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 0xff;
    const files = [doc(big), doc(big), doc(big)];
    const r = await runCommand(
      ['key', 'sign', ...files, ...keyArgs, '--jobs', '2', '--jsonl', '--format', 'base64'],
      {
        env,
      },
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    for (const f of files) {
      const der = Buffer.from(readFileSync(f + '.p7s', 'latin1'), 'base64');
      assert.equal(parseSignedData(der).content!.equals(big), true);
      assert.equal((await verifySignature(readFileSync(f + '.p7s'), { trusted: [fx.ca] })).valid, true);
    }
    const pem = doc(big);
    await sign(pem, '--format', 'pem');
    openssl([
      'cms',
      '-verify',
      '-inform',
      'PEM',
      '-in',
      pem + '.p7s',
      '-CAfile',
      fx.caFile,
      '-binary',
      '-out',
      '/dev/null',
    ]);
    const fromOpenssl = pemToDer(pem + '.p7s');
    assert.equal(parseSignedData(fromOpenssl).content!.equals(big), true);
    assert.equal((await verifySignature(readFileSync(pem + '.p7s'), { trusted: [fx.ca] })).valid, true);
    // Detached from a big file: the signature is small, the content streamed for the digest only.
    const d = doc(big);
    await sign(d, '--detached', '--format', 'pem');
    assert.equal((await verify(d + '.p7s', '--content', d)).code, 0);
  });

  it('the streaming encoder gives the same bytes as encoding at once, however the input is cut', () => {
    const data = Buffer.alloc(1000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 131 + 17) & 0xff;
    for (const format of ['base64', 'pem'] as const) {
      const whole = encodeSignature(data, format);
      for (const cuts of [[0], [1], [2, 3], [47, 48, 49], [100, 1, 1, 1, 500], [999]]) {
        const enc = encoderFor(format)!;
        const parts: Buffer[] = [];
        let at = 0;
        for (const c of cuts) {
          parts.push(enc.update(data.subarray(at, Math.min(at + c, data.length))));
          at = Math.min(at + c, data.length);
        }
        parts.push(enc.update(data.subarray(at)), enc.final());
        assert.deepEqual(Buffer.concat(parts), whole, `${format} cut ${cuts.join(',')}`);
      }
      assert.deepEqual(
        Buffer.concat([encoderFor(format)!.final()]),
        encodeSignature(Buffer.alloc(0), format),
      );
    }
    assert.equal(encodeSignature(data, 'base64').toString(), data.toString('base64'));
    assert.equal(encoderFor('der'), undefined);
  });

  it('--jsonl lines name the format', async () => {
    const file = doc();
    const r = await runCommand(['key', 'sign', file, ...keyArgs, '--jsonl', '--format', 'pem'], { env });
    assert.equal(r.code, 0, r.stderr);
    const line = JSON.parse(r.stdout.trim().split('\n')[0]!);
    assert.equal(line.format, 'pem');
    assert.equal(line.status, 'signed');
  });

  it('key verify reads every form from the bytes: der, pem (PKCS7 and CMS labels), base64, base64 with CRLF, a BOM', async () => {
    const file = doc('forms\n');
    await sign(file);
    const der = readFileSync(file + '.p7s');
    const b64 = der.toString('base64');
    const forms: Record<string, string | Buffer> = {
      der,
      pem: readFileSync((await sign(doc('forms\n'), '--format', 'pem')).json.result.results[0].output),
      cms: `-----BEGIN CMS-----\n${b64.replace(/.{64}/g, '$&\n')}\n-----END CMS-----\n`,
      base64: b64,
      crlf: b64.replace(/.{76}/g, '$&\r\n') + '\r\n',
      spaced: `  ${b64.slice(0, 100)} \t${b64.slice(100)}\n\n`,
      bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(b64)]),
    };
    for (const [name, bytes] of Object.entries(forms)) {
      // Names that say nothing of the form: detection is by content.
      const sig = path.join(work, `pasted-${name}.sig`);
      writeFileSync(sig, bytes);
      const v = await verify(sig);
      assert.equal(v.code, 0, `${name}: ${v.stdout}${v.stderr}`);
      assert.equal(v.json.result.files[0].signers[0].signer.cn, 'Test User RSA', name);
      assert.equal((await verifySignature(Buffer.from(bytes), { trusted: [fx.ca] })).valid, true, name);
    }
  });

  it('a malformed base64 or PEM is the typed signature error (exit 6), not a crash', async () => {
    for (const [name, bytes] of Object.entries({
      junk: 'this is not a signature\n',
      b64: 'TUlJQ2FH',
      pem: '-----BEGIN PKCS7-----\nTUlJ\n-----END PKCS7-----\n',
      empty: '',
    })) {
      const sig = path.join(work, `bad-${name}.p7s`);
      writeFileSync(sig, bytes);
      const v = await verify(sig, '--content', sig);
      assert.equal(v.code, 6, `${name}: ${v.stdout}${v.stderr}`);
      assert.match(v.stdout + v.stderr, /SIGNATURE_MALFORMED/, name);
    }
  });

  it('a detached base64 signature verifies with --content and with the file beside it', async () => {
    const file = doc('detached\n');
    await sign(file, '--detached', '--format', 'base64');
    const v = await verify(file + '.p7s', '--content', file);
    assert.equal(v.code, 0, v.stdout + v.stderr);
    const beside = await verify(file + '.p7s');
    assert.equal(beside.code, 0, beside.stdout + beside.stderr);
    assert.equal(beside.json.result.files[0].content, file);
    writeFileSync(file, 'changed\n');
    assert.equal((await verify(file + '.p7s', '--content', file)).code, 6);
  });

  it('--append co-signs a base64 signature and writes the form asked (base64 stays base64; der or pem on request)', async () => {
    for (const to of ['base64', 'der', 'pem'] as const) {
      const file = doc(`co-signed ${to}\n`);
      await sign(file, '--format', 'base64');
      const r = await runCommand(
        ['key', 'sign', file, '--append', '--key', ecPfx, '--format', to, '--json'],
        { env: { ...env, ONEID_KEY_PASSWORD: 'ec pass' } },
      );
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.json.result.appended, 1);
      assert.equal(r.json.result.results[0].format, to);
      const out = readFileSync(file + '.p7s');
      if (to === 'base64') assert.match(out.toString('latin1'), B64_LINE);
      else if (to === 'der') assert.equal(out[0], 0x30);
      else assert.match(out.toString('latin1'), /^-----BEGIN PKCS7-----\n/);
      const v = await verify(file + '.p7s');
      assert.equal(v.code, 0, v.stdout + v.stderr);
      assert.deepEqual(
        v.json.result.files[0].signers.map((s: { signer: { cn: string } }) => s.signer.cn),
        ['Test User RSA', 'Test User EC'],
      );
    }
  });

  it('--resume reads a base64 signature back and skips it', async () => {
    const file = doc('resume\n');
    await sign(file, '--format', 'base64');
    const r = await sign(file, '--format', 'base64', '--resume');
    assert.equal(r.json.result.skipped, 1);
  });

  it('the library: cosign takes and gives any form; parseSignedData reads them all alike', async () => {
    const file = doc('library\n');
    await sign(file, '--format', 'pem');
    const pem = readFileSync(file + '.p7s');
    const key = { privateKey: fx.ec.privateKey, certificate: fx.ec.certificate, chain: [fx.ca] };
    const b64 = await cosign(pem, { key, format: 'base64' });
    assert.match(b64.toString('latin1'), B64_LINE);
    const parsed = parseSignedData(b64);
    assert.equal(parsed.signers.length, 2);
    assert.deepEqual(
      parseSignedData(pem).certificates,
      parseSignedData(pemToDer(file + '.p7s')).certificates,
    );
    assert.equal((await verifySignature(b64, { trusted: [fx.ca] })).valid, true);
  });

  it("the sandbox's E-IMZO-SERVER endpoint /backend/pkcs7/verify/attached takes the file --format base64 wrote, as is", async function () {
    this.timeout(120_000);
    const sb = await startSandbox();
    try {
      const file = doc('to the portal\n');
      await sign(file, '--format', 'base64');
      const body = readFileSync(file + '.p7s', 'latin1');
      const r = await sb.request('POST', '/backend/pkcs7/verify/attached', body, {
        'content-type': 'text/plain',
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const info = r.body.pkcs7Info;
      assert.equal(Buffer.from(info.documentBase64, 'base64').toString(), 'to the portal\n');
      assert.equal(info.signers.length, 1);
      // Signed by a key of another CA than the sandbox's: read and checked, but not trusted.
      assert.notEqual(r.body.status, 1);
    } finally {
      await sb.stop();
    }
  });
});
