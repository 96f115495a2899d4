// Fuzzing: ≥ 10,000 mutated PFX files and certificates go through every parser; each must end in
// a result or a typed OneIdError, never a crash, a hang or a foreign exception. The PRNG is seeded,
// so a failure names an input that can be reproduced.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { isOneIdError } from '../../src/lib/errors/index.js';
import {
  parseAlias,
  parseCertificate,
  parsePkcs10,
  buildPkcs10,
  readPfx,
  readPfxPublic,
  writePfx,
} from '../../src/lib/pki/index.js';
import { issueKey, openssl, tempDir, writePems } from './helpers.js';

/** xorshift32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

function mutate(src: Buffer, r: () => number): Buffer {
  const n = (k: number) => Math.floor(r() * k);
  const b = Buffer.from(src);
  switch (n(7)) {
    case 0: // flip a few bits
      for (let i = 0, m = 1 + n(4); i < m; i++) b[n(b.length)]! ^= 1 << n(8);
      return b;
    case 1: // overwrite a byte, biased to the header region where lengths and tags live
      b[r() < 0.5 ? n(Math.min(64, b.length)) : n(b.length)] = n(256);
      return b;
    case 2: // truncate
      return b.subarray(0, n(b.length));
    case 3: {
      // insert random bytes
      const at = n(b.length);
      return Buffer.concat([
        b.subarray(0, at),
        Buffer.from(Array.from({ length: 1 + n(8) }, () => n(256))),
        b.subarray(at),
      ]);
    }
    case 4: {
      // duplicate a chunk
      const at = n(b.length);
      const len = 1 + n(32);
      return Buffer.concat([b.subarray(0, at), b.subarray(at, at + len), b.subarray(at)]);
    }
    case 5: {
      // a long-form length that claims too much
      const at = n(b.length - 4);
      b[at] = 0x84;
      b[at + 1] = 0x7f;
      return b;
    }
    default: // pure noise, sometimes starting like a SEQUENCE
      return Buffer.from(
        Array.from({ length: 1 + n(300) }, (_, i) => (i === 0 && r() < 0.5 ? 0x30 : n(256))),
      );
  }
}

describe('fuzz: PKCS#12, X.509, PKCS#10 and alias parsers', function () {
  this.timeout(120_000);
  const PW = 'fuzz';
  const dir = tempDir();
  const rsa = issueKey({ alg: 'rsa', bits: 1024 });
  const ec = issueKey({ alg: 'ec' });
  const gost = issueKey({ alg: 'ozdst', curve: 'A' });
  const pems = writePems(dir, ec, 'ec');
  const osslDefault = path.join(dir, 'default.pfx');
  const osslLegacy = path.join(dir, 'legacy.pfx');
  const base = [
    'pkcs12',
    '-export',
    '-inkey',
    pems.key,
    '-in',
    pems.cert,
    '-certfile',
    pems.chain,
    '-passout',
    `pass:${PW}`,
    '-iter',
    '1',
  ];
  openssl([...base, '-out', osslDefault]);
  openssl([...base, '-legacy', '-out', osslLegacy]);
  // Low iteration counts keep 10,000 password attempts fast; the parsers are the same.
  const pfxSeeds = [
    writePfx({ ...rsa, password: PW, iterations: 1 }),
    writePfx({ ...ec, password: PW, iterations: 1, legacy: true }),
    writePfx({ ...gost, password: PW, iterations: 1 }),
    readFileSync(osslDefault),
    readFileSync(osslLegacy),
  ];
  const certSeeds = [
    Buffer.from(rsa.certificate.raw),
    Buffer.from(ec.certificate.raw),
    Buffer.from(ec.chain[1]!.raw),
    Buffer.from(gost.certificate.raw),
  ];
  const csrSeed = buildPkcs10({ subject: { CN: 'x', PINFL: '31234567890123' }, privateKey: ec.privateKey });

  it('≥ 10,000 mutated inputs end in a result or a typed error', () => {
    const r = rng(20261125);
    const foreign: string[] = [];
    const outcomes = { ok: 0, typed: 0 };
    const run = (label: string, i: number, fn: () => unknown) => {
      try {
        fn();
        outcomes.ok++;
      } catch (e) {
        if (isOneIdError(e)) outcomes.typed++;
        else if (foreign.length < 5) foreign.push(`${label} #${i}: ${(e as Error)?.stack ?? String(e)}`);
      }
    };
    let inputs = 0;
    for (let i = 0; i < 6000; i++) {
      const input = mutate(pfxSeeds[i % pfxSeeds.length]!, r);
      inputs++;
      run('readPfxPublic', i, () => readPfxPublic(input));
      // Password path: MAC, decryption, PKCS#8 and certificate parsing of damaged content.
      if (i % 2 === 0) run('readPfx', i, () => readPfx(input, PW));
    }
    for (let i = 0; i < 3500; i++) {
      const input = mutate(certSeeds[i % certSeeds.length]!, r);
      inputs++;
      run('parseCertificate', i, () => {
        const c = parseCertificate(input);
        return [c.publicKey, c.identity, c.keyUsage];
      });
    }
    for (let i = 0; i < 800; i++) {
      const input = mutate(csrSeed, r);
      inputs++;
      run('parsePkcs10', i, () => parsePkcs10(input).verify());
    }
    for (let i = 0; i < 200; i++) {
      inputs++;
      const s = mutate(
        Buffer.from('cn=a,o=b, c,serialnumber=0a,validfrom=2024.01.01 00:00:00,validto=2025.01.01 00:00:00'),
        r,
      );
      run('parseAlias', i, () => parseAlias(s.toString('latin1')));
    }
    if (process.env.FUZZ_VERBOSE) console.log(inputs, outcomes);
    assert.ok(inputs >= 10_000, `${inputs} inputs`);
    assert.deepEqual(foreign, [], 'untyped failures');
    assert.ok(outcomes.typed > 1000 && outcomes.ok > 100, JSON.stringify(outcomes));
  });
});
