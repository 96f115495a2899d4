// The agent's life around the protocol: the signature log (and `agent log`), kill -9 (no unlocked
// key survives, the log stays whole), a restart over the remains, wss with the certificate files
// `oneid agent trust` writes (here a throw-away one from openssl), reasons in the user's language,
// and consent through a desktop dialog — a fake `zenity` on PATH stands in for the desktop
// program, which cannot run on this machine (a test double of the external program only).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { readPfx } from '../../src/lib/pki/index.js';
import { spawnCli, tempConfigDir } from '../helpers/cli.js';
import { PW } from '../keys/fixtures.js';
import { ORIGIN, rpc, startAgent, type AgentHandle } from './helpers.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function loadKey(a: AgentHandle, file: string, origin = ORIGIN): Promise<string> {
  const { certificates } = await rpc(a.ws, { plugin: 'pfx', name: 'list_all_certificates' }, { origin });
  const c = certificates.find((x: { name: string }) => x.name === path.basename(file).replace(/\.pfx$/i, ''));
  return (
    await rpc(
      a.ws,
      { plugin: 'pfx', name: 'load_key', arguments: [c.disk, c.path, c.name, c.alias] },
      { origin },
    )
  ).keyId;
}

describe('agent: log, kill -9, wss, language', function () {
  this.timeout(60_000);

  it('logs every signature (site, key, SHA-256, attached/detached) in a 0600 append-only file that `agent log` reads', async () => {
    const a = await startAgent();
    try {
      assert.equal(
        (await a.cli(['agent', 'unlock', a.stick.files.person!, '--key-password-file', a.pwFile])).code,
        0,
      );
      const id = await loadKey(a, a.stick.files.person!);
      const docs = ['first', 'second', 'third'].map((s) => Buffer.from(s));
      const one = await rpc(a.ws, {
        plugin: 'pkcs7',
        name: 'create_pkcs7',
        arguments: [docs[0]!.toString('base64'), id, 'no'],
      });
      await rpc(a.ws, {
        plugin: 'pkcs7',
        name: 'create_pkcs7',
        arguments: [docs[1]!.toString('base64'), id, 'yes'],
      });
      // A co-signature of the first document by the same key (logged as a co-signature).
      const other = await startAgentKey(a);
      await rpc(a.ws, { plugin: 'pkcs7', name: 'append_pkcs7_attached', arguments: [one.pkcs7_64, other] });
      const r = await a.cli(['agent', 'log', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const entries = r.json.result.entries;
      assert.equal(entries.length, 3);
      const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      assert.deepEqual(
        entries.map((e: { sha256: string; mode: string; cosign: boolean; origin: string }) => [
          e.sha256,
          e.mode,
          e.cosign,
          e.origin,
        ]),
        [
          [sha(docs[0]!), 'attached', false, ORIGIN],
          [sha(docs[1]!), 'detached', false, ORIGIN],
          [sha(docs[0]!), 'attached', true, ORIGIN],
        ],
      );
      assert.equal(entries[0].key, path.basename(a.stick.files.person!));
      assert.equal(entries[0].serial, a.stick.keys.person!.certificate.serialHex);
      assert.equal(statSync(r.json.result.file).mode & 0o777, 0o600);
      assert.equal((await a.cli(['agent', 'log', '--since', '1h', '--json'])).json.result.entries.length, 3);
      assert.equal(
        (await a.cli(['agent', 'log', '--since', '2999-01-01', '--json'])).json.result.entries.length,
        0,
      );
      assert.equal((await a.cli(['agent', 'log', '--since', 'yesterday-ish'])).code, 2);
      const text = await a.cli(['agent', 'log']);
      assert.match(text.stdout, new RegExp(sha(docs[1]!)));
    } finally {
      await a.stop();
    }
  });

  it('after kill -9 no unlocked key survives, the log is whole, and a new agent starts over the remains', async () => {
    const a = await startAgent();
    assert.equal(
      (await a.cli(['agent', 'unlock', a.stick.files.person!, '--key-password-file', a.pwFile])).code,
      0,
    );
    const id = await loadKey(a, a.stick.files.person!);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rpc(a.ws, {
          plugin: 'pkcs7',
          name: 'create_pkcs7',
          arguments: [Buffer.from(`doc ${i}`).toString('base64'), id, 'no'],
        }),
      ),
    );
    process.kill(a.pid, 'SIGKILL');
    await pause(200);
    const lines = readFileSync(path.join(a.cfg, 'agent', 'audit.log'), 'utf8')
      .trim()
      .split('\n');
    assert.equal(lines.length, 20);
    for (const l of lines) assert.equal(JSON.parse(l).mode, 'attached');
    const st = await a.cli(['agent', 'status', '--json']);
    assert.equal(st.json.result.running, false);

    const b = await startAgent({ cfg: a.cfg, stick: a.stick });
    try {
      const s = await b.cli(['agent', 'status', '--json']);
      assert.deepEqual(s.json.result.unlocked, []);
      const again = await loadKey(b, b.stick.files.person!);
      const r = await rpc(b.ws, { plugin: 'pkcs7', name: 'create_pkcs7', arguments: ['aGk=', again, 'no'] });
      assert.equal(r.success, false);
      assert.match(r.reason, /oneid agent unlock/);
      assert.equal((await b.cli(['agent', 'log', '--json'])).json.result.entries.length, 20);
    } finally {
      await b.stop();
    }
    assert.equal((await a.cli(['agent', 'stop', '--json'])).json.result.stopped, false);
  });

  it('serves wss with the certificate files of `agent trust`, and says wss needs `agent trust` without them', async () => {
    const cfg = tempConfigDir();
    const tls = path.join(cfg, 'agent', 'tls');
    mkdirSync(tls, { recursive: true, mode: 0o700 });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        path.join(tls, 'server-key.pem'),
        '-out',
        path.join(tls, 'server.pem'),
      ],
      { stdio: 'ignore' },
    );
    const a = await startAgent({ cfg });
    try {
      assert.ok(a.wss?.startsWith('wss://127.0.0.1:'), a.wss);
      const ca = readFileSync(path.join(tls, 'server.pem'));
      const r = await rpc(a.wss!, { name: 'version' }, { ca });
      assert.equal(r.success, true);
      // The TLS port checks the Host against its own port too.
      const port = new URL(a.wss!).port;
      await assert.rejects(
        rpc(a.wss!, { name: 'version' }, { ca, headers: { Host: `127.0.0.1:${a.port}` } }),
        /403/,
      );
      assert.equal(
        (await rpc(a.wss!, { name: 'version' }, { ca, headers: { Host: `localhost:${port}` } })).success,
        true,
      );
      const s = await a.cli(['agent', 'status', '--json']);
      assert.equal(s.json.result.wss, a.wss);
    } finally {
      await a.stop();
    }
  });

  it('runs in the foreground until SIGINT, then leaves no run files', async () => {
    const cfg = tempConfigDir();
    const live = spawnCli(['agent', 'start', '--port', '0', '--tls-port', '0'], {
      env: { ONEID_CONFIG_DIR: cfg, ONEID_KEYS_SYSTEM_ROOTS: '0', DISPLAY: undefined },
    });
    for (let i = 0; i < 200 && !/Agent listening/.test(live.stderr()); i++) await pause(50);
    const ws = /Agent listening at (\S+) /.exec(live.stderr())![1]!;
    assert.equal((await rpc(ws, { name: 'version' }, { origin: 'https://new.example.uz' })).success, false);
    live.child.kill('SIGINT');
    const r = await live.done;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /"refused"|Ctrl-C/);
    assert.deepEqual(
      ['agent.json', 'agent.pid'].filter((f) => existsSync(path.join(cfg, 'agent', f))),
      [],
    );
  });

  it("answers in the agent's language", async () => {
    const a = await startAgent({ env: { ONEID_LANG: 'ru' } });
    try {
      const r = await rpc(a.ws, { name: 'version' }, { origin: 'https://new.example.uz' });
      assert.match(r.reason, /ещё не разрешён.*oneid agent allow https:\/\/new\.example\.uz/);
    } finally {
      await a.stop();
    }
  });
});

describe('agent: consent through a desktop dialog (fake zenity on PATH)', function () {
  this.timeout(60_000);
  let a: AgentHandle;
  let dialogLog: string;
  let answers: string;

  before(async () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'oneid-fake-zenity-'));
    dialogLog = path.join(bin, 'calls.log');
    answers = path.join(bin, 'answers');
    // Stands in for zenity: records its arguments, answers the question from `answers`' first line
    // (0 yes, 1 no) and the password entry with its second line (absent: cancelled), or with the
    // next line of `answers.seq` while it has one.
    writeFileSync(
      path.join(bin, 'zenity'),
      `#!/bin/sh
printf '%s\\n' "$*" >> "${dialogLog}"
sleep 0.2
case "$*" in
  *--question*) exit "$(sed -n 1p "${answers}")" ;;
  *--entry*) if [ -s "${answers}.seq" ]; then pw="$(sed -n 1p "${answers}.seq")"; sed -i 1d "${answers}.seq"
             else pw="$(sed -n 2p "${answers}")"; fi
             [ -n "$pw" ] || exit 1; printf '%s\\n' "$pw" ;;
esac
`,
    );
    chmodSync(path.join(bin, 'zenity'), 0o755);
    writeFileSync(dialogLog, '');
    a = await startAgent({
      args: [],
      env: { DISPLAY: ':0', PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
  });
  after(async () => a?.stop());

  const calls = () => readFileSync(dialogLog, 'utf8').trim().split('\n').filter(Boolean);

  it('asks once about a new site, however many requests it sends, and remembers the answer', async () => {
    writeFileSync(answers, '0\n');
    const site = 'https://new.example.uz';
    const rs = await Promise.all(
      Array.from({ length: 5 }, () => rpc(a.ws, { name: 'version' }, { origin: site })),
    );
    assert.ok(rs.every((r) => r.success));
    assert.equal(calls().filter((c) => c.includes('--question')).length, 1);
    assert.match(calls()[0]!, /https:\/\/new\.example\.uz/);
    assert.equal((await rpc(a.ws, { name: 'version' }, { origin: site })).success, true);
    assert.equal(calls().length, 1);
    const s = await a.cli(['agent', 'status', '--json']);
    assert.ok(s.json.result.allowedOrigins.includes(site));
  });

  it('a site refused in the dialog stays refused (its next sockets too)', async () => {
    writeFileSync(answers, '1\n');
    const r = await rpc(a.ws, { name: 'version' }, { origin: 'https://no.example.uz' });
    assert.equal(r.success, false);
    assert.match(r.reason, /denied/);
    await assert.rejects(rpc(a.ws, { name: 'version' }, { origin: 'https://no.example.uz' }), /403/);
  });

  it('asks for the password of a locked key once for concurrent requests, then signs; a wrong password or cancel is a reason', async () => {
    writeFileSync(answers, `0\n${PW}\n`);
    writeFileSync(dialogLog, '');
    const site = 'https://new.example.uz';
    const id = await loadKey(a, a.stick.files.person!, site);
    const rs = await Promise.all(
      Array.from({ length: 4 }, () =>
        rpc(a.ws, { plugin: 'pkcs7', name: 'create_pkcs7', arguments: ['aGk=', id, 'no'] }, { origin: site }),
      ),
    );
    assert.ok(
      rs.every((r) => r.success),
      JSON.stringify(rs),
    );
    const entries = calls().filter((c) => c.includes('--entry'));
    assert.equal(entries.length, 1);
    assert.ok(!entries[0]!.includes(PW));
    assert.match(entries[0]!, /new\.example\.uz.*DS312345678901230001\.pfx/);
    const s = await a.cli(['agent', 'status', '--json']);
    const k = s.json.result.unlocked.find((x: { path: string }) => x.path === a.stick.files.person);
    assert.equal(k.source, 'page');
    assert.deepEqual(k.origins, [site]);

    writeFileSync(answers, '0\nnot the password\n');
    const gid = await loadKey(a, a.stick.files.gost!, site);
    const wrong = await rpc(
      a.ws,
      { plugin: 'pfx', name: 'verify_password', arguments: [gid] },
      { origin: site },
    );
    assert.equal(wrong.success, false);
    assert.match(wrong.reason, /Wrong password/);
    writeFileSync(answers, '0\n');
    const cancelled = await rpc(
      a.ws,
      { plugin: 'pfx', name: 'verify_password', arguments: [gid] },
      { origin: site },
    );
    assert.match(cancelled.reason, /Cancelled/);
    // Unloading the page's handle ends a key the page's dialog unlocked.
    await rpc(a.ws, { plugin: 'pfx', name: 'unload_key', arguments: [id] }, { origin: site });
    const after = await a.cli(['agent', 'status', '--json']);
    assert.ok(!after.json.result.unlocked.some((x: { path: string }) => x.path === a.stick.files.person));
  });
});

describe('agent: change_password through the dialog (fake zenity on PATH)', function () {
  this.timeout(60_000);

  it('changes the key file password after the old one and the new one twice; differing new passwords change nothing', async () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'oneid-fake-zenity-'));
    const seq = path.join(bin, 'seq');
    writeFileSync(
      path.join(bin, 'zenity'),
      `#!/bin/sh\ncase "$*" in *--entry*) pw="$(sed -n 1p "${seq}")"; sed -i 1d "${seq}"; printf '%s\\n' "$pw" ;; esac\n`,
    );
    chmodSync(path.join(bin, 'zenity'), 0o755);
    const a = await startAgent({
      env: { DISPLAY: ':0', PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
    try {
      const id = await loadKey(a, a.stick.files.company!);
      writeFileSync(seq, `${PW}\nnew-pass-1!\nnew-pass-2!\n`);
      const differ = await rpc(a.ws, { plugin: 'pfx', name: 'change_password', arguments: [id] });
      assert.equal(differ.success, false);
      assert.match(differ.reason, /differ/);
      assert.doesNotThrow(() => readPfx(readFileSync(a.stick.files.company!), PW));
      writeFileSync(seq, `${PW}\nnew-pass-1!\nnew-pass-1!\n`);
      const ok = await rpc(a.ws, { plugin: 'pfx', name: 'change_password', arguments: [id] });
      assert.deepEqual(ok, { success: true });
      assert.doesNotThrow(() => readPfx(readFileSync(a.stick.files.company!), 'new-pass-1!'));
    } finally {
      await a.stop();
    }
  });

  it('without a dialog, names `oneid key passwd`', async () => {
    const a = await startAgent();
    try {
      const id = await loadKey(a, a.stick.files.company!);
      const r = await rpc(a.ws, { plugin: 'pfx', name: 'change_password', arguments: [id] });
      assert.match(r.reason, /oneid key passwd DS2012345670001\.pfx/);
    } finally {
      await a.stop();
    }
  });
});

/** A second key, unlocked, loaded for ORIGIN (co-signing). */
async function startAgentKey(a: AgentHandle): Promise<string> {
  assert.equal(
    (await a.cli(['agent', 'unlock', a.stick.files.gost!, '--key-password-file', a.pwFile])).code,
    0,
  );
  return loadKey(a, a.stick.files.gost!);
}
