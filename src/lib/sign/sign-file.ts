/**
 * Sign one file with an opened signer: stream digest → signed attributes → private-key operation
 * → (timestamp) → DER → atomic write. Used by the workers of the batch engine and by `signFile`.
 */
import { readFile } from 'node:fs/promises';
import { isOneIdError, SignatureError, UsageError } from '../errors/index.js';
import { w } from '../asn1/index.js';
import {
  OutputExistsError,
  pathExists,
  writeFileAtomic,
  writePiecesAtomic,
  type Piece,
  type WriteOptions,
} from '../files/index.js';
import { algorithmId, encodeSignedData } from './cms-encode.js';
import { parseSignedData, type ParsedSignerInfo } from './cms-decode.js';
import { CHUNK, digestBuffer, digestFile, readSmallSync } from './digest.js';
import type { DigestName } from './algorithms.js';
import type { Signer } from './signer.js';
import { limitError } from './chain.js';
import { VERIFY_LIMITS } from './verify.js';
import { encodeSignature, encoderFor, type SignatureFormat } from './transport.js';

/** Signatures are public (0644); the folder's fsync is left to the OS (one per file cost too much). */
function outputOptions(replace: boolean, durable = true): WriteOptions {
  return { mode: 0o644, replace, durable, syncDir: false };
}

/** What to do when the output already exists. */
export type ExistingPolicy = 'fail' | 'force' | 'resume' | 'append';

export interface SignSettings {
  detached: boolean;
  existing: ExistingPolicy;
  /** RFC 3161 TSA URL: embed a timestamp token per signature. */
  timestampUrl?: string;
  /** Fixed signing time (tests, reproducible output); default: now. */
  signingTime?: Date;
  /**
   * fsync each output before publishing it (default true). Without it outputs are still atomic
   * against kills and Ctrl-C, but not against a power loss; the benchmark uses it to show what
   * the fsync costs (docs/benchmarks.md), the CLI always syncs.
   */
  durable?: boolean;
  /** The form written (default `der`); co-signing reads any form and writes this one. */
  format?: SignatureFormat;
}

export type FileStatus = 'signed' | 'appended' | 'skipped' | 'failed';

export interface FileResult {
  input: string;
  output: string;
  status: FileStatus;
  /** Error code when failed (`SIGN_OUTPUT_EXISTS`, `SIGN_INPUT_UNREADABLE`…). */
  code?: string;
  /** i18n key and parameters of the failure, rendered by the CLI in the user's language. */
  messageKey?: string;
  params?: Record<string, string | number | boolean | undefined>;
  /** English message (programmatic users, logs). */
  message?: string;
  bytes?: number;
  /** The form of the signature written (signed, appended). */
  format?: SignatureFormat;
}

function failed(input: string, output: string, e: unknown): FileResult {
  if (e instanceof OutputExistsError)
    return {
      input,
      output,
      status: 'failed',
      code: 'SIGN_OUTPUT_EXISTS',
      messageKey: 'sign.error.outputExists',
      params: { output },
      message: `output exists: ${output}`,
    };
  if (isOneIdError(e))
    return {
      input,
      output,
      status: 'failed',
      code: e.code,
      messageKey: e.key,
      params: e.params,
      message: e.message,
    };
  const err = e as NodeJS.ErrnoException;
  return {
    input,
    output,
    status: 'failed',
    code:
      err?.code === 'ENOENT' || err?.code === 'EISDIR' || err?.code === 'EACCES'
        ? 'SIGN_INPUT_UNREADABLE'
        : 'SIGN_IO',
    messageKey: 'sign.error.io',
    params: { file: input, reason: String(err?.message ?? e) },
    message: String(err?.message ?? e),
  };
}

async function signedAttributesFor(
  signer: Signer,
  digest: Buffer,
  s: Pick<SignSettings, 'timestampUrl' | 'signingTime'>,
): Promise<Buffer> {
  const attrs = signer.template.signAttributes(digest, s.signingTime ?? new Date());
  let unsigned: Buffer[] = [];
  if (s.timestampUrl) {
    // Loaded on demand: most runs never timestamp, and worker start-up counts in every batch.
    const { requestTimestamp, timestampAttribute } = await import('./timestamp.js');
    unsigned = [timestampAttribute(await requestTimestamp(attrs.signature, { url: s.timestampUrl }))];
  }
  return signer.template.signerInfo(attrs, unsigned);
}

function isSigner(signer: Signer, si: ParsedSignerInfo): boolean {
  return !!si.serial?.equals(signer.certificate.serial) && !!si.issuer?.equals(signer.certificate.issuer);
}

/** True when `output` already holds a valid signature of `input` by this signer. */
async function hasValidSignature(signer: Signer, input: string, output: string): Promise<boolean> {
  try {
    const sig = await readFile(output);
    const sd = parseSignedData(sig);
    const mine = sd.signers.some((si) => isSigner(signer, si));
    if (!mine) return false;
    const { verifySignature } = await import('./verify.js');
    const report = await verifySignature(sig, sd.content === undefined ? { content: input } : {});
    if (sd.content !== undefined) {
      // Attached: the embedded content must still be this input's content.
      const d = (await digestFile(input, ['sha256'])).digests.get('sha256')!;
      if (!digestBuffer(sd.content, ['sha256']).get('sha256')!.equals(d)) return false;
    }
    return report.signers.every((s) => s.signatureValid && s.digestMatches);
  } catch {
    return false;
  }
}

export async function signOne(
  signer: Signer,
  s: SignSettings,
  input: string,
  output: string,
  buf?: Buffer,
): Promise<FileResult> {
  try {
    // 'fail' needs no check up front: publishing by link() refuses an existing output atomically.
    if (
      (s.existing === 'resume' || s.existing === 'append') &&
      (await pathExists(output, { followLinks: false }))
    ) {
      if (s.existing === 'append') return await appendSigner(signer, s, input, output);
      if (s.existing === 'resume' && (await hasValidSignature(signer, input, output)))
        return { input, output, status: 'skipped' };
      throw new OutputExistsError(output);
    }
    const alg = signer.template.algorithm;
    const small = readSmallSync(input, buf ?? Buffer.allocUnsafe(CHUNK));
    if (small) {
      const digest = digestBuffer(small, [alg.digest]).get(alg.digest)!;
      const si = await signedAttributesFor(signer, digest, s);
      const { head, tail } = signer.template.encode([si], s.detached ? null : small.length);
      const der = s.detached ? Buffer.concat([head, tail]) : Buffer.concat([head, small, tail]);
      const bytes = encodeSignature(der, s.format);
      await writeFileAtomic(output, bytes, outputOptions(s.existing === 'force', s.durable ?? true));
      return { input, output, status: 'signed', bytes: small.length, format: s.format ?? 'der' };
    }
    const fd = await digestFile(input, [alg.digest], buf);
    const si = await signedAttributesFor(signer, fd.digests.get(alg.digest)!, s);
    const { head, tail } = signer.template.encode([si], s.detached ? null : fd.size);
    const pieces: Piece[] = s.detached ? [head, tail] : [head, { file: input, length: fd.size }, tail];
    // The base64 forms are encoded on the way to the file: no extra pass over the content.
    const encode = encoderFor(s.format);
    await writePiecesAtomic(output, pieces, { ...outputOptions(s.existing === 'force'), buf, encode });
    return { input, output, status: 'signed', bytes: fd.size, format: s.format ?? 'der' };
  } catch (e) {
    return failed(input, output, e);
  }
}

/** Co-sign: add this signer to the SignedData in `output` (E-IMZO "append", server "join"). */
async function appendSigner(
  signer: Signer,
  s: SignSettings,
  input: string,
  output: string,
): Promise<FileResult> {
  const existing = await readFile(output);
  // Signing twice with the same key adds nothing: the file is already co-signed by this signer.
  if (parseSignedData(existing).signers.some((si) => isSigner(signer, si)))
    return { input, output, status: 'skipped' };
  const encoded = encodeSignature(await cosign(existing, signer, s, input), s.format);
  await writePiecesAtomic(output, [encoded], outputOptions(true));
  return { input, output, status: 'appended', format: s.format ?? 'der' };
}

/**
 * A new SignedData = `existing` + one more SignerInfo by `signer`. The content is `contentPath`
 * (a file, or the bytes themselves; detached) or the embedded content, which must equal
 * `contentPath`'s when both exist.
 */
export async function cosign(
  existing: Uint8Array,
  signer: Signer,
  s: Omit<SignSettings, 'existing' | 'detached'>,
  contentPath?: string | Uint8Array,
): Promise<Buffer> {
  const digestOf = async (c: string | Uint8Array, name: DigestName) =>
    typeof c === 'string'
      ? (await digestFile(c, [name])).digests.get(name)!
      : digestBuffer(c, [name]).get(name)!;
  const sd = parseSignedData(existing);
  // Never write a signature that no verifier here would read (see VERIFY_LIMITS).
  if (sd.signers.length >= VERIFY_LIMITS.signers)
    throw limitError('signers', sd.signers.length + 1, VERIFY_LIMITS.signers);
  const alg = signer.template.algorithm;
  let digest: Buffer;
  if (sd.content !== undefined) {
    digest = digestBuffer(sd.content, [alg.digest]).get(alg.digest)!;
    if (contentPath !== undefined) {
      const d = await digestOf(contentPath, alg.digest);
      if (!d.equals(digest))
        throw new SignatureError('SIGNATURE_CONTENT_MISMATCH', 'sign.error.contentMismatch', {
          params: { signer: typeof contentPath === 'string' ? contentPath : '', time: '' },
        });
    }
  } else {
    if (contentPath === undefined)
      throw new UsageError('SIGNATURE_CONTENT_REQUIRED', 'sign.error.contentRequired');
    digest = await digestOf(contentPath, alg.digest);
  }
  // The existing signers must have signed this same content (a detached signature joined with
  // another file would otherwise hold signers of different documents).
  for (const other of sd.signers)
    if (
      other.messageDigest &&
      other.digestOid === alg.digestOid &&
      !other.messageDigest.equals(digest) &&
      // O'z DSt digests may be stored reversed by other writers (accepted on verification too).
      !(alg.digest === 'ozdst-1106' && other.messageDigest.equals(Buffer.from(digest).reverse()))
    )
      throw new SignatureError('SIGNATURE_CONTENT_MISMATCH', 'sign.error.contentMismatch', {
        params: { signer: typeof contentPath === 'string' ? contentPath : '', time: '' },
      });
  const si = await signedAttributesFor(signer, digest, s);
  const digestOids = sd.digestOids.includes(alg.digestOid)
    ? sd.digestOids
    : [...sd.digestOids, alg.digestOid];
  const certs = [...sd.certificates];
  for (const c of signer.template.certificateList) if (!certs.some((x) => x.equals(c))) certs.push(c);
  const eci =
    sd.content === undefined
      ? w.sequence(w.oid(sd.eContentType))
      : w.sequence(w.oid(sd.eContentType), w.explicit(0, w.octetString(sd.content)));
  const { head, tail } = encodeSignedData({
    digestAlgorithms: w.set(...digestOids.map((o) => algorithmId(o))),
    contentLength: null,
    encapContentInfo: eci,
    certificates: w.implicitConstructed(0, ...certs.sort(Buffer.compare)),
    signerInfos: [...sd.signers.map((x) => x.raw), si],
  });
  return Buffer.concat([head, tail]);
}

/** A signature of bytes in memory (the agent's `create_pkcs7`): the DER and the signature value. */
export function signBytes(
  signer: Signer,
  data: Uint8Array,
  o: { detached: boolean; signingTime?: Date },
): { der: Buffer; signature: Buffer } {
  const alg = signer.template.algorithm;
  const digest = digestBuffer(data, [alg.digest]).get(alg.digest)!;
  const attrs = signer.template.signAttributes(digest, o.signingTime ?? new Date());
  const { head, tail } = signer.template.encode(
    [signer.template.signerInfo(attrs)],
    o.detached ? null : data.length,
  );
  return {
    der: o.detached ? Buffer.concat([head, tail]) : Buffer.concat([head, data, tail]),
    signature: attrs.signature,
  };
}
