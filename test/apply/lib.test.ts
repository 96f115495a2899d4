/**
 * The key-application library without a portal: local image checks, --alg, files that are never
 * overwritten, the choice of key folder, application state, and the checks made before a key is
 * installed (certificate for another key, chain that does not verify, idempotent install).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
  checkImage,
  checkKeyFolder,
  installKey,
  keyFolderCandidates,
  listStates,
  loadState,
  parseKeyAlgorithm,
  saveState,
  type ApplicationState,
} from '../../src/lib/apply/index.js';
import { writeNewFile } from '../../src/lib/apply/files.js';
import { createPendingKey, openPendingKey } from '../../src/lib/apply/pending-key.js';
import { isOneIdError } from '../../src/lib/errors/index.js';
import {
  createCa,
  encodePublicKey,
  generatePrivateKey,
  issueCertificate,
  publicKeyOf,
  readPfx,
  readPfxPublic,
} from '../../src/lib/pki/index.js';
import { jpeg, png, tempFolder } from './helpers.js';

const tmp = () => tempFolder('oneid-apply-lib-');

async function rejects(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isOneIdError(e), String(e));
    assert.equal(e.code, code);
    return true;
  });
}

describe('apply: local checks of photo and selfie', () => {
  const dir = tmp();
  const file = (name: string, data: Buffer | string) => {
    const p = path.join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  it('accepts PNG and JPEG by content, whatever the name', async () => {
    assert.equal((await checkImage('photo', file('a.jpg', png()))).type, 'image/png');
    assert.equal((await checkImage('selfie', file('b.png', jpeg()))).type, 'image/jpeg');
  });

  it('accepts exactly 5 MB and refuses one byte more', async () => {
    assert.equal(
      (await checkImage('photo', file('max.jpg', jpeg(5 * 1024 * 1024)))).bytes.length,
      5 * 1024 * 1024,
    );
    await rejects(checkImage('photo', file('over.jpg', jpeg(5 * 1024 * 1024 + 1))), 'DOCUMENT_TOO_LARGE');
  });

  it('refuses text, an empty file, a PNG signature without a header, a folder and a missing file', async () => {
    await rejects(checkImage('photo', file('t.jpg', 'hello')), 'DOCUMENT_NOT_IMAGE');
    await rejects(checkImage('photo', file('e.png', '')), 'DOCUMENT_NOT_IMAGE');
    await rejects(checkImage('photo', file('h.png', png().subarray(0, 8))), 'DOCUMENT_NOT_IMAGE');
    await rejects(checkImage('photo', dir), 'DOCUMENT_UNREADABLE');
    await rejects(checkImage('selfie', path.join(dir, 'nope.jpg')), 'DOCUMENT_UNREADABLE');
  });
});

describe('apply: --alg', () => {
  it("defaults to O'z DSt 1092 curve A and reads the variants", () => {
    assert.deepEqual(parseKeyAlgorithm(undefined), { spec: { alg: 'ozdst', curve: 'A' }, label: 'ozdst:A' });
    assert.equal(parseKeyAlgorithm('ozdst:c').label, 'ozdst:C');
    assert.equal(parseKeyAlgorithm('rsa').label, 'rsa:2048');
    assert.equal(parseKeyAlgorithm('RSA:4096').label, 'rsa:4096');
    assert.equal(parseKeyAlgorithm('ec').label, 'ec:P-256');
    for (const bad of ['dsa', 'rsa:1024', 'ozdst:D', 'ec:P-521', 'ec:P-256:x', ''])
      assert.throws(
        () => parseKeyAlgorithm(bad),
        (e: unknown) => isOneIdError(e) && e.code === 'ALGORITHM_INVALID',
      );
  });
});

describe('apply: files that are never overwritten', () => {
  it('creates 0600 files and refuses an existing name, leaving it and no temp file behind', async () => {
    const dir = tmp();
    const f = path.join(dir, 'DS1.pfx');
    await writeNewFile(f, Buffer.from('first'));
    assert.equal(statSync(f).mode & 0o777, 0o600);
    await rejects(writeNewFile(f, Buffer.from('second')), 'KEY_FILE_EXISTS');
    assert.equal(readFileSync(f, 'utf8'), 'first');
    assert.deepEqual(readdirSync(dir), ['DS1.pfx']);
  });
});

describe('apply: key folder', () => {
  it('uses a DSKEYS root as is, gives other roots a DSKEYS folder, ~/DSKEYS last', async () => {
    const root = tmp();
    const env = { HOME: path.join(root, 'home'), ONEID_KEYS_PATH: path.join(root, 'stick', 'DSKEYS') };
    const list = await keyFolderCandidates([path.join(root, 'conf')], {
      ...env,
      ONEID_KEYS_SYSTEM_ROOTS: '0',
    });
    assert.deepEqual(
      list.map((c) => [c.path, c.source]),
      [
        [path.join(root, 'conf', 'DSKEYS'), 'configured'],
        [path.join(root, 'stick', 'DSKEYS'), 'env'],
      ],
    );
    const none = await keyFolderCandidates([], { HOME: env.HOME, ONEID_KEYS_SYSTEM_ROOTS: '0' });
    assert.deepEqual(
      none.map((c) => c.path),
      [path.join(root, 'home', 'DSKEYS')],
    );
  });
});

describe('apply: state', () => {
  it('saves atomically, reads back, lists, and reports a damaged file', async () => {
    const env = { ONEID_CONFIG_DIR: tmp() };
    const s: ApplicationState = {
      version: 1,
      id: 'ka_test1',
      portal: 'http://127.0.0.1:1',
      type: 'individual',
      pinfl: '31507851234567',
      phoneMasked: '+998 90 *** ** 67',
      algorithm: 'ec:P-256',
      dir: '/tmp',
      photo: 'p',
      selfie: 's',
      step: 'started',
      status: 'awaiting_sms',
      history: [{ status: 'awaiting_sms', at: new Date().toISOString() }],
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };
    await saveState(s, env);
    assert.deepEqual(await loadState('ka_test1', env), s);
    assert.equal(await loadState('ka_other', env), undefined);
    await rejects(loadState('../etc/passwd', env), 'APPLICATION_ID_INVALID');
    writeFileSync(path.join(env.ONEID_CONFIG_DIR, 'applications', 'ka_bad.json'), '{');
    await rejects(loadState('ka_bad', env), 'APPLICATION_STATE_CORRUPT');
    assert.deepEqual(
      (await listStates(env)).map((x) => x.id),
      ['ka_test1'],
    );
  });
});

describe('apply: pending key and install', function () {
  this.timeout(20_000);
  const password = 'Pw-123456!';
  const ca = createCa({ key: { alg: 'ec' } });
  // Same name as the real CA, another key: only the signature tells them apart.
  const other = createCa({ key: { alg: 'ec' } });

  async function pending(dir: string) {
    const file = path.join(dir, 'ka_x.pending.pfx');
    const made = await createPendingKey({
      file,
      spec: { alg: 'ec' },
      password,
      applicationId: 'ka_x',
      subject: { C: 'UZ' },
    });
    return { file, made };
  }
  const issue = (spki: Uint8Array, by = ca, serial?: bigint) =>
    issueCertificate(by, { subject: { CN: 'TEST USER', PINFL: '31507851234567' }, publicKey: spki, serial });

  it('keeps the private key in a 0600 PFX that opens with the password and is never replaced', async () => {
    const dir = tmp();
    const { file, made } = await pending(dir);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const opened = await openPendingKey(file, password);
    assert.deepEqual(opened.spki, made.spki);
    await rejects(openPendingKey(file, 'wrong-password'), 'KEY_PASSWORD');
    await rejects(
      createPendingKey({ file, spec: { alg: 'ec' }, password, applicationId: 'ka_x', subject: { C: 'UZ' } }),
      'KEY_FILE_EXISTS',
    );
    assert.deepEqual((await openPendingKey(file, password)).spki, made.spki);
  });

  it('installs under a free DS<id><seq> name with alias and chain; a repeat finds it; never overwrites', async () => {
    const dir = tmp();
    const keys = path.join(dir, 'DSKEYS');
    mkdirSync(keys);
    writeFileSync(path.join(keys, 'DS315078512345670001.pfx'), 'somebody else');
    const { file } = await pending(dir);
    const key = await openPendingKey(file, password);
    const cert = issue(key.spki);
    const issued = {
      serialNumber: cert.serialHex,
      certificate: Buffer.from(cert.raw),
      chain: ca.chain.map((c) => Buffer.from(c.raw)),
    };
    const holder = { pinfl: '31507851234567' };
    const done = await installKey({ dir: keys, holder, issued, pending: key, password });
    assert.equal(path.basename(done.path), 'DS315078512345670002.pfx');
    assert.equal(readFileSync(path.join(keys, 'DS315078512345670001.pfx'), 'utf8'), 'somebody else');
    const pfx = readFileSync(done.path);
    assert.match(readPfxPublic(pfx).alias!, new RegExp(`serialnumber=${cert.serialHex},validfrom=`));
    const opened = readPfx(pfx, password);
    assert.deepEqual(encodePublicKey(publicKeyOf(opened.privateKey)), key.spki);
    assert.equal(opened.chain.length, 2);
    const again = await installKey({ dir: keys, holder, issued, pending: key, password });
    assert.equal(again.path, done.path);
    assert.equal(readdirSync(keys).length, 2);
  });

  it('refuses a certificate for another key and a chain that does not verify; nothing is written', async () => {
    const dir = tmp();
    const { file } = await pending(dir);
    const key = await openPendingKey(file, password);
    const stranger = encodePublicKey(publicKeyOf(generatePrivateKey({ alg: 'ec' })));
    const wrongKey = issue(stranger);
    const chain = ca.chain.map((c) => Buffer.from(c.raw));
    await rejects(
      installKey({
        dir,
        holder: {},
        issued: { serialNumber: '1', certificate: Buffer.from(wrongKey.raw), chain },
        pending: key,
        password,
      }),
      'ISSUED_KEY_MISMATCH',
    );
    const forged = issue(key.spki, other);
    await rejects(
      installKey({
        dir,
        holder: {},
        issued: { serialNumber: '1', certificate: Buffer.from(forged.raw), chain },
        pending: key,
        password,
      }),
      'ISSUED_CHAIN_INVALID',
    );
    await rejects(
      installKey({
        dir,
        holder: {},
        issued: { serialNumber: '1', certificate: Buffer.from(issue(key.spki).raw), chain: [] },
        pending: key,
        password,
      }),
      'ISSUED_CHAIN_INVALID',
    );
    assert.deepEqual(
      readdirSync(dir).filter((n) => !n.includes('pending')),
      [],
    );
  });
});

describe('apply: key folder checked without creating it', () => {
  it('accepts an existing folder or a new one under a writable parent, creating nothing', async () => {
    const root = tmp();
    assert.equal(await checkKeyFolder(root), root);
    const nested = path.join(root, 'stick', 'DSKEYS');
    assert.equal(await checkKeyFolder(nested), nested);
    assert.deepEqual(readdirSync(root), []);
  });

  it('refuses a path through a file (exit 2, names the folder and the reason)', async () => {
    const root = tmp();
    writeFileSync(path.join(root, 'file'), 'x');
    await rejects(checkKeyFolder(path.join(root, 'file', 'DSKEYS')), 'KEY_FOLDER_UNUSABLE');
    await rejects(checkKeyFolder(path.join(root, 'file')), 'KEY_FOLDER_UNUSABLE');
  });
});
