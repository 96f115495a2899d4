/**
 * Process entry of the sandbox portal:
 * `node dist/sandbox/main.js --port 8765 --data DIR [--quiet] [--ca-algorithm ozdst-1092|ecdsa-p256]`.
 * The `oneid sandbox` commands start this file as a child process; it never imports CLI code.
 * Writes the run files (`PID_FILE`, `INFO_FILE` of src/lib/sandbox-contract) into the data dir once
 * it listens, prints one JSON line `{"listening": url}` on stdout, and stops cleanly on
 * SIGINT/SIGTERM.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  INFO_FILE,
  PID_FILE,
  PORTAL_OPTIONS,
  sandboxDataDir,
  type ListeningLine,
  type SandboxRunInfo,
} from '../lib/sandbox-contract/index.js';
import { writeFileAtomicSync } from '../lib/files/index.js';
import { CA_ALGORITHMS, type CaAlgorithm } from './ca/authority.js';
import { startSandbox } from './server.js';

const { values } = parseArgs({ options: PORTAL_OPTIONS, strict: true });

/** The data dir's state files: atomic (`files`), 0600; not worth an fsync (rewritten every start). */
function writeAtomic(file: string, text: string): void {
  writeFileAtomicSync(file, Buffer.from(text), { durable: false, syncDir: false });
}

async function main(): Promise<void> {
  const dataDir = sandboxDataDir(values.data);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${values.port}`);
  const caAlgorithm = values['ca-algorithm'] as CaAlgorithm;
  if (!CA_ALGORITHMS.includes(caAlgorithm))
    throw new Error(`bad --ca-algorithm ${caAlgorithm}: ${CA_ALGORITHMS.join(', ')}`);
  const sandbox = await startSandbox({
    dataDir,
    port,
    host: values.host!,
    logRequests: !values.quiet,
    caAlgorithm,
  });
  const pidFile = path.join(dataDir, PID_FILE);
  const infoFile = path.join(dataDir, INFO_FILE);
  const info: SandboxRunInfo = {
    pid: process.pid,
    port: sandbox.port,
    url: sandbox.url,
    startedAt: new Date().toISOString(),
  };
  writeAtomic(pidFile, `${process.pid}\n`);
  writeAtomic(infoFile, JSON.stringify(info));
  const listening: ListeningLine = { listening: sandbox.url, pid: process.pid, dataDir };
  process.stdout.write(`${JSON.stringify(listening)}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().finally(() => {
      rmSync(pidFile, { force: true });
      rmSync(infoFile, { force: true });
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${JSON.stringify({ error: err instanceof Error ? err.message : String(err) })}\n`);
  process.exit(1);
});
