#!/usr/bin/env node
/**
 * `npm run demo`: the whole main job of oneid in one command, against a local sandbox portal on a
 * free port with a temporary data dir. Every step is a real `oneid` process, printed as `$ oneid …`
 * before it runs: a citizen registers, applies for a key (SMS code from the sandbox outbox, invoice
 * paid and approved by the sandbox), verifies the account, gets the company key and binds the
 * company, logs in as "Common For Head", signs 1,000 documents in one batch, verifies them, and
 * sees a tampered one fail. Nothing is left behind (also on failure or Ctrl-C) except what
 * `--keep DIR` asks for.
 *
 * Usage: node dist/demo/main.js [--keep DIR] [--count N]
 */
import { parseArgs } from 'node:util';
import { isAlive } from '../lib/sandbox-control/index.js';
import { Cli, say, StepFailed } from './runner.js';
import { runDemo, type DemoState } from './steps.js';
import { Workspace } from './workspace.js';

const USAGE = `Usage: npm run demo -- [--keep DIR] [--count N]

  --keep DIR   keep the documents, signatures, keys and the sandbox CA certificate in DIR
  --count N    how many documents to sign (default 1000)`;

function options(): { keep?: string; count: number } {
  const { values } = parseArgs({
    options: {
      keep: { type: 'string' },
      count: { type: 'string', default: '1000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    say(USAGE);
    process.exit(0);
  }
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 2 || count > 100_000) {
    process.stderr.write(`--count must be a whole number from 2 to 100000\n${USAGE}\n`);
    process.exit(2);
  }
  return { keep: values.keep, count };
}

async function main(): Promise<number> {
  let opts: { keep?: string; count: number };
  try {
    opts = options();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const keepProblem = opts.keep ? Workspace.checkKeep(opts.keep) : undefined;
  if (keepProblem) {
    process.stderr.write(`${keepProblem}\n`);
    return 2;
  }

  const ws = new Workspace();
  const cli = new Cli(ws.env(), ws.root);
  const state: DemoState = {};
  let cleaned: Promise<void> | undefined;
  let interrupted = false;
  // Stop the sandbox (the `sandbox stop` step normally did), keep what was asked, remove the rest.
  const cleanup = () =>
    (cleaned ??= (async () => {
      for (const c of cli.live) c.kill('SIGTERM');
      const pid = state.sandboxPid;
      if (pid && isAlive(pid)) {
        process.kill(pid, 'SIGTERM');
        for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
        if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      }
      try {
        if (opts.keep) {
          ws.keep(opts.keep);
          say(`Kept in ${opts.keep}: documents/ (with signatures), keys/, root-ca.pem, secrets/key-password`);
        }
      } finally {
        ws.remove();
      }
    })());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      interrupted = true;
      process.stderr.write(`\nInterrupted: stopping the sandbox and removing ${ws.root}\n`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    await runDemo(cli, ws, state, opts.count);
    await cleanup();
    say();
    say(`Demo finished: the sandbox is stopped and ${ws.root} is removed.`);
    return 0;
  } catch (e) {
    if (interrupted) {
      await cleanup();
      return 130;
    }
    if (e instanceof StepFailed) {
      process.stderr.write(`\nStep failed (exit ${e.result.code}): $ ${e.commandLine}\n`);
      if (e.result.stdout.trim()) process.stderr.write(`--- stdout\n${e.result.stdout.trimEnd()}\n`);
      if (e.result.stderr.trim()) process.stderr.write(`--- stderr\n${e.result.stderr.trimEnd()}\n`);
    } else {
      process.stderr.write(`\nDemo failed: ${(e as Error)?.stack ?? String(e)}\n`);
    }
    await cleanup();
    return e instanceof StepFailed && e.result.code ? e.result.code : 1;
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  },
);
