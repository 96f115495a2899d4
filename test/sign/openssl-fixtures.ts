/**
 * Keys and certificates made by the real OpenSSL CLI: a root CA, an RSA-2048 and a P-256 signer
 * issued by it, and an unrelated CA (for the untrusted-chain case). Created once per test run.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { splitCertificates } from '../../src/lib/sign/certificate.js';

export interface Party {
  keyPem: string;
  certPem: string;
  privateKey: KeyObject;
  certificate: Buffer;
  keyFile: string;
  certFile: string;
}

export interface Fixtures {
  dir: string;
  caFile: string;
  ca: Buffer;
  otherCaFile: string;
  rsa: Party;
  ec: Party;
}

export const openssl = (args: string[], opts: { cwd?: string; input?: Buffer } = {}): Buffer =>
  execFileSync('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'], ...opts });

/** A self-signed RSA CA certificate (`/CN=<cn>`, basicConstraints and keyUsage critical). */
export function opensslCa(keyFile: string, certFile: string, cn: string): void {
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '3650',
    '-subj',
    `/CN=${cn}`,
    '-addext',
    'basicConstraints=critical,CA:true',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

let cached: Fixtures | undefined;

export function fixtures(): Fixtures {
  if (cached) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-sign-fx-'));
  const p = (n: string) => path.join(dir, n);
  const ca = (name: string) => opensslCa(p(`${name}.key`), p(`${name}.pem`), name);
  ca('Test Root CA');
  ca('Other CA');
  writeFileSync(
    p('ext.cnf'),
    'basicConstraints=CA:false\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
  );
  const party = (name: string, keyArgs: string[], subj: string): Party => {
    openssl(['genpkey', ...keyArgs, '-out', p(`${name}.key`)]);
    openssl(['req', '-new', '-key', p(`${name}.key`), '-subj', subj, '-out', p(`${name}.csr`)]);
    openssl([
      'x509',
      '-req',
      '-in',
      p(`${name}.csr`),
      '-CA',
      p('Test Root CA.pem'),
      '-CAkey',
      p('Test Root CA.key'),
      '-set_serial',
      '0x' + Buffer.from(name).toString('hex'),
      '-days',
      '365',
      '-extfile',
      p('ext.cnf'),
      '-out',
      p(`${name}.pem`),
    ]);
    const keyPem = readFileSync(p(`${name}.key`), 'utf8');
    const certPem = readFileSync(p(`${name}.pem`), 'utf8');
    return {
      keyPem,
      certPem,
      privateKey: createPrivateKey(keyPem),
      certificate: splitCertificates(Buffer.from(certPem))[0]!,
      keyFile: p(`${name}.key`),
      certFile: p(`${name}.pem`),
    };
  };
  cached = {
    dir,
    caFile: p('Test Root CA.pem'),
    ca: splitCertificates(readFileSync(p('Test Root CA.pem')))[0]!,
    otherCaFile: p('Other CA.pem'),
    rsa: party(
      'rsa',
      ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
      '/CN=Test User RSA/UID=512345678',
    ),
    ec: party(
      'ec',
      ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
      '/CN=Test User EC/O=Test LLC',
    ),
  };
  return cached;
}

/** A PKCS#12 key file (OpenSSL's defaults: PBES2/AES + HMAC-SHA256) with the party's chain. */
export function pfxFor(p: Party, password: string, file: string): string {
  const fx = fixtures();
  openssl([
    'pkcs12',
    '-export',
    '-inkey',
    p.keyFile,
    '-in',
    p.certFile,
    '-certfile',
    fx.caFile,
    '-passout',
    `pass:${password}`,
    '-out',
    file,
  ]);
  return file;
}
