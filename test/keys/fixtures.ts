// Key folders for the keys tests: real files in temporary directories, never the machine's own
// mounts (system roots are switched off through the discovery options / ONEID_KEYS_SYSTEM_ROOTS).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { writePfx } from '../../src/lib/pki/index.js';
import { issueKey, PERSON, tempDir, type TestKey } from '../pki/helpers.js';

export const PW = 'key-pass';

export interface KeyFixture {
  root: string;
  dskeys: string;
  files: Record<string, string>;
  keys: Record<string, TestKey>;
}

/** A "USB stick": root/ with DSKEYS/, five keys (EC, RSA, O'z DSt 1092; one expired, one soon), one damaged file. */
export function makeStick(): KeyFixture {
  const root = tempDir('oneid-stick-');
  const dskeys = path.join(root, 'DSKEYS');
  mkdirSync(dskeys);
  mkdirSync(path.join(dskeys, 'deeper'));
  const day = 86_400_000;
  const keys: Record<string, TestKey> = {
    person: issueKey({ alg: 'ec' }, PERSON),
    company: issueKey(
      { alg: 'rsa', bits: 2048 },
      { CN: 'Ali Valiyev', TIN: '201234567', PINFL: '31111111111111', O: 'Ishonch, MChJ', T: 'direktor' },
    ),
    expired: issueKey(
      { alg: 'ec' },
      { CN: 'Old Key', PINFL: '32222222222222' },
      {
        notBefore: new Date(Date.now() - 400 * day),
        notAfter: new Date(Date.now() - 10 * day),
      },
    ),
    soon: issueKey({ alg: 'ec' }, { CN: 'Soon Key', PINFL: '33333333333333' }, { validityDays: 10 }),
    gost: issueKey(
      { alg: 'ozdst', curve: 'A' },
      { CN: 'Gost Egasi', PINFL: '34444444444444', UID: '512345678' },
    ),
  };
  const files: Record<string, string> = {
    person: path.join(dskeys, 'DS312345678901230001.pfx'),
    company: path.join(root, 'DS2012345670001.pfx'),
    expired: path.join(dskeys, 'old.pfx'),
    soon: path.join(dskeys, 'soon.PFX'),
    gost: path.join(dskeys, 'DS344444444444440001.pfx'),
    damaged: path.join(dskeys, 'damaged.pfx'),
    deeper: path.join(dskeys, 'deeper', 'ignored.pfx'),
  };
  for (const name of ['person', 'company', 'expired', 'soon', 'gost'])
    writeFileSync(files[name]!, writePfx({ ...keys[name]!, password: PW, iterations: 2000 }), {
      mode: 0o600,
    });
  writeFileSync(files.damaged!, Buffer.from('this is not a key file'));
  writeFileSync(files.deeper!, writePfx({ ...keys.person!, password: PW, iterations: 1 }));
  writeFileSync(path.join(dskeys, 'readme.txt'), 'not a key');
  return { root, dskeys, files, keys };
}

export const discovery = (fx: KeyFixture) => ({ roots: [fx.root], systemRoots: false, env: {} });
