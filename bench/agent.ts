/**
 * The E-IMZO agent (issue 16): `create_pkcs7` of 1 KiB with an unlocked key over the WebSocket API.
 * Targets: one request per connection (as the vendor's script does) p50 ≤ 2 ms and p99 ≤ 10 ms on
 * loopback; 1,000 sequential signatures from one page ≤ 3 s; an idle agent < 80 MB; start to
 * listening < 500 ms.
 *
 * References measured in the same run: the same signature made in-process (the sign library's
 * `signBytes`, no socket), a WebSocket echo over the same `ws` client and server (the transport's
 * own round trip), and a bare node process that listens (start-up and memory floor).
 *
 *   npx tsx bench/agent.ts        (needs `npm run build`: the agent runs from dist/, as users run it)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { writePfx } from '../src/lib/pki/index.js';
import { openSigner, signBytes, signerKeyOf } from '../src/lib/sign/index.js';
import { issueKey } from '../test/pki/helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(root, 'bin', 'run.js');
const MAIN = path.join(root, 'dist', 'lib', 'agent', 'main.js');
const ORIGIN = 'https://bench.example.uz';
const N = 1000;
const DATA = Buffer.alloc(1024, 0x61).toString('base64');

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;
/** User + system CPU time of a process (Linux /proc; clock ticks of 10 ms). */
const cpuMsOf = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Time from spawn to the first line on stdout, and the process (left running). */
function spawnUntilLine(args: string[]): Promise<{ ms: number; pid: number; kill(): void }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () =>
      resolve({ ms: performance.now() - t0, pid: child.pid!, kill: () => child.kill('SIGTERM') }),
    );
    child.once('exit', (c) => reject(new Error(`exit ${c}`)));
  });
}

function callOnce(
  url: string,
  req: string,
): Promise<{ reply: { success: boolean; reason?: string }; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin: ORIGIN });
    let reply: { success: boolean } | undefined;
    ws.on('open', () => ws.send(req));
    ws.on('message', (d: Buffer) => (reply = JSON.parse(d.toString())));
    ws.on('error', reject);
    ws.on('close', () => resolve({ reply: reply!, ms: performance.now() - t0 }));
  });
}

async function sequentialOnOneSocket(url: string, n: number, req: string): Promise<number> {
  const ws = new WebSocket(`${url}?keepConnection=true`, { origin: ORIGIN });
  await new Promise((r) => ws.once('open', r));
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const reply = await new Promise<{ success: boolean; reason?: string }>((r) => {
      ws.once('message', (d: Buffer) => r(JSON.parse(d.toString())));
      ws.send(req);
    });
    if (!reply.success) throw new Error(reply.reason);
  }
  const total = performance.now() - t0;
  ws.close();
  return total;
}

/** The transport alone: a `ws` echo server in its own process, one connection per request. */
async function echoReference(n: number, req: string): Promise<number[]> {
  const server = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import http from 'node:http'; import { WebSocketServer } from 'ws';
       const server = http.createServer(); const wss = new WebSocketServer({ server, perMessageDeflate: false });
       wss.on('connection', (ws) => ws.on('message', (d) => ws.send(d.toString(), () => ws.close(1000))));
       server.listen(0, '127.0.0.1', () => console.log(server.address().port));`,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<string>((r) =>
    server.stdout.once('data', (d: Buffer) => r(d.toString().trim())),
  );
  const url = `ws://127.0.0.1:${port}/`;
  const lat: number[] = [];
  for (let i = 0; i < n; i++) lat.push((await callOnce(url, req)).ms);
  server.kill();
  return lat;
}

async function main(): Promise<void> {
  const cfg = mkdtempSync(path.join(tmpdir(), 'oneid-bench-agent-'));
  const keys = path.join(cfg, 'keys');
  const key = issueKey({ alg: 'ec' }, { CN: 'Bench User', PINFL: '31234567890123' });
  spawnSync('mkdir', ['-p', keys]);
  const pfx = path.join(keys, 'DS312345678901230001.pfx');
  writeFileSync(pfx, writePfx({ ...key, password: 'bench-pass', iterations: 2000 }));
  writeFileSync(path.join(cfg, 'pw'), 'bench-pass\n');
  const env = {
    ...process.env,
    ONEID_CONFIG_DIR: cfg,
    ONEID_KEYS_PATH: keys,
    ONEID_KEYS_SYSTEM_ROOTS: '0',
    ONEID_NO_PROMPT: '1',
  };
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`oneid ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  try {
    // Start to listening: the agent process itself, and a bare node process that listens.
    const starts: number[] = [];
    const bare: number[] = [];
    let bareRss = 0;
    for (let i = 0; i < 7; i++) {
      const dir = path.join(cfg, `start-${i}`);
      const p = await spawnUntilLine([MAIN, '--dir', dir, '--port', '0', '--tls-port', '0']);
      starts.push(p.ms);
      p.kill();
      const b = await spawnUntilLine([
        '-e',
        "const s=require('http').createServer();s.listen(0,'127.0.0.1',()=>console.log(s.address().port))",
      ]);
      bare.push(b.ms);
      bareRss = rssMiB(b.pid);
      b.kill();
    }
    const tCli = performance.now();
    const started = JSON.parse(
      cli('agent', 'start', '--detach', '--port', '0', '--tls-port', '0', '--allow-origin', ORIGIN, '--json'),
    );
    const cliStart = performance.now() - tCli;
    const { ws: url, pid } = started.result as { ws: string; pid: number };
    const idleRss = rssMiB(pid);
    cli('agent', 'unlock', pfx, '--for', '30m', '--key-password-file', path.join(cfg, 'pw'));

    const first = await callOnce(url, JSON.stringify({ plugin: 'pfx', name: 'list_all_certificates' }));
    const c = (
      first.reply as unknown as {
        certificates: Array<{ disk: string; path: string; name: string; alias: string }>;
      }
    ).certificates[0]!;
    const loaded = await callOnce(
      url,
      JSON.stringify({ plugin: 'pfx', name: 'load_key', arguments: [c.disk, c.path, c.name, c.alias] }),
    );
    const keyId = (loaded.reply as unknown as { keyId: string }).keyId;
    const req = JSON.stringify({ plugin: 'pkcs7', name: 'create_pkcs7', arguments: [DATA, keyId, 'no'] });

    for (let i = 0; i < 100; i++) await callOnce(url, req); // warm-up
    const cpuBefore = cpuMsOf(pid);
    const lat: number[] = [];
    const tAll = performance.now();
    for (let i = 0; i < N; i++) {
      const r = await callOnce(url, req);
      if (!r.reply.success) throw new Error(r.reply.reason);
      lat.push(r.ms);
    }
    const perConnTotal = performance.now() - tAll;
    const keptTotal = await sequentialOnOneSocket(url, N, req);
    const afterRss = rssMiB(pid);
    const cpuMs = cpuMsOf(pid) - cpuBefore;

    // In-process reference: the same 1 KiB signature with the same key, no socket.
    const signer = openSigner(signerKeyOf(key));
    const data = Buffer.from(DATA, 'base64');
    for (let i = 0; i < 100; i++) signBytes(signer, data, { detached: false });
    const inproc: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      Buffer.from(
        JSON.stringify({ pkcs7_64: signBytes(signer, data, { detached: false }).der.toString('base64') }),
      );
      inproc.push(performance.now() - t0);
    }
    const echo = await echoReference(N, req);

    const p50 = pct(lat, 50);
    const p99 = pct(lat, 99);
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `create_pkcs7, 1 KiB, EC P-256 key unlocked in the agent, ${N} sequential requests, loopback`,
    );
    console.log(
      `  one connection per request (the vendor's way)   p50 ${ms(p50)}   p99 ${ms(p99)}   target p50 ≤ 2 ms, p99 ≤ 10 ms: ${met(p50 <= 2 && p99 <= 10)}`,
    );
    console.log(
      `  reference: same signature in-process            p50 ${ms(pct(inproc, 50))}   p99 ${ms(pct(inproc, 99))}`,
    );
    console.log(
      `  reference: ws echo process, one connection each p50 ${ms(pct(echo, 50))}   p99 ${ms(pct(echo, 99))}`,
    );
    console.log(
      `  the agent's own CPU per request (user + system)  ${ms(cpuMs / (2 * N))}   (the rest of the latency is the client and the scheduler)`,
    );
    console.log(
      `  ratio agent / (in-process + echo) at p50        ${(p50 / (pct(inproc, 50) + pct(echo, 50))).toFixed(2)}`,
    );
    console.log(`${N} sequential signatures from one page`);
    console.log(
      `  a new connection each   ${ms(perConnTotal)}   target ≤ 3000 ms: ${met(perConnTotal <= 3000)}`,
    );
    console.log(`  one kept connection     ${ms(keptTotal)}   target ≤ 3000 ms: ${met(keptTotal <= 3000)}`);
    console.log(`  reference in-process    ${ms(inproc.reduce((a, b) => a + b, 0))}`);
    console.log(`memory (RSS)`);
    console.log(
      `  idle agent after start     ${idleRss.toFixed(1).padStart(6)} MB   target < 80 MB: ${met(idleRss < 80)}`,
    );
    console.log(
      `  agent after ${2 * N + 100} signatures ${afterRss.toFixed(1).padStart(6)} MB   target < 80 MB: ${met(afterRss < 80)}`,
    );
    console.log(
      `  reference: bare node listening ${bareRss.toFixed(1).padStart(6)} MB   ratio ${(idleRss / bareRss).toFixed(2)}`,
    );
    const sp = pct(starts, 50);
    console.log(`start to listening (median of ${starts.length})`);
    console.log(`  agent process          ${ms(sp)}   target < 500 ms: ${met(sp < 500)}`);
    console.log(`  reference: bare node   ${ms(pct(bare, 50))}   ratio ${(sp / pct(bare, 50)).toFixed(2)}`);
    console.log(`  \`oneid agent start --detach\` (CLI start-up + agent + readiness) ${ms(cliStart)}`);
  } finally {
    spawnSync(process.execPath, [BIN, 'agent', 'stop'], { env });
    rmSync(cfg, { recursive: true, force: true });
  }
}

await main();
