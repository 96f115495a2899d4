// Shared by the session tests: sample records and a way to catch typed errors.
import { strict as assert } from 'node:assert';

import { OneIdError } from '../../src/lib/errors/index.js';
import type { Session } from '../../src/lib/session/index.js';

export function sample(over: Partial<Session> = {}): Session {
  return {
    portal: 'http://127.0.0.1:8765',
    login: 'alisher.k',
    token: 'tok-0123456789abcdef',
    role: { type: 'individual' },
    expiresAt: '2030-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/** The OneIdError `p` rejects with (fails the test when it resolves or rejects with anything else). */
export async function rejection(p: Promise<unknown>): Promise<OneIdError> {
  try {
    await p;
  } catch (e) {
    assert.ok(
      e instanceof OneIdError,
      `expected a OneIdError, got ${e instanceof Error ? e.stack : String(e)}`,
    );
    return e;
  }
  assert.fail('expected a rejection');
}
