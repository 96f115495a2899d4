/**
 * PKCS#12 writer. Modern (default): PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC with a SHA-256
 * MAC; legacy: pbeWithSHAAnd3-KeyTripleDES-CBC with a SHA-1 MAC, for Java-8-era software.
 * Certificate safes stay unencrypted unless asked (E-IMZO style: keys list without a password).
 */
import { w } from '../../asn1/index.js';
import { OID } from '../../crypto/index.js';
import { buildMacData } from './mac.js';
import { pbeEncrypt, type EncryptOptions } from './pbe.js';
import type { PfxStructure, SafeBag } from './structure.js';

export const DEFAULT_ITERATIONS = 10_000;

export interface PfxWriteOptions {
  legacy?: boolean;
  /** PBKDF2 / PKCS#12 KDF iteration count, also used for the MAC (default 10,000). */
  iterations?: number;
}

function encodeBag(bag: SafeBag, password: string, enc: EncryptOptions): Buffer {
  let valueDer: Buffer;
  if (bag.bagOid === OID.pkcs8ShroudedKeyBag) {
    if (!bag.value) throw new RangeError('shrouded key bag without a decrypted key');
    const [alg, ct] = pbeEncrypt(bag.value, password, enc);
    valueDer = w.sequence(alg, w.octetString(ct));
  } else {
    if (!bag.value) throw new RangeError('bag without a value');
    valueDer = bag.value;
  }
  const parts = [w.oid(bag.bagOid), w.explicit(0, valueDer)];
  if (bag.attributes.length) parts.push(w.set(...bag.attributes));
  return w.sequence(...parts);
}

/** Serialise a PFX structure (all bags must hold decrypted values). */
export function encodePfx(pfx: PfxStructure, password: string, opts: PfxWriteOptions = {}): Buffer {
  const iterations = opts.iterations ?? DEFAULT_ITERATIONS;
  const enc: EncryptOptions = { mode: opts.legacy ? 'legacy' : 'modern', iterations };
  const contentInfos = pfx.safes.map((safe) => {
    if (!safe.readable) throw new RangeError('cannot re-encode an unread safe');
    const safeContents = w.sequence(...safe.bags.map((b) => encodeBag(b, password, enc)));
    if (!safe.encrypted) return w.sequence(w.oid(OID.data), w.explicit(0, w.octetString(safeContents)));
    const [alg, ct] = pbeEncrypt(safeContents, password, enc);
    const eci = w.sequence(w.oid(OID.data), alg, w.implicitPrimitive(0, ct));
    return w.sequence(w.oid(OID.encryptedData), w.explicit(0, w.sequence(w.integer(0), eci)));
  });
  const authSafe = w.sequence(...contentInfos);
  const mac = buildMacData(opts.legacy ? 'sha1' : 'sha256', password, iterations, authSafe);
  return w.sequence(w.integer(3), w.sequence(w.oid(OID.data), w.explicit(0, w.octetString(authSafe))), mac);
}

export function friendlyNameAttribute(name: string): Buffer {
  return w.sequence(w.oid(OID.friendlyName), w.set(w.bmp(name)));
}

export function localKeyIdAttribute(id: Uint8Array): Buffer {
  return w.sequence(w.oid(OID.localKeyId), w.set(w.octetString(id)));
}

export function certBagValue(certDer: Uint8Array): Buffer {
  return w.sequence(w.oid(OID.x509Certificate), w.explicit(0, w.octetString(certDer)));
}
