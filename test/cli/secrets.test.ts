import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { readSecret } from '../../src/cli/secrets.js';
import { UsageError } from '../../src/lib/errors/index.js';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'oneid-secret-'));

describe('secret sources', () => {
  it('reads --<name>-file first and trims one trailing newline only', async () => {
    const f = path.join(dir, 'pw');
    writeFileSync(f, ' pa ss \n');
    const s = await readSecret({
      name: 'key-password',
      flags: { 'key-password-file': f },
      env: { ONEID_KEY_PASSWORD: 'from-env' },
      interactive: false,
      prompt: 'x',
    });
    assert.deepEqual(s, { value: ' pa ss ', source: 'file' });
  });

  it('falls back to the environment variable', async () => {
    const s = await readSecret({
      name: 'password',
      flags: {},
      env: { ONEID_PASSWORD: 'Secr3t!' },
      interactive: false,
      prompt: 'x',
    });
    assert.deepEqual(s, { value: 'Secr3t!', source: 'env' });
  });

  it('fails with a usage error naming every source when nothing is given and prompting is impossible', async () => {
    await assert.rejects(
      readSecret({ name: 'key-password', flags: {}, env: {}, interactive: false, prompt: 'x' }),
      (e: unknown) =>
        e instanceof UsageError &&
        e.code === 'SECRET_MISSING' &&
        /--key-password-file/.test(e.message) &&
        /--key-password-stdin/.test(e.message) &&
        /ONEID_KEY_PASSWORD/.test(e.message),
    );
  });

  it('reports an unreadable file without echoing anything secret', async () => {
    await assert.rejects(
      readSecret({
        name: 'password',
        flags: { 'password-file': path.join(dir, 'nope') },
        env: {},
        interactive: false,
        prompt: 'x',
      }),
      (e: unknown) =>
        e instanceof UsageError && e.code === 'SECRET_FILE_UNREADABLE' && /ENOENT/.test(e.message),
    );
  });

  it('reads --<name>-stdin from a pipe, once', () => {
    const script = `
      import { readSecret } from './src/cli/secrets.ts';
      const a = await readSecret({ name: 'password', flags: { 'password-stdin': true }, env: {}, interactive: false, prompt: 'x' });
      const b = await readSecret({ name: 'sms-code', flags: { 'sms-code-stdin': true }, env: {}, interactive: false, prompt: 'x' });
      process.stdout.write(JSON.stringify([a, b]));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      input: 'piped-secret\r\n',
    });
    assert.deepEqual(JSON.parse(out.toString()), [
      { value: 'piped-secret', source: 'stdin' },
      { value: 'piped-secret', source: 'stdin' },
    ]);
  });
});
