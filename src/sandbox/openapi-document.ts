/**
 * The portal's OpenAPI document without a running server (a throw-away data dir), for publishing:
 * `npx tsx src/sandbox/openapi-document.ts > docs/portal-api.yaml`. A test keeps the file in sync.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CertificateAuthority } from './ca/authority.js';
import { createContext } from './context.js';
import { openDatabase } from './db/database.js';
import { buildApp } from './http/app.js';
import { toYaml } from './http/yaml.js';
import { sandboxVersion } from './server.js';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'oneid-openapi-'));
  const db = openDatabase(dir);
  try {
    const ctx = createContext(
      db,
      dir,
      sandboxVersion(),
      CertificateAuthority.open(db, 'http://127.0.0.1:8765'),
    );
    const { app, openapi } = await buildApp(ctx, { logRequests: false });
    await app.close();
    return openapi.document();
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function openApiYaml(): Promise<string> {
  return `# Generated from the route schemas by src/sandbox/openapi-document.ts — do not edit by hand.\n${toYaml(await openApiDocument())}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(await openApiYaml());
}
