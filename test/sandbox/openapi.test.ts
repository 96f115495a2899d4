import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApiYaml } from '../../src/sandbox/openapi-document.js';

describe('sandbox: docs/portal-api.yaml', () => {
  it('is the OpenAPI document generated from the route schemas (regenerate: npx tsx src/sandbox/openapi-document.ts > docs/portal-api.yaml)', async () => {
    const onDisk = readFileSync(new URL('../../docs/portal-api.yaml', import.meta.url), 'utf8');
    assert.equal(onDisk, await openApiYaml());
  });
});
