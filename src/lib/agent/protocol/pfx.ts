/** Plugin `pfx`: the key files (REFERENCES.md §4). `save_pfx` (copies a key) is not offered. */
import path from 'node:path';
import { KeyPasswordError } from '../../errors/index.js';
import { t } from '../../i18n/index.js';
import { changeKeyPassword } from '../../keys/index.js';
import { Refusal } from '../refusal.js';
import { unlockedKey } from './access.js';
import { str } from './args.js';
import type { Call, Plugin } from './types.js';

const listed = async (c: Call, disk?: string) => ({
  certificates: (await c.core.keys.list(disk)).map((k) => ({
    disk: k.disk,
    path: k.path,
    name: k.name,
    alias: k.alias,
  })),
});

async function changePassword(c: Call) {
  const { keys, asker } = c.core;
  const h = keys.handle(c.origin, c.args[0]);
  const name = path.basename(h.file);
  if (!asker.available) throw new Refusal('agent.reason.changePassword', { name });
  await asker.ask(`passwd ${h.file}`, async (ch) => {
    const old = await ch.password(t('agent.dialog.oldPassword', { origin: c.origin, name }));
    if (old === undefined) throw new Refusal('agent.reason.cancelled');
    const next = await ch.password(t('agent.dialog.newPassword', { name }));
    if (next === undefined) throw new Refusal('agent.reason.cancelled');
    const again = await ch.password(t('agent.dialog.newPasswordAgain', { name }));
    if (again !== next) throw new Refusal('agent.reason.passwordsDiffer');
    try {
      await changeKeyPassword(h.file, old, next);
    } catch (e) {
      if (e instanceof KeyPasswordError) throw new Refusal('agent.reason.wrongPassword', { name });
      throw e;
    }
  });
  return {};
}

export const pfx: Plugin = {
  list_disks: { args: [], fn: async (c) => ({ disks: (await c.core.keys.disks()).map((d) => d.label) }) },
  list_certificates: { args: ['disk'], fn: (c) => listed(c, str(c, 0, 'disk')) },
  list_all_certificates: { args: [], fn: (c) => listed(c) },
  load_key: {
    args: ['disk', 'path', 'name', 'alias'],
    fn: async (c) => ({
      keyId: await c.core.keys.load(
        c.origin,
        str(c, 0, 'disk'),
        str(c, 1, 'path', { optional: true }),
        str(c, 2, 'name'),
        str(c, 3, 'alias', { optional: true }),
      ),
      type: 'PFX_KEY_STORE',
    }),
  },
  verify_password: {
    args: ['keyId'],
    fn: async (c) => {
      await unlockedKey(c, c.args[0]);
      return {};
    },
  },
  unload_key: {
    args: ['keyId'],
    fn: (c) => {
      c.core.keys.unload(c.origin, c.args[0]);
      return {};
    },
  },
  change_password: { args: ['keyId'], fn: changePassword },
};
