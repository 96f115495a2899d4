/**
 * Test-side flows against a running sandbox: pick identities from the registry, register, sign in,
 * apply for a key (requests made by OpenSSL or the PKI library), sign challenges with OpenSSL.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { buildPkcs10 } from '../../src/lib/pki/index.js';
import type { SandboxHandle } from '../helpers/sandbox.js';

export interface Person {
  pinfl: string;
  passport: string;
  phone: string;
  kind: string;
  passport_expiry_date: string;
  surname: string;
  first_name: string;
}
export interface Company {
  tin: string;
  director_pinfl: string;
  phone: string;
  roles: Array<{ pinfl: string; role: string }>;
}

export async function registry(sb: SandboxHandle): Promise<{ persons: Person[]; companies: Company[] }> {
  const r = await sb.request('GET', '/api/v1/sandbox/registry');
  assert.equal(r.status, 200);
  return r.body;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

/** Citizens with a valid passport that are not company staff (so tests can use them freely). */
export function plainCitizens(reg: { persons: Person[]; companies: Company[] }): Person[] {
  const staff = new Set(reg.companies.flatMap((c) => c.roles.map((r) => r.pinfl)));
  return reg.persons.filter(
    (p) => p.kind === 'citizen' && p.passport_expiry_date > today() && !staff.has(p.pinfl),
  );
}

let phoneSeq = 0;
/** A distinct valid phone number per call (registration contacts need not match the registry). */
export function freshPhone(): string {
  phoneSeq++;
  return `+99890${String((process.pid * 1000 + phoneSeq) % 10_000_000).padStart(7, '0')}`;
}

export const PASSWORD = 'Secret-pass1';

/** Full registration by passport; returns the account answer. */
export async function register(
  sb: SandboxHandle,
  p: Person,
  login: string,
  phone = freshPhone(),
): Promise<any> {
  const start = await sb.request('POST', '/api/v1/registrations', { acceptOffer: true });
  assert.equal(start.status, 201, JSON.stringify(start.body));
  const id = start.body.id as string;
  const idn = await sb.request('POST', `/api/v1/registrations/${id}/identity`, {
    pinfl: p.pinfl,
    passport: p.passport,
  });
  assert.equal(idn.status, 200, JSON.stringify(idn.body));
  assert.equal(
    (await sb.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: true })).status,
    200,
  );
  const contacts = await sb.request('POST', `/api/v1/registrations/${id}/contacts`, {
    login,
    password: PASSWORD,
    email: `${login}@example.uz`,
    phone,
  });
  assert.equal(contacts.status, 200, JSON.stringify(contacts.body));
  const code = await sb.lastSmsCode(phone);
  const done = await sb.request('POST', `/api/v1/registrations/${id}/complete`, { code });
  assert.equal(done.status, 201, JSON.stringify(done.body));
  return done.body.account;
}

export async function login(sb: SandboxHandle, loginName: string, role?: string): Promise<string> {
  const r = await sb.request('POST', '/api/v1/auth/login', {
    login: loginName,
    password: PASSWORD,
    ...(role ? { role } : {}),
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.token;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export interface KeyMaterial {
  dir: string;
  keyPem: string;
  keyFile: string;
  csrPem: string;
}

/** A key pair and PKCS#10 request made by OpenSSL (EC P-256 or RSA 2048). */
export function opensslCsr(alg: 'ec' | 'rsa' = 'ec'): KeyMaterial {
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-key-'));
  const keyFile = path.join(dir, 'key.pem');
  const genArgs =
    alg === 'ec'
      ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
      : ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
  execFileSync('openssl', ['genpkey', ...genArgs, '-out', keyFile], { stdio: 'pipe' });
  const csrPem = execFileSync(
    'openssl',
    ['req', '-new', '-key', keyFile, '-subj', '/CN=applicant', '-sha256'],
    { stdio: 'pipe' },
  ).toString();
  return { dir, keyFile, keyPem: readFileSync(keyFile, 'utf8'), csrPem };
}

/** A request built in-process by the PKI library (fast, for bulk tests). */
export function libraryCsr(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return buildPkcs10({ subject: { CN: 'applicant' }, privateKey }).toString('base64');
}

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 1),
]);

/** Walk an application from start to the issued certificate; returns the certificate answer. */
export async function applyForKey(
  sb: SandboxHandle,
  who: { type: 'individual'; pinfl: string; phone: string } | { type: 'legal'; tin: string; phone: string },
  csr: string,
  startHeaders: Record<string, string> = {},
): Promise<{ id: string; certificate: any; secret: string }> {
  const start = await sb.request('POST', '/api/v1/key-applications', who, startHeaders);
  assert.equal(start.status, 201, JSON.stringify(start.body));
  const id = start.body.id as string;
  const code = await sb.lastSmsCode(who.phone);
  const confirmed = await sb.request('POST', `/api/v1/key-applications/${id}/confirm`, { code });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  const auth = { 'x-application-secret': confirmed.body.secret as string };
  const req = await sb.request('PUT', `/api/v1/key-applications/${id}/request`, { pkcs10: csr }, auth);
  assert.equal(req.status, 200, JSON.stringify(req.body));
  for (const [kind, img, type] of [
    ['photo', JPEG, 'image/jpeg'],
    ['selfie', PNG, 'image/png'],
  ] as const) {
    const up = await sb.request('PUT', `/api/v1/key-applications/${id}/documents/${kind}`, img, {
      ...auth,
      'content-type': type,
    });
    assert.equal(up.status, 200, JSON.stringify(up.body));
  }
  const sub = await sb.request('POST', `/api/v1/key-applications/${id}/submit`, undefined, auth);
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  const pay = await sb.request('POST', `/api/v1/sandbox/invoices/${sub.body.invoice.id}/pay`);
  assert.equal(pay.status, 200, JSON.stringify(pay.body));
  if (pay.body.status === 'in_review') {
    const ok = await sb.request('POST', `/api/v1/sandbox/key-applications/${id}/approve`);
    // The automatic review may have been quicker.
    assert.ok([200, 409].includes(ok.status), JSON.stringify(ok.body));
  }
  const cert = await sb.request('GET', `/api/v1/key-applications/${id}/certificate`, undefined, auth);
  assert.equal(cert.status, 200, JSON.stringify(cert.body));
  return { id, certificate: cert.body, secret: auth['x-application-secret'] };
}

/** Attached CMS (DER, base64) of `data`, signed by OpenSSL with the issued certificate. */
export function opensslSign(key: KeyMaterial, certPem: string, data: string, detached = false): string {
  const certFile = path.join(key.dir, 'cert.pem');
  const dataFile = path.join(key.dir, 'data.txt');
  writeFileSync(certFile, certPem);
  writeFileSync(dataFile, data);
  const args = [
    'cms',
    '-sign',
    '-binary',
    '-in',
    dataFile,
    '-signer',
    certFile,
    '-inkey',
    key.keyFile,
    '-outform',
    'DER',
    '-md',
    'sha256',
  ];
  if (!detached) args.push('-nodetach');
  return execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString('base64');
}

export async function signedChallenge(sb: SandboxHandle, key: KeyMaterial, certPem: string): Promise<string> {
  const c = await sb.request('POST', '/api/v1/auth/challenge');
  assert.equal(c.status, 200);
  return opensslSign(key, certPem, c.body.challenge);
}
