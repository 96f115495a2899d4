// Discovery, listing without a password, resolving <file|alias|serial>, opening, and the
// password change (atomic, .bak, nothing written on a wrong password) — on real temp folders.
import { strict as assert } from 'node:assert';
import { readFileSync, statSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { KeyPasswordError, UsageError } from '../../src/lib/errors/index.js';
import {
  changeKeyPassword,
  keyRoots,
  listKeys,
  openKey,
  resolveKeyRef,
  saveKeyFile,
} from '../../src/lib/keys/index.js';
import { aliasFor, encodePublicKey, publicKeyOf, readPfx, writePfx } from '../../src/lib/pki/index.js';
import { opensslTry, tempDir } from '../pki/helpers.js';
import { discovery, makeStick, PW } from './fixtures.js';

describe('key discovery and listing', () => {
  const fx = makeStick();

  it('reads .pfx from each root and its DSKEYS child only, reporting damaged files', async () => {
    const { keys, problems } = await listKeys(discovery(fx));
    assert.deepEqual(keys.map((k) => path.basename(k.path)).sort(), [
      'DS2012345670001.pfx',
      'DS312345678901230001.pfx',
      'DS344444444444440001.pfx',
      'old.pfx',
      'soon.PFX',
    ]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.path, fx.files.damaged);
    assert.equal(problems[0]!.code, 'PFX_MALFORMED');
    const person = keys.find((k) => k.path === fx.files.person)!;
    assert.equal(person.source, 'certificate');
    assert.equal(person.pinfl, '31234567890123');
    assert.equal(person.algorithm, 'EC');
    assert.equal(person.state, 'valid');
    const company = keys.find((k) => k.path === fx.files.company)!;
    assert.deepEqual(
      [company.tin, company.organization, company.algorithm, company.bits],
      ['201234567', 'Ishonch, MChJ', 'RSA', 2048],
    );
    assert.equal(keys.find((k) => k.path === fx.files.expired)!.state, 'expired');
    const gost = keys.find((k) => k.path === fx.files.gost)!;
    assert.deepEqual([gost.algorithm, gost.curve, gost.uid], ['OZDST-1092', 'A', '512345678']);
  });

  it('takes roots from ONEID_KEYS_PATH and ~/DSKEYS, deduplicated', async () => {
    const home = tempDir('oneid-home-');
    mkdirSync(path.join(home, 'DSKEYS'));
    const usb = tempDir('oneid-usb-');
    const roots = await keyRoots({
      roots: [fx.root],
      env: { ONEID_KEYS_PATH: `${fx.root}:${fx.dskeys}`, HOME: home },
      mounts: [usb],
    });
    const paths = roots.map((r) => r.path);
    assert.deepEqual(paths, [fx.root, fx.dskeys, path.join(home, 'DSKEYS'), usb]);
    assert.deepEqual(
      roots.map((r) => r.source),
      ['configured', 'env', 'home', 'removable'],
    );
    assert.equal(new Set(paths).size, paths.length);
    assert.ok(roots.find((r) => r.path === path.join(home, 'DSKEYS'))?.exists);
  });

  it('does not read a huge file named .pfx into memory', async () => {
    const root = tempDir('oneid-big-');
    writeFileSync(path.join(root, 'movie.pfx'), Buffer.alloc(2 << 20));
    const { keys, problems } = await listKeys({ roots: [root], systemRoots: false, env: {} });
    assert.equal(keys.length, 0);
    assert.equal(problems[0]!.code, 'KEY_FILE_TOO_LARGE');
    await assert.rejects(
      openKey(path.join(root, 'movie.pfx'), 'x'),
      (e: unknown) => (e as { code?: string }).code === 'KEY_FILE_TOO_LARGE',
    );
  });

  it('falls back to the alias when the certificate bag is encrypted', async () => {
    const root = tempDir('oneid-enc-');
    const k = fx.keys.person!;
    writeFileSync(
      path.join(root, 'enc.pfx'),
      writePfx({ ...k, password: PW, encryptCertificates: true, iterations: 1 }),
    );
    const { keys } = await listKeys({ roots: [root], systemRoots: false, env: {} });
    assert.equal(keys[0]!.source, 'alias');
    assert.deepEqual(keys[0]!.unreadable, ['certificates']);
    assert.equal(keys[0]!.pinfl, '31234567890123');
    assert.equal(keys[0]!.serial, k.certificate.serialHex);
    assert.equal(keys[0]!.validTo, k.certificate.notAfter.toISOString());
  });
});

describe('key store', () => {
  const fx = makeStick();
  const opts = discovery(fx);

  it('resolves a path, a serial, a PINFL/TIN, the alias, a file name and a unique part of a name', async () => {
    const serial = fx.keys.company!.certificate.serialHex;
    assert.equal((await resolveKeyRef(fx.files.person!, opts)).path, fx.files.person);
    assert.equal((await resolveKeyRef(serial.toUpperCase(), opts)).path, fx.files.company);
    assert.equal((await resolveKeyRef('201234567', opts)).path, fx.files.company);
    assert.equal((await resolveKeyRef(aliasFor(fx.keys.person!.certificate), opts)).path, fx.files.person);
    assert.equal((await resolveKeyRef('old', opts)).path, fx.files.expired);
    assert.equal((await resolveKeyRef('valiyev', opts)).path, fx.files.company);
    await assert.rejects(
      resolveKeyRef('key', opts),
      (e: unknown) => e instanceof UsageError && e.code === 'KEY_REF_AMBIGUOUS',
    );
    await assert.rejects(
      resolveKeyRef('nobody', opts),
      (e: unknown) => e instanceof UsageError && e.code === 'KEY_NOT_FOUND',
    );
  });

  it('opens a key into private key + certificate + chain; a wrong password is KeyPasswordError', async () => {
    const k = await openKey('31234567890123', PW, opts);
    assert.equal(k.path, fx.files.person);
    assert.ok(encodePublicKey(publicKeyOf(k.privateKey)).equals(Buffer.from(k.certificate.spki)));
    assert.equal(k.chain.length, 3);
    assert.equal(k.alias, aliasFor(k.certificate));
    let asked = 0;
    await openKey(fx.files.person!, async () => (asked++, PW), opts);
    assert.equal(asked, 1);
    await assert.rejects(openKey(fx.files.person!, 'nope', opts), KeyPasswordError);
    const gost = await openKey('34444444444444', PW, opts);
    assert.equal((gost.privateKey as { kind?: string }).kind, 'gost2001');
    assert.ok(encodePublicKey(publicKeyOf(gost.privateKey)).equals(Buffer.from(gost.certificate.spki)));
  });

  it('changes the password atomically with a .bak; a wrong old password writes nothing', async () => {
    const file = fx.files.company!;
    const before = readFileSync(file);
    await assert.rejects(changeKeyPassword(file, 'wrong', 'x'), KeyPasswordError);
    assert.ok(readFileSync(file).equals(before));
    assert.ok(!existsSync(`${file}.bak`));

    const r = await changeKeyPassword(file, PW, 'n3w-pass');
    assert.equal(r.backup, `${file}.bak`);
    assert.ok(readFileSync(`${file}.bak`).equals(before));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const after = readPfx(readFileSync(file), 'n3w-pass');
    assert.equal(after.alias, readPfx(before, PW).alias);
    assert.throws(() => readPfx(readFileSync(file), PW), KeyPasswordError);
    const info = opensslTry(['pkcs12', '-info', '-noout', '-in', file, '-passin', 'pass:n3w-pass']);
    assert.equal(info.code, 0, info.out);
    assert.match(info.out, /Iteration 10000/, 'raised to the 10,000 minimum');

    await changeKeyPassword(file, 'n3w-pass', 'third', { backup: false, legacy: true });
    assert.ok(readFileSync(`${file}.bak`).equals(before), '--no-backup leaves the old .bak alone');
    assert.equal(
      readPfx(readFileSync(file), 'third').protection.keys[0]!.scheme,
      'pbeWithSHAAnd3-KeyTripleDES-CBC',
    );
  });

  it('saves a new key file with mode 0600 and refuses to overwrite without force', async () => {
    const dir = tempDir('oneid-save-');
    const file = path.join(dir, 'new.pfx');
    const bytes = writePfx({ ...fx.keys.person!, password: PW, iterations: 1 });
    await saveKeyFile(file, bytes);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    await assert.rejects(
      saveKeyFile(file, bytes),
      (e: unknown) => e instanceof UsageError && e.code === 'KEY_EXISTS',
    );
    await saveKeyFile(file, bytes, { force: true });
  });
});
