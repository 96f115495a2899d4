/**
 * Every example in every command's help (`static examples`, read from oclif.manifest.json) and
 * every `oneid …` line in README.md code blocks runs as written — through bash, with `oneid` on
 * PATH — against a sandbox portal on a free port, and exits 0. Needs dist built and the manifest
 * generated (`npx tsc -p tsconfig.json && oclif manifest`).
 *
 * The environment the examples are written for (prepared by world.ts):
 *
 * | what | value |
 * |---|---|
 * | working directory | `$HOME`, a fresh temporary folder |
 * | `ONEID_PORTAL`, `ONEID_SANDBOX_DATA` | the test's sandbox (reviews never automatic: `oneid sandbox approve`) |
 * | `ONEID_KEYS_PATH`, `ONEID_KEYS_SYSTEM_ROOTS` | `~/DSKEYS`, `0` |
 * | `ONEID_KEY_PASSWORD` | the password of every key in ~/DSKEYS (as a CI job would set it) |
 * | `~/.oneid-pass`, `$PASS` | the account password of ozoda01 (and of the accounts the examples register) |
 * | `~/.key-pass`, `~/.new-key-pass` | the key password; a new one for `key passwd` |
 * | account | `ozoda01`: Ozoda Karimova, PINFL 40108814416559, director of "Samarqand Tekstil" (TIN 281058213); unverified, no company bound, logged in (session file) |
 * | `$TOKEN` | the token of that session |
 * | keys in ~/DSKEYS | `DS401088144165590001.pfx` (Ozoda, personal), `DS2810582130001.pfx` (her company), `DS312058913725150001.pfx` (Alisher Abdullayev, no account) |
 * | files | `invoice.pdf`, `contract.pdf`, `report.pdf`, `application.xml`, `contract.p7s` (detached, of contract.pdf), `reports/2026/q{1,2}/{sales,tax}.xml`, `me.jpg`, `selfie.png` (`root-ca.pem` comes from the documented `oneid ca get`) |
 * | `$APP_ID`, `$INVOICE` | the newest key application made from this machine, its invoice; at the start one waits for its SMS code, which is in `code.txt` |
 * | stdin | an example with `--sms-code-stdin` gets the code of the SMS it caused to `--phone` typed in |
 *
 * The examples run in the order of PLAN (each depends on the state the previous ones left); any
 * example not in PLAN runs after them. `config` examples get a config dir of their own, and the
 * sandbox lifecycle examples a data dir of their own (`oneid sandbox start --detach` needs port
 * 8765 free). SKIP lists the few examples that need a terminal; `oneid sandbox start` without
 * --detach runs until it prints its URL, then gets Ctrl-C.
 *
 * README.md lines run in order in a second world prepared the same way, with a config dir of its
 * own; when the README starts a sandbox itself, its lines run without ONEID_PORTAL (the default
 * portal, http://127.0.0.1:8765) and with a fresh ONEID_SANDBOX_DATA.
 */
import { strict as assert } from 'node:assert';

import { ROOT } from '../helpers/cli.js';
import { helpExamples, readmeExamples, type Example } from './extract.js';
import { World, type ShellOptions } from './world.js';

/** Examples that need a terminal (prompts, pickers): shown to people, not run here. */
const SKIP: Record<string, string> = {
  'oneid register': 'the registration wizard asks each answer at a prompt',
  'oneid verify-account': 'without --key a terminal shows a key picker',
  'oneid key passwd ~/DSKEYS/DS401088144165590001.pfx': 'prompts for the new password twice',
  'oneid agent install': "would register a service with this machine's session manager",
  'oneid agent install --uninstall': "would change this machine's session manager",
};

/**
 * Foreground servers (`oneid sandbox start` without --detach): they run as written when they
 * print their URL, and then stop cleanly on Ctrl-C.
 */
function foreground(line: string): RegExp | undefined {
  if (/\boneid agent start\b/.test(line) && !/--detach\b/.test(line)) return /Agent listening at/;
  if (!/\boneid sandbox start\b/.test(line) || /--detach\b/.test(line)) return undefined;
  const port = /--port[ =](\d+)/.exec(line)?.[1];
  return port ? new RegExp(`127\\.0\\.0\\.1:${port}\\b`) : /127\.0\.0\.1:\d+/;
}

type Group = 'main' | 'config' | 'lifecycle';
/** [command id, a unique part of the example]; the order is the story the examples tell. */
const PLAN: Array<[string, string, Group?]> = [
  ['help:exit-codes', 'exit-codes'],
  ['help:exit-codes', 'exit-codes --json'],
  ['help:environment', 'environment'],
  ['help:environment', 'environment --json'],
  ['sandbox:registry', '--free'],
  ['sandbox:registry', '--kind foreign'],
  ['sandbox:outbox', '+998901234567'],
  ['sandbox:outbox', '--channel email'],
  ['register', '--pinfl'],
  ['register', 'sandbox outbox'],
  ['register', '--with-key'],
  ['verify-account', '--key'],
  ['le:bind', '--key'],
  ['le:list', 'le list'],
  ['le:list', '--json'],
  ['login', '--password-file'],
  ['login', '--password-stdin'],
  ['login', '--key'],
  ['login', '--switch-role'],
  ['whoami', 'whoami'],
  ['whoami', '--show-pinfl'],
  ['whoami', 'ONEID_TOKEN'],
  ['key:list', 'key list'],
  ['key:list', '--all'],
  ['key:list', 'ONEID_KEYS_PATH'],
  ['key:info', '~/DSKEYS'],
  ['key:info', '--json'],
  ['key:info', '--check-password'],
  ['ca:get', 'root-ca.pem'],
  ['ca:get', '--tsa'],
  ['ca:get', '--force'],
  ['key:doctor', 'key doctor'],
  ['key:doctor', '--ca'],
  ['key:sign', 'invoice.pdf'],
  ['key:sign', 'reports/'],
  ['key:sign', '--files-from'],
  ['key:sign', '--append'],
  ['key:sign', '--format'],
  ['key:verify', 'invoice.pdf.p7s'],
  ['key:verify', '--content'],
  ['key:verify', 'signed/'],
  ['key:apply', '--resume'],
  ['key:status', 'key status'],
  ['sandbox:pay', 'pay'],
  ['sandbox:approve', 'approve'],
  ['key:status', '--watch'],
  ['key:status', '--json'],
  ['key:apply', '--pinfl'],
  ['sandbox:reject', 'reject'],
  ['key:apply', '--legal'],
  ['key:passwd', '--new-key-password-file'],
  ['logout', 'logout'],
  ['logout', '--all'],
  ['config:set', 'portal'],
  ['config:set', 'lang'],
  ['config:set', 'key-roots'],
  ['config:get', 'portal'],
  ['config:get', 'lang'],
  ['config:list', 'config list'],
  ['config:list', '--profile work'],
  ['config:unset', 'portal'],
  ['config:unset', 'lang'],
  ['sandbox:start', 'start --detach', 'lifecycle'],
  ['sandbox:status', 'sandbox status', 'lifecycle'],
  ['sandbox:status', '--json', 'lifecycle'],
  ['sandbox:stop', 'stop', 'lifecycle'],
  ['sandbox:start', '--port 9000', 'lifecycle'],
  ['sandbox:start', '--ca-algorithm', 'lifecycle'],
  // The agent on its default port (64646 must be free, as 8765 for the sandbox): in the
  // foreground until Ctrl-C, then detached for the commands that talk to it.
  ['agent:start', '--allow-origin'],
  ['agent:start', 'start --detach'],
  ['agent:status', 'agent status'],
  ['agent:unlock', '--for 30m'],
  ['agent:unlock', '--max-signatures'],
  ['agent:status', '--json'],
  ['agent:lock', 'DS2810582130001'],
  ['agent:lock', '--all'],
  ['agent:allow', 'https://my.gov.uz'],
  ['agent:allow', 'null'],
  ['agent:deny', 'deny'],
  ['agent:log', 'agent log'],
  ['agent:log', '--json'],
  ['agent:log', '--since 2026'],
  ['agent:stop', 'stop'],
  ['sandbox:reset', 'reset'],
];

/** The help examples in PLAN order (unplanned ones after, before the final reset), with their group. */
function ordered(all: Example[]): Array<Example & { group: Group }> {
  const left = [...all];
  const take = (id: string, part: string): Example | undefined => {
    const matches = left.filter((e) => e.source === id && e.line.includes(part));
    // The shortest match: "key list" must not take "key list --all --json".
    const e = matches.sort((a, b) => a.line.length - b.line.length)[0];
    if (e) left.splice(left.indexOf(e), 1);
    return e;
  };
  const planned = PLAN.map(([id, part, group]) => {
    const e = take(id, part);
    return e && { ...e, group: group ?? (id.startsWith('config:') ? 'config' : 'main') };
  }).filter((e): e is Example & { group: Group } => !!e);
  const reset = planned.findIndex((e) => e.source === 'sandbox:reset');
  const rest = left.map((e) => ({
    ...e,
    group: (e.source.startsWith('config:') ? 'config' : 'main') as Group,
  }));
  planned.splice(reset < 0 ? planned.length : reset, 0, ...rest);
  return planned;
}

describe('documented examples run as written against the sandbox', function () {
  this.timeout(60_000);
  const world = new World();
  const failures: string[] = [];
  const groupEnv: Record<Group, Record<string, string | undefined>> = { main: {}, config: {}, lifecycle: {} };

  before(async function () {
    this.timeout(120_000);
    await world.prepare();
    groupEnv.config = { ONEID_CONFIG_DIR: world.dir('config') };
    groupEnv.lifecycle = { ONEID_SANDBOX_DATA: world.dir('lifecycle'), ONEID_PORTAL: undefined };
  });
  after(async function () {
    this.timeout(60_000);
    await world.dispose();
  });

  const run = async (w: World, e: Example, env: Record<string, string | undefined>) => {
    const o: ShellOptions = { env, timeoutMs: 30_000 };
    o.ready = foreground(e.line);
    const r = await w.sh(e.line, o);
    if (r.code !== 0) {
      const output = `${r.stdout}${r.stderr}`.trim().split('\n').slice(-12).join('\n    ');
      failures.push(`[${e.source}] ${e.line}\n    exit ${r.code ?? r.signal}\n    ${output}`);
      assert.fail(`exit ${r.code ?? r.signal}: ${e.line}\n${r.stdout}${r.stderr}`);
    }
  };

  describe('command help', () => {
    for (const e of ordered(helpExamples(ROOT))) {
      const why = SKIP[e.line];
      if (why) {
        it.skip(`[${e.source}] ${e.line} (${why})`, () => undefined);
        continue;
      }
      it(`[${e.source}] ${e.line}`, () => run(world, e, groupEnv[e.group]));
    }
  });

  describe('README.md', () => {
    // A world of its own, prepared the same way; the tour starts its own sandbox (default port
    // 8765, own data dir, no ONEID_PORTAL) when it says so, else it uses the world's.
    const examples = readmeExamples(ROOT);
    const ownSandbox = examples.some((e) => /oneid sandbox start/.test(e.line));
    const readme = new World();
    let env: Record<string, string | undefined> = {};
    before(async function () {
      if (!examples.length) return;
      this.timeout(120_000);
      await readme.prepare();
      if (ownSandbox) env = { ONEID_SANDBOX_DATA: readme.dir('sandbox'), ONEID_PORTAL: undefined };
    });
    after(async function () {
      this.timeout(60_000);
      await readme.dispose();
    });
    for (const e of examples) {
      const why = SKIP[e.line];
      if (why) {
        it.skip(`[${e.source}] ${e.line} (${why})`, () => undefined);
        continue;
      }
      it(`[${e.source}] ${e.line}`, () => run(readme, e, env));
    }
  });

  describe('summary', () => {
    it('every example ran as written (the list of those that did not)', () => {
      assert.deepEqual(failures, [], `examples that do not run as written:\n${failures.join('\n')}`);
    });
  });
});
