/**
 * A page's way to an unlocked key: the key its handle names, unlocked for this site; else the
 * password asked in a dialog (once, however many requests wait for it), else a reason naming
 * `oneid agent unlock`.
 */
import path from 'node:path';
import { KeyPasswordError } from '../../errors/index.js';
import { t } from '../../i18n/index.js';
import { PAGE_UNLOCK_MS } from '../contract.js';
import type { KeyStore } from '../keystore.js';
import { Refusal } from '../refusal.js';
import type { Call } from './types.js';

export type UnlockedKey = NonNullable<ReturnType<KeyStore['signerFor']>>;

export async function unlockedKey(c: Call, keyId: unknown): Promise<UnlockedKey> {
  const { keys, asker } = c.core;
  const h = keys.handle(c.origin, keyId);
  const u = keys.signerFor(c.origin, h.file);
  if (u) return u;
  const name = path.basename(h.file);
  if (!asker.available) throw new Refusal('agent.reason.locked', { name, origin: c.origin });
  return asker.ask(`unlock ${c.origin} ${h.file}`, async (ch) => {
    const already = keys.signerFor(c.origin, h.file);
    if (already) return already;
    const password = await ch.password(t('agent.dialog.password', { origin: c.origin, name }));
    if (password === undefined) throw new Refusal('agent.reason.cancelled');
    try {
      await keys.unlock(h.file, password, { forMs: PAGE_UNLOCK_MS, origins: [c.origin], source: 'page' });
    } catch (e) {
      if (e instanceof KeyPasswordError) throw new Refusal('agent.reason.wrongPassword', { name });
      throw e;
    }
    const opened = keys.signerFor(c.origin, h.file);
    if (!opened) throw new Refusal('agent.reason.locked', { name, origin: c.origin });
    return opened;
  });
}
