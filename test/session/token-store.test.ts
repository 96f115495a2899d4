// ONEID_TOKEN: read-only, and it wins over the stored sessions while set.
import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { UsageError } from '../../src/lib/errors/index.js';
import { t } from '../../src/lib/i18n/index.js';
import {
  FileSessionStore,
  isExpired,
  openSessionStore,
  TokenSessionStore,
} from '../../src/lib/session/index.js';
import { rejection, sample } from './helpers.js';

describe('session: ONEID_TOKEN', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'oneid-session-token-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('wins over the file and the keychain, and says it is the source', async () => {
    await new FileSessionStore(path.join(dir, 'sessions.json')).set('default', sample());
    for (const mode of ['file', 'keychain'] as const) {
      const store = openSessionStore({ mode, configDir: dir, env: { ONEID_TOKEN: ' ci-token-42 \n' } });
      assert.equal(store.source, 'ONEID_TOKEN');
      assert.deepEqual(await store.get('https://id.gov.uz', 'default'), {
        source: 'ONEID_TOKEN',
        portal: 'https://id.gov.uz',
        token: 'ci-token-42',
      });
      assert.deepEqual(await store.list(), []);
    }
  });

  it('is read-only: login and logout say to unset it', async () => {
    const store = new TokenSessionStore('ci-token-42');
    for (const op of [() => store.set(), () => store.delete(), () => store.deleteAll()]) {
      const e = await rejection(op());
      assert.ok(e instanceof UsageError);
      assert.equal(e.code, 'SESSION_TOKEN_READ_ONLY');
      assert.match(t(e.hintKey!, {}, 'en'), /Unset ONEID_TOKEN/);
      assert.match(t(e.key, {}, 'uz'), /ONEID_TOKEN o‘rnatilgan/);
    }
  });

  it('counts an empty ONEID_TOKEN as unset, and rejects one with spaces inside', () => {
    assert.equal(openSessionStore({ mode: 'file', configDir: dir, env: { ONEID_TOKEN: '' } }).source, 'file');
    assert.throws(() => openSessionStore({ env: { ONEID_TOKEN: 'two words' } }), {
      code: 'SESSION_TOKEN_INVALID',
    });
    assert.throws(() => openSessionStore({ env: { ONEID_TOKEN: '   ' } }), { code: 'SESSION_TOKEN_INVALID' });
  });

  it('tells expired sessions (helper for the commands)', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    assert.equal(isExpired(sample({ expiresAt: '2026-12-31T23:59:59Z' }), now), true);
    assert.equal(isExpired(sample({ expiresAt: '2027-01-01T00:00:01Z' }), now), false);
    assert.equal(isExpired(sample({ expiresAt: 'garbage' }), now), true);
    assert.equal(isExpired({}, now), false, 'ONEID_TOKEN: the portal decides');
  });
});
