/**
 * What the CLI and the sandbox portal both need to know about each other, and nothing else: the
 * data dir's rules and file names (files.ts), the portal's command line, listening line and run
 * file (process.ts), and the wire shapes of the loopback administration API (admin-api.ts). Pure
 * (no oclif, no fastify): src/sandbox and src/lib/sandbox-control import it; the CLI never imports
 * src/sandbox (ARCHITECTURE.md).
 */
export * from './files.js';
export * from './process.js';
export * from './admin-api.js';
