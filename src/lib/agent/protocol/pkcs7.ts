/**
 * Plugin `pkcs7`: signatures as `oneid key sign` makes them (the E-IMZO form; O'z DSt 1092/1106,
 * RSA, ECDSA), attached or detached, co-signing, timestamp tokens, and what a signature holds.
 * Every signature is counted against the key's budget before it is made and logged after.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  parseSignedData,
  signBytes,
  cosignSigner,
  verifySignature,
  type VerifyReport,
} from '../../sign/index.js';
import { Refusal } from '../refusal.js';
import { unlockedKey } from './access.js';
import { base64, str } from './args.js';
import type { Call, Plugin, Reply } from './types.js';
import { attachTimestamp } from './timestamp.js';

async function signed(
  c: Call,
  keyId: unknown,
  content: Buffer,
  make: (
    signer: NonNullable<Awaited<ReturnType<typeof unlockedKey>>['signer']>,
  ) => Promise<{ der: Buffer; signature: Buffer }>,
  o: { detached: boolean; cosign: boolean },
): Promise<Reply> {
  const u = await unlockedKey(c, keyId);
  const { keys, audit } = c.core;
  // Reserved before any await: concurrent requests never sign past the budget or the expiry.
  if (!keys.stillUnlocked(u))
    throw new Refusal('agent.reason.locked', { name: path.basename(u.file), origin: c.origin });
  const signer = u.signer;
  keys.counted(u);
  const { der, signature } = await make(signer);
  audit.append({
    time: new Date().toISOString(),
    origin: c.origin,
    key: path.basename(u.file),
    serial: u.serial,
    owner: u.owner,
    sha256: createHash('sha256').update(content).digest('hex'),
    bytes: content.length,
    mode: o.detached ? 'detached' : 'attached',
    cosign: o.cosign,
  });
  return {
    pkcs7_64: der.toString('base64'),
    signer_serial_number: u.serial,
    signature_hex: signature.toString('hex'),
  };
}

/** The signature value of the SignerInfo a co-signature appended (the last one). */
const lastSignature = (der: Buffer): Buffer => parseSignedData(der).signers.at(-1)!.signature;

function parsed(pkcs7: Buffer) {
  try {
    return parseSignedData(pkcs7);
  } catch {
    throw new Refusal('agent.reason.badPkcs7');
  }
}

/** The signers and content, in E-IMZO-SERVER's words (REFERENCES.md §3). */
async function info(pkcs7: Buffer, content?: Buffer): Promise<Reply> {
  const sd = parsed(pkcs7);
  let report: VerifyReport;
  try {
    report = await verifySignature(pkcs7, content ? { content } : {});
  } catch {
    throw new Refusal('agent.reason.badPkcs7');
  }
  return {
    pkcs7Info: {
      signers: report.signers.map((r, i) => ({
        signerId: { subjectSerialNumber: r.signerSerial },
        signingTime: r.signingTime,
        signature: sd.signers[i]?.signature.toString('hex'),
        verified: r.signatureValid && r.digestMatches,
        certificateValidAtSigningTime: r.certificateValidAtSigningTime,
        subjectName: r.signer,
        digestAlgorithm: r.digestAlgorithm,
        signatureAlgorithm: r.signatureAlgorithm,
        timestamp: r.timestamp,
      })),
      certificates: sd.certificates.map((b) => b.toString('base64')),
      documentBase64: (content ?? sd.content)?.toString('base64'),
    },
  };
}

export const pkcs7: Plugin = {
  create_pkcs7: {
    args: ['data64', 'keyId', 'detached'],
    fn: (c) => {
      const data = base64(c, 0, 'data64');
      const detached = str(c, 2, 'detached', { optional: true }).toLowerCase() === 'yes';
      return signed(c, c.args[1], data, async (s) => signBytes(s, data, { detached }), {
        detached,
        cosign: false,
      });
    },
  },
  append_pkcs7_attached: {
    args: ['pkcs7_64', 'keyId'],
    fn: (c) => {
      const existing = base64(c, 0, 'pkcs7_64');
      const content = parsed(existing).content;
      if (!content) throw new Refusal('agent.reason.notAttached');
      return signed(
        c,
        c.args[1],
        content,
        async (s) => {
          const der = await cosignSigner(existing, s, {});
          return { der, signature: lastSignature(der) };
        },
        { detached: false, cosign: true },
      );
    },
  },
  append_pkcs7_detached: {
    args: ['data64', 'pkcs7_64', 'keyId'],
    fn: (c) => {
      const data = base64(c, 0, 'data64');
      const existing = base64(c, 1, 'pkcs7_64');
      if (parsed(existing).content) throw new Refusal('agent.reason.notDetached');
      return signed(
        c,
        c.args[2],
        data,
        async (s) => {
          const der = await cosignSigner(existing, s, {}, data);
          return { der, signature: lastSignature(der) };
        },
        { detached: true, cosign: true },
      );
    },
  },
  attach_timestamp_token_pkcs7: {
    args: ['pkcs7_64', 'signer_serial_number', 'timestamp_token64'],
    fn: (c) => ({
      pkcs7_64: attachTimestamp(
        base64(c, 0, 'pkcs7_64'),
        str(c, 1, 'signer_serial_number'),
        base64(c, 2, 'timestamp_token64'),
      ).toString('base64'),
    }),
  },
  get_pkcs7_attached_info: { args: ['pkcs7_64'], fn: (c) => info(base64(c, 0, 'pkcs7_64')) },
  get_pkcs7_detached_info: {
    args: ['data64', 'pkcs7_64'],
    fn: (c) => info(base64(c, 1, 'pkcs7_64'), base64(c, 0, 'data64')),
  },
};
