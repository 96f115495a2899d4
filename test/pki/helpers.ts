// Shared fixtures for the pki and keys tests: a test CA issuing Uzbek-style certificates, and
// OpenSSL (the interop peer) run as a real process.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';

import {
  createCa,
  generatePrivateKey,
  issueCertificate,
  publicKeyOf,
  type Certificate,
  type CertificateAuthority,
  type KeySpec,
  type PrivateKey,
} from '../../src/lib/pki/index.js';

export function tempDir(prefix = 'oneid-pki-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Run openssl; returns stdout (throws with stderr on a non-zero exit). */
export function openssl(args: string[], input?: Buffer | string): Buffer {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

/** openssl, returning {code, out} (stdout + stderr: `-info` reports on stderr) instead of throwing. */
export function opensslTry(args: string[]): { code: number; out: string } {
  const r = spawnSync('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  return { code: r.status ?? 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

let rootCa: CertificateAuthority | undefined;
let subCa: CertificateAuthority | undefined;

/** A root and an intermediate CA (EC), made once per test run. */
export function testCa(): { root: CertificateAuthority; sub: CertificateAuthority } {
  rootCa ??= createCa({ subject: { CN: 'Test Root CA', O: 'OneID Test', C: 'UZ' } });
  subCa ??= createCa({ subject: { CN: 'Test Issuing CA', O: 'OneID Test', C: 'UZ' }, parent: rootCa });
  return { root: rootCa, sub: subCa };
}

export interface TestKey {
  privateKey: PrivateKey;
  certificate: Certificate;
  chain: Certificate[];
}

export const PERSON = {
  CN: 'Test User',
  NAME: 'Test',
  SURNAME: 'User',
  PINFL: '31234567890123',
  UID: '412345678',
  O: 'Acme, LLC "Bright, Future"',
  T: 'director',
  L: 'Tashkent',
  C: 'UZ',
};

/** A key + certificate issued by the intermediate CA, with the Uzbek attributes. */
export function issueKey(
  spec: KeySpec = { alg: 'ec' },
  subject: Record<string, string> = PERSON,
  validity: { notBefore?: Date; notAfter?: Date; validityDays?: number } = {},
): TestKey {
  const { sub } = testCa();
  const privateKey = generatePrivateKey(spec);
  const certificate = issueCertificate(sub, { subject, publicKey: publicKeyOf(privateKey), ...validity });
  return { privateKey, certificate, chain: sub.chain };
}

/** Write PEM files (key, cert, chain) for openssl. */
export function writePems(
  dir: string,
  key: TestKey,
  name = 'k',
): { key: string; cert: string; chain: string } {
  const k = path.join(dir, `${name}.key.pem`);
  const c = path.join(dir, `${name}.crt.pem`);
  const ch = path.join(dir, `${name}.chain.pem`);
  writeFileSync(k, (key.privateKey as KeyObject).export({ format: 'pem', type: 'pkcs8' }));
  writeFileSync(c, pem(key.certificate.raw));
  writeFileSync(ch, key.chain.map((x) => pem(x.raw)).join(''));
  return { key: k, cert: c, chain: ch };
}

export function pem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.replace(/\n$/, '')}\n-----END ${label}-----\n`;
}
