/**
 * Starts the sandbox portal in this process: database, registries, CA, HTTP server, the timer
 * that approves paid applications when their review time comes. `main.ts` is the CLI-facing
 * wrapper (arguments, pid file, signals); tests and the benchmark use this through it too.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_PORT } from '../lib/sandbox-contract/index.js';
import { approveDue } from './applications.js';
import { CertificateAuthority, type CaAlgorithm } from './ca/authority.js';
import { createContext, type Ctx } from './context.js';
import { openDatabase } from './db/database.js';
import { buildApp } from './http/app.js';
import { seedRegistries } from './registry/seed.js';
import { smsCodeKey } from './security/sms-codes.js';

export interface SandboxOptions {
  dataDir: string;
  port: number;
  host: string;
  logRequests: boolean;
  /** Signature algorithm of a new data dir's CA (an existing CA keeps its own). */
  caAlgorithm?: CaAlgorithm;
}

export interface RunningSandbox {
  app: FastifyInstance;
  ctx: Ctx;
  url: string;
  port: number;
  close(): Promise<void>;
}

export function sandboxVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  const db = openDatabase(opts.dataDir);
  smsCodeKey(opts.dataDir); // created (or narrowed to 0600) now rather than at the first SMS
  seedRegistries(db);
  // Certificates name the CRL and OCSP URLs; the real port is known once the server listens.
  const ca = CertificateAuthority.open(
    db,
    `http://${opts.host}:${opts.port || DEFAULT_PORT}`,
    opts.caAlgorithm,
  );
  const ctx = createContext(db, opts.dataDir, sandboxVersion(), ca);
  const { app } = await buildApp(ctx, { logRequests: opts.logRequests });
  await app.listen({ port: opts.port, host: opts.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  ca.publishAt(url);
  const timer = setInterval(() => {
    try {
      approveDue(ctx);
    } catch (err) {
      app.log.error({ err }, 'automatic review failed');
    }
  }, 250);
  timer.unref();
  return {
    app,
    ctx,
    url,
    port,
    async close() {
      clearInterval(timer);
      await app.close();
      db.close();
    },
  };
}
