/**
 * Sandbox portal load: authenticated `GET /api/v1/account` at 2 and at 50 client connections, and
 * `/backend/auth` signature verifications per second. Targets (issue 6): ≥ 4,000 req/s and
 * p99 ≤ 25 ms for GET /account on a 2-core machine.
 *
 * Loopback only (127.0.0.1), bounded: each phase stops after DURATION_MS or MAX_REQUESTS.
 * References measured in the same run: a bare node:http server answering a fixed JSON document
 * (the ceiling of HTTP on this machine with this load generator), and the in-process CMS
 * verification `/backend/auth` performs (the ceiling of the cryptography).
 *
 *   npx tsx bench/sandbox.ts
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPkcs10 } from '../src/lib/pki/index.js';
import { signFile, verifySignature } from '../src/lib/sign/index.js';
import { startSandbox, type SandboxHandle } from '../test/helpers/sandbox.js';

const DURATION_MS = Number(process.env.BENCH_MS ?? 4000);
const MAX_REQUESTS = 200_000;
const AUTH_SIGNATURES = 400;

interface Result {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Closed-loop load: `connections` keep-alive sockets, each sending its next request on answer. */
async function load(
  url: string,
  connections: number,
  headers: Record<string, string>,
  body?: () => string,
): Promise<Result> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1') throw new Error('the load generator only targets 127.0.0.1');
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + DURATION_MS;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const payload = body?.();
      const req = http.request(
        {
          host: '127.0.0.1',
          port: target.port,
          path: target.pathname,
          method: payload ? 'POST' : 'GET',
          agent,
          headers,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            latencies.push(performance.now() - t0);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(payload);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && sent < MAX_REQUESTS) {
        sent++;
        await one();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: q(0.5),
    p99: q(0.99),
    errors,
  };
}

const fmt = (r: Result) =>
  `${r.perSecond.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   (${r.requests} requests, ${r.errors} errors)`;

async function referenceServer(doc: unknown): Promise<{ url: string; close(): void }> {
  // A child process, like the sandbox, so both sides get their own core.
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-bench-ref-'));
  const file = path.join(dir, 'ref.mjs');
  writeFileSync(
    file,
    `import http from 'node:http';
const body = ${JSON.stringify(JSON.stringify(doc))};
const s = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }); res.end(body); });
s.keepAliveTimeout = 72000;
s.listen(0, '127.0.0.1', () => console.log(s.address().port));`,
  );
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) =>
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))),
  );
  return {
    url: `http://127.0.0.1:${port}/api/v1/account`,
    close() {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function prepareUser(sb: SandboxHandle): Promise<{ token: string; pinfl: string; phone: string }> {
  const reg = (await sb.request('GET', '/api/v1/sandbox/registry?kind=citizen&limit=5')).body as {
    persons: Array<{ pinfl: string; passport: string; phone: string; passport_expiry_date: string }>;
  };
  const p = reg.persons.find((x) => x.passport_expiry_date > new Date().toISOString().slice(0, 10))!;
  const id = (await sb.request('POST', '/api/v1/registrations', { acceptOffer: true })).body.id;
  await sb.request('POST', `/api/v1/registrations/${id}/identity`, { pinfl: p.pinfl, passport: p.passport });
  await sb.request('POST', `/api/v1/registrations/${id}/confirm`, { confirmed: true });
  await sb.request('POST', `/api/v1/registrations/${id}/contacts`, {
    login: 'bench.user',
    password: 'Bench-pass1',
    email: 'b@example.uz',
    phone: '+998901234567',
  });
  await sb.request('POST', `/api/v1/registrations/${id}/complete`, {
    code: await sb.lastSmsCode('+998901234567'),
  });
  const login = await sb.request('POST', '/api/v1/auth/login', {
    login: 'bench.user',
    password: 'Bench-pass1',
  });
  return { token: login.body.token, pinfl: p.pinfl, phone: p.phone };
}

/** A certificate from the sandbox CA for an EC key, then AUTH_SIGNATURES signed fresh challenges. */
async function signedChallenges(
  sb: SandboxHandle,
  user: { pinfl: string; phone: string },
): Promise<{ p7: string[]; trusted: Buffer }> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const s = await sb.request('POST', '/api/v1/key-applications', {
    type: 'individual',
    pinfl: user.pinfl,
    phone: user.phone,
  });
  const id = s.body.id;
  const confirmed = await sb.request('POST', `/api/v1/key-applications/${id}/confirm`, {
    code: await sb.lastSmsCode(user.phone),
  });
  const auth = { 'x-application-secret': confirmed.body.secret as string };
  await sb.request(
    'PUT',
    `/api/v1/key-applications/${id}/request`,
    { pkcs10: buildPkcs10({ subject: { CN: 'bench' }, privateKey }).toString('base64') },
    auth,
  );
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]);
  await sb.request('PUT', `/api/v1/key-applications/${id}/documents/photo`, jpeg, {
    ...auth,
    'content-type': 'image/jpeg',
  });
  await sb.request('PUT', `/api/v1/key-applications/${id}/documents/selfie`, jpeg, {
    ...auth,
    'content-type': 'image/jpeg',
  });
  const inv = (await sb.request('POST', `/api/v1/key-applications/${id}/submit`, undefined, auth)).body
    .invoice.id;
  await sb.request('POST', `/api/v1/sandbox/invoices/${inv}/pay`);
  await sb.request('POST', `/api/v1/sandbox/key-applications/${id}/approve`);
  const cert = (await sb.request('GET', `/api/v1/key-applications/${id}/certificate`, undefined, auth)).body;
  const key = {
    privateKey,
    certificate: Buffer.from(cert.certificate, 'base64'),
    chain: cert.chain.map((c: string) => Buffer.from(c, 'base64')),
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-bench-sig-'));
  const out: string[] = [];
  for (let i = 0; i < AUTH_SIGNATURES; i++) {
    const challenge = (await sb.request('GET', '/frontend/challenge')).body.challenge as string;
    const input = path.join(dir, `c${i}.txt`);
    writeFileSync(input, challenge);
    const r = await signFile(input, { key, detached: false });
    out.push(readFileSync(r.output).toString('base64'));
  }
  rmSync(dir, { recursive: true, force: true });
  return { p7: out, trusted: key.chain[0] };
}

async function main(): Promise<void> {
  const sb = await startSandbox({ relaxedLimits: true, autoApproveMs: -1 });
  try {
    const user = await prepareUser(sb);
    const auth = { authorization: `Bearer ${user.token}` };
    const account = (await sb.request('GET', '/api/v1/account', undefined, auth)).body;
    const ref = await referenceServer(account);
    console.log(`sandbox GET /api/v1/account, ${DURATION_MS} ms per phase, loopback, 2 cores`);
    for (const conns of [2, 50]) {
      await load(`${sb.url}/api/v1/account`, conns, auth); // warm-up at the same concurrency
      const ours = await load(`${sb.url}/api/v1/account`, conns, auth);
      const base = await load(ref.url, conns, {});
      console.log(`  ${String(conns).padStart(2)} connections  sandbox   ${fmt(ours)}`);
      console.log(
        `  ${String(conns).padStart(2)} connections  reference ${fmt(base)}   (bare node:http, fixed JSON)`,
      );
      console.log(
        `  ${String(conns).padStart(2)} connections  ratio sandbox/reference ${(ours.perSecond / base.perSecond).toFixed(2)}   target ≥ 4000 req/s, p99 ≤ 25 ms: ${ours.perSecond >= 4000 && ours.p99 <= 25 ? 'met' : 'NOT met'}`,
      );
    }
    ref.close();

    const { p7, trusted } = await signedChallenges(sb, user);
    let i = 0;
    const verified = await load(
      `${sb.url}/backend/auth`,
      8,
      { 'content-type': 'text/plain' },
      () => p7[i++ % p7.length]!,
    );
    // Only the first AUTH_SIGNATURES answers can succeed (each challenge is single-use); all are full verifications.
    const inProc0 = performance.now();
    for (const s of p7) await verifySignature(Buffer.from(s, 'base64'), { trusted: [trusted] });
    const inProcPerSec = p7.length / ((performance.now() - inProc0) / 1000);
    console.log(
      `/backend/auth (EC P-256 signer under the default O'z DSt 1092 CA: CMS verify + chain + challenge), 8 connections`,
    );
    console.log(`  sandbox   ${fmt(verified)}`);
    console.log(
      `  reference ${inProcPerSec.toFixed(0).padStart(6)} verifications/s in-process (sign library, no HTTP, no DB)`,
    );
    console.log(`  ratio sandbox/reference ${(verified.perSecond / inProcPerSec).toFixed(2)}`);
  } finally {
    await sb.stop();
  }
}

await main();
