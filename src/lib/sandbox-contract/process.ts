/**
 * The portal process as the CLI starts it: its command line (built by the CLI, parsed by
 * src/sandbox/main.ts from the same option table), the line it prints once it listens, and what
 * its run file (`INFO_FILE`) holds.
 */

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8765;

/** `node:util` parseArgs options of the portal's command line. */
export const PORTAL_OPTIONS = {
  port: { type: 'string', default: String(DEFAULT_PORT) },
  host: { type: 'string', default: DEFAULT_HOST },
  data: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'ca-algorithm': { type: 'string', default: 'ozdst-1092' },
} as const;

export interface PortalArgs {
  port: number;
  dataDir: string;
  host?: string;
  /** Root CA algorithm when the data dir is new (the portal's default otherwise). */
  caAlgorithm?: string;
}

/** The arguments after the entry file, in PORTAL_OPTIONS' names. */
export function portalArgv(a: PortalArgs): string[] {
  const out = ['--port', String(a.port), '--data', a.dataDir, '--host', a.host ?? DEFAULT_HOST];
  if (a.caAlgorithm) out.push('--ca-algorithm', a.caAlgorithm);
  return out;
}

/** What `INFO_FILE` holds. */
export interface SandboxRunInfo {
  pid: number;
  port: number;
  url: string;
  startedAt?: string;
}

/** The one line the portal prints on stdout once it listens. */
export interface ListeningLine {
  listening: string;
  pid: number;
  dataDir: string;
}
