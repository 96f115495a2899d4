// Issue 17 in the key-application input rules: a company role's TIN is the default company,
// "STIR yoki PINFL" (a personal TIN alone is an individual's application), the region and district
// checked against the portal's list (given as codes or names), and this computer's name recorded.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';

import { resolvePlace } from '../../src/lib/account/index.js';
import { newApplicationInput, type ApplyAsk } from '../../src/lib/apply/input.js';
import { Settings } from '../../src/lib/config/index.js';
import { isOneIdError } from '../../src/lib/errors/index.js';
import type { RegionEntry } from '../../src/lib/portal/index.js';
import { REGION_LIST } from '../../src/sandbox/registry/regions.js';
import { JPEG, PNG } from '../account/helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'oneid-input17-'));
const photo = path.join(dir, 'me.jpg');
const selfie = path.join(dir, 'selfie.png');
writeFileSync(photo, JPEG);
writeFileSync(selfie, PNG);
const settings = new Settings(undefined, {}, { ONEID_CONFIG_DIR: dir });
const script: ApplyAsk = {
  interactive: false,
  text: async (flag, given) => {
    if (given === undefined) throw new Error(`--${flag} missing`);
    return given;
  },
  choose: async (flag) => {
    throw new Error(`--${flag} missing`);
  },
};
const regions = async (): Promise<RegionEntry[]> => REGION_LIST.map((r) => ({ ...r }));
const base = { phone: '+998901234567', photo, selfie, dir: path.join(dir, 'keys') };

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (isOneIdError(e)) return `${e.category}:${e.code}`;
    throw e;
  }
  return 'ok';
};

describe('apply: input rules of issue 17', () => {
  it('a company application defaults to the company the session acts for; --tin still wins', async () => {
    const a = await newApplicationInput({ ...base, legal: true }, script, settings, {
      session: async () => ({ token: 't', companyTin: '281058213' }),
    });
    assert.equal(a.type, 'legal');
    assert.equal(a.tin, '281058213');
    assert.equal(a.machine, hostname());
    assert.equal(a.token, 't', 'the session goes with a company application');
    const b = await newApplicationInput({ ...base, legal: true, tin: '234727238' }, script, settings, {
      session: async () => ({ token: 't', companyTin: '281058213' }),
    });
    assert.equal(b.tin, '234727238');
    await assert.rejects(newApplicationInput({ ...base, legal: true }, script, settings), /--tin missing/);
  });

  it('"STIR yoki PINFL": a personal TIN alone makes an individual application without a PINFL', async () => {
    const a = await newApplicationInput({ ...base, tin: '419713678' }, script, settings);
    assert.equal(a.type, 'individual');
    assert.equal(a.tin, '419713678');
    assert.equal(a.pinfl, undefined);
    assert.equal(a.token, undefined, 'no session is looked up for a personal application');
    assert.equal(
      await code(newApplicationInput({ ...base, tin: '419713678', legal: true }, script, settings)),
      'usage:TIN_NOT_LEGAL',
    );
  });

  it('region and district: SOATO codes or names (any apostrophe, with or without "tumani"), else exit 2', async () => {
    const a = await newApplicationInput(
      { ...base, pinfl: '40108814416559', region: "farg'ona viloyati", district: 'Marg`ilon shahri' },
      script,
      settings,
      { regions },
    );
    assert.deepEqual([a.region, a.district], ['1730', '1730412']);
    const list = await regions();
    assert.equal(resolvePlace(list, '1726', 'Chilonzor')?.district?.code, '1726294');
    assert.equal(resolvePlace(list, 'Qoraqalpog‘iston', 'Nukus shahri')?.district?.code, '1735401');
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isOneIdError(e) ? `${e.category}:${e.code}` : String(e);
      }
      return 'ok';
    };
    assert.equal(
      refused(() => resolvePlace(list, 'Atlantida')),
      'usage:REGION_UNKNOWN',
    );
    assert.equal(
      refused(() => resolvePlace(list, '1726', 'Urgut')),
      'usage:DISTRICT_UNKNOWN',
    );
    assert.equal(
      refused(() => resolvePlace(list, undefined, 'Urgut')),
      'usage:REGION_REQUIRED',
    );
  });
});
