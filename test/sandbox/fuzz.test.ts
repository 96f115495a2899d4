/**
 * 2,400 malformed requests, generated from the OpenAPI document (every documented path and
 * method) with a fixed-seed PRNG: wrong types, missing and unknown fields, hostile strings, broken
 * JSON, binary junk, wrong content types, odd tokens. The portal must answer each with a 4xx (or a
 * documented 2xx/3xx), never a 5xx, and every JSON error must be `{status, code, message}`.
 */
import assert from 'node:assert/strict';
import { startSandbox, type SandboxHandle } from '../helpers/sandbox.js';

const REQUESTS = 2400;
const PARALLEL = 16;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('sandbox: fuzz — malformed requests never get a 5xx', function () {
  let sb: SandboxHandle;
  before(async () => {
    sb = await startSandbox({ relaxedLimits: true });
  });
  after(async () => sb?.stop());

  it(`answers ${REQUESTS} malformed requests with 4xx JSON errors`, async () => {
    const doc = (await sb.request('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => ({ path: p, method: m.toUpperCase() })),
    );
    const rnd = prng(0xdecaf);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const strings = [
      '',
      ' ',
      'a'.repeat(5000),
      '../../etc/passwd',
      '%00',
      '\u0000',
      '😀'.repeat(50),
      "' OR 1=1 --",
      '<script>',
      '12345678901234',
      'AA1234567',
      '+998901234567',
      '-1',
      '1e309',
      'null',
      'true',
      '{}',
      '[]',
      'reg_x',
      'ka_x',
      '__proto__',
      'constructor',
    ];
    const values = (): unknown => {
      switch (Math.floor(rnd() * 9)) {
        case 0:
          return pick(strings);
        case 1:
          return Math.floor(rnd() * 1e9) * (rnd() < 0.5 ? -1 : 1);
        case 2:
          return rnd() < 0.5;
        case 3:
          return null;
        case 4:
          return [pick(strings), 1, null];
        case 5:
          return { nested: pick(strings) };
        case 6:
          return 1.5e308;
        case 7:
          return pick(strings).repeat(3);
        default:
          return {};
      }
    };
    const fields = [
      'pinfl',
      'passport',
      'login',
      'password',
      'email',
      'phone',
      'code',
      'type',
      'tin',
      'pkcs10',
      'pkcs7',
      'role',
      'acceptOffer',
      'confirmed',
      'reason',
      'clientId',
      'redirectUris',
      'bhm',
      '__proto__',
    ];
    const body = (): { data?: string | Buffer; type?: string } => {
      switch (Math.floor(rnd() * 8)) {
        case 0:
          return {};
        case 1:
          return { data: '{"unterminated": ', type: 'application/json' };
        case 2:
          return {
            data: Buffer.from(
              Array.from({ length: 64 + Math.floor(rnd() * 512) }, () => Math.floor(rnd() * 256)),
            ),
            type: pick([
              'application/octet-stream',
              'image/png',
              'application/json',
              'text/plain',
              'application/x-www-form-urlencoded',
            ]),
          };
        case 3:
          return { data: '['.repeat(5000) + ']'.repeat(5000), type: 'application/json' };
        case 4:
          return { data: JSON.stringify(values()), type: 'application/json' };
        case 5:
          return { data: 'a=1&b=%ZZ&&=', type: pick(['application/x-www-form-urlencoded', 'text/plain']) };
        case 6:
          return {
            data: '{"x":1}',
            type: pick(['application/xml', 'multipart/form-data; boundary=x', 'text/html']),
          };
        default: {
          const o: Record<string, unknown> = {};
          for (let i = 0; i < 1 + Math.floor(rnd() * 5); i++) o[pick(fields)] = values();
          return { data: JSON.stringify(o), type: 'application/json' };
        }
      }
    };
    const auth = (): Record<string, string> => {
      switch (Math.floor(rnd() * 4)) {
        case 0:
          return {};
        case 1:
          return { authorization: 'Bearer ' + 'x'.repeat(43) };
        case 2:
          return {
            authorization: pick([
              'Basic Zm9vOmJhcg==',
              'Bearer',
              'Bearer ../..',
              'bearer ' + 'A'.repeat(200),
            ]),
          };
        default:
          return {
            authorization:
              'Bearer ' +
              pick(strings)
                .slice(0, 100)
                .replace(/[^\x20-\x7e]/g, ''),
          };
      }
    };
    const failures: string[] = [];
    let done = 0;
    const counts: Record<number, number> = {};
    const one = async (): Promise<void> => {
      const op = pick(ops);
      const method = rnd() < 0.85 ? op.method : pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
      let p = op.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(pick(strings)).slice(0, 300) || 'x');
      if (rnd() < 0.4)
        p += `?${pick(['last', 'phone', 'limit', 'kind', 'free', 'grant_type', 'x'])}=${encodeURIComponent(String(values()))}`;
      const b = method === 'GET' || method === 'DELETE' ? {} : body();
      const headers: Record<string, string> = { ...auth() };
      if (b.type) headers['content-type'] = b.type;
      const res = await fetch(sb.url + p, {
        method,
        headers,
        body: b.data as string | undefined,
        redirect: 'manual',
      });
      const text = await res.text();
      counts[res.status] = (counts[res.status] ?? 0) + 1;
      if (res.status >= 500)
        failures.push(`${method} ${p} ${b.type ?? ''} → ${res.status} ${text.slice(0, 200)}`);
      else if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) {
        const e = JSON.parse(text) as { status: number; code: string; message: string };
        if (e.status !== res.status || typeof e.code !== 'string' || typeof e.message !== 'string')
          failures.push(`bad error shape: ${text.slice(0, 200)}`);
      }
      done++;
    };
    const workers = Array.from({ length: PARALLEL }, async () => {
      while (done + PARALLEL <= REQUESTS + PARALLEL - 1 && done < REQUESTS) await one();
    });
    await Promise.all(workers);
    assert.ok(done >= REQUESTS, `only ${done} requests`);
    assert.deepEqual(
      failures.slice(0, 10),
      [],
      `${failures.length} failures; status counts ${JSON.stringify(counts)}`,
    );
    // The process survived it all.
    assert.equal((await sb.request('GET', '/api/v1/health')).status, 200);
  });
});
