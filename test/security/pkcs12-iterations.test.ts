// Issue 13: the iteration count of a PKCS#12 file is a work factor its author chooses, read before
// anything is authenticated. Too high a count is refused at once (exit 5, naming count and cap)
// wherever it appears — MAC, PBES2/PBKDF2, PKCS#12 PBE, encrypted safe — and before any key
// derivation; many bags cannot multiply the cap; files at real-world counts still open.
import { strict as assert } from 'node:assert';
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { w } from '../../src/lib/asn1/index.js';
import { isOneIdError, KeyUnusableError } from '../../src/lib/errors/index.js';
import { OID } from '../../src/lib/crypto/index.js';
import { encodePrivateKey, readPfx, readPfxPublic, writePfx } from '../../src/lib/pki/index.js';
import { buildMacData } from '../../src/lib/pki/pkcs12/mac.js';
import { MAX_ITERATIONS } from '../../src/lib/pki/pkcs12/pbe.js';
import { runCli } from '../helpers/cli.js';
import { issueKey, openssl, tempDir, writePems } from '../pki/helpers.js';

const PW = 'iter test';
const HUGE = 10_000_000; // the old cap: ~10 s a bag

/** Runs `fn`, expects a typed key error with `code`, returns it and the elapsed milliseconds. */
function refused(fn: () => unknown, code = 'PFX_ITERATIONS'): { e: KeyUnusableError; ms: number } {
  const t0 = performance.now();
  try {
    fn();
  } catch (e) {
    const ms = performance.now() - t0;
    assert.ok(isOneIdError(e) && e instanceof KeyUnusableError, `not a key error: ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return { e, ms };
  }
  assert.fail('opened although it should have been refused');
}

// Hand-built PFX parts, so that every place a count is read can carry a huge one.
const pbes2Alg = (iterations: number, salt = randomBytes(16), iv = randomBytes(16)) =>
  w.algorithmIdentifier(
    OID.pbes2,
    w.sequence(
      w.algorithmIdentifier(
        OID.pbkdf2,
        w.sequence(
          w.octetString(salt),
          w.integer(iterations),
          w.algorithmIdentifier(OID.hmacWithSHA256, w.NULL),
        ),
      ),
      w.algorithmIdentifier(OID.aes256cbc, w.octetString(iv)),
    ),
  );
const pkcs12PbeAlg = (iterations: number | bigint) =>
  w.algorithmIdentifier(
    OID.pbeWithSHAAnd3KeyTripleDES,
    w.sequence(w.octetString(randomBytes(8)), w.integer(iterations)),
  );
const shroudedBag = (alg: Buffer, ct: Uint8Array) =>
  w.sequence(w.oid(OID.pkcs8ShroudedKeyBag), w.explicit(0, w.sequence(alg, w.octetString(ct))));
const dataSafe = (...bags: Buffer[]) =>
  w.sequence(w.oid(OID.data), w.explicit(0, w.octetString(w.sequence(...bags))));
const encryptedSafe = (alg: Buffer) =>
  w.sequence(
    w.oid(OID.encryptedData),
    w.explicit(
      0,
      w.sequence(w.integer(0), w.sequence(w.oid(OID.data), alg, w.implicitPrimitive(0, randomBytes(32)))),
    ),
  );
function pfx(safes: Buffer[], macIterations: number, validMac = false): Buffer {
  const authSafe = w.sequence(...safes);
  const mac = validMac
    ? buildMacData('sha256', PW, macIterations, authSafe)
    : w.sequence(
        w.sequence(w.algorithmIdentifier(OID.sha256, w.NULL), w.octetString(randomBytes(32))),
        w.octetString(randomBytes(16)),
        w.integer(macIterations),
      );
  return w.sequence(w.integer(3), w.sequence(w.oid(OID.data), w.explicit(0, w.octetString(authSafe))), mac);
}

describe('security: PKCS#12 iteration counts (issue 13)', function () {
  this.timeout(120_000);
  const dir = tempDir('oneid-iter-');
  const key = issueKey({ alg: 'ec' });
  const pems = writePems(dir, key);
  const env = { ONEID_KEYS_SYSTEM_ROOTS: '0', ONEID_KEY_PASSWORD: PW };
  const exportWith = (name: string, extra: string[]) => {
    const file = path.join(dir, name);
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      pems.key,
      '-in',
      pems.cert,
      '-passout',
      `pass:${PW}`,
      '-out',
      file,
      ...extra,
    ]);
    return file;
  };

  it('the cap covers what real writers use, with room to spare', () => {
    // OpenSSL 2,048; Java 8 100,000 (MAC); Bouncy Castle 1.85+ 600,000.
    assert.ok(MAX_ITERATIONS >= 1_000_000 && MAX_ITERATIONS < HUGE, String(MAX_ITERATIONS));
  });

  it('`key info` on an OpenSSL file with a huge count exits 5 at once, naming count and cap', async () => {
    const count = 2 * MAX_ITERATIONS; // OpenSSL writes it in about a second
    const file = exportWith('huge.pfx', ['-iter', String(count)]);
    for (const args of [[], ['--check-password']]) {
      const t0 = Date.now();
      const r = await runCli(['key', 'info', file, ...args, '--json'], { env });
      assert.ok(Date.now() - t0 < 5_000, `took ${Date.now() - t0} ms`);
      assert.equal(r.code, 5, r.stderr);
      assert.equal(r.json.error.code, 'PFX_ITERATIONS');
      assert.match(r.json.error.message, new RegExp(`${count}\\b.*\\b${MAX_ITERATIONS}\\b`));
      assert.match(r.json.error.hint, /openssl pkcs12 .*-iter 10000/);
    }
    const human = await runCli(['key', 'info', file, '--lang', 'ru'], { env });
    assert.equal(human.code, 5);
    assert.match(human.stderr, new RegExp(`${count}.*${MAX_ITERATIONS}`));
    assert.match(human.stderr, /openssl pkcs12/);
    const uz = await runCli(['key', 'info', file], { env: { ...env, ONEID_LANG: 'uz' } });
    assert.equal(uz.code, 5);
    assert.match(uz.stderr, new RegExp(`${count}.*${MAX_ITERATIONS}`));
  });

  it('files at normal counts still open (OpenSSL default, legacy, Java-8 level, our writer)', async () => {
    const files = [
      exportWith('default.pfx', []),
      exportWith('legacy.pfx', ['-legacy']),
      exportWith('java8.pfx', ['-iter', '100000']),
    ];
    const ours = path.join(dir, 'ours.pfx');
    writeFileSync(ours, writePfx({ ...key, password: PW }));
    files.push(ours);
    for (const file of files) {
      const r = await runCli(['key', 'info', file, '--check-password', '--json'], { env });
      assert.equal(r.code, 0, `${file}: ${r.stderr}`);
      assert.equal(r.json.result.keyMatchesCertificate, true);
    }
    // At the cap itself (modern scheme): opens, in well under the bound above.
    const atCap = readFileSync(exportWith('cap.pfx', ['-iter', String(MAX_ITERATIONS)]));
    assert.equal(readPfx(atCap, PW).protection.mac?.iterations, MAX_ITERATIONS);
  });

  it('every place a count is read refuses a huge one, with or without the password, before any work', () => {
    const pkcs8 = encodePrivateKey(key.privateKey);
    const cases: Record<string, Buffer> = {
      mac: pfx([dataSafe(shroudedBag(pbes2Alg(2048), randomBytes(48)))], HUGE),
      'PBES2 key bag': pfx([dataSafe(shroudedBag(pbes2Alg(HUGE), randomBytes(48)))], 2048),
      'PKCS#12 PBE key bag': pfx([dataSafe(shroudedBag(pkcs12PbeAlg(HUGE), randomBytes(48)))], 2048),
      'encrypted safe': pfx([encryptedSafe(pkcs12PbeAlg(HUGE)), dataSafe()], 2048),
      'count beyond 2^53': pfx([dataSafe(shroudedBag(pkcs12PbeAlg(1n << 70n), pkcs8))], 2048),
      // The MAC is legal but costly (the cap): the bag's count must be refused before it runs.
      'bag after a costly MAC': pfx([dataSafe(shroudedBag(pbes2Alg(HUGE), randomBytes(48)))], MAX_ITERATIONS),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      for (const open of [() => readPfxPublic(bytes), () => readPfx(bytes, PW), () => readPfx(bytes, '')]) {
        const { e, ms } = refused(open);
        assert.ok(ms < 150, `${name}: refused after ${ms.toFixed(0)} ms, i.e. after deriving keys`);
        assert.equal(e.params.max, MAX_ITERATIONS, name);
        assert.equal(
          e.params.count,
          name === 'count beyond 2^53' ? '1180591620717411303424' : String(HUGE),
          name,
        );
      }
    }
  });

  it('many bags cannot multiply the cap: the work of one file is bounded too', () => {
    // One valid PBES2 ciphertext at the cap, repeated: each bag would take a full derivation.
    const salt = randomBytes(16);
    const iv = randomBytes(16);
    const k = pbkdf2Sync(Buffer.from(PW, 'utf8'), salt, MAX_ITERATIONS, 32, 'sha256');
    const c = createCipheriv('aes-256-cbc', k, iv);
    const ct = Buffer.concat([c.update(encodePrivateKey(key.privateKey)), c.final()]);
    const bags = Array.from({ length: 40 }, () => shroudedBag(pbes2Alg(MAX_ITERATIONS, salt, iv), ct));
    const bytes = pfx([dataSafe(...bags)], 1, true);
    assert.equal(readPfxPublic(bytes).keyCount, 40); // listing derives nothing
    const { ms } = refused(() => readPfx(bytes, PW), 'PFX_ITERATIONS_TOTAL');
    assert.ok(ms < 30_000, `${ms} ms`);
  });
});
