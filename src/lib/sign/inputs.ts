/**
 * Batch inputs: explicit files, directories (direct files; all descendants with `recursive`),
 * glob patterns (tinyglobby), and lists (`--files-from FILE`, or `-` for stdin; NUL- or
 * newline-separated). Each input keeps a relative path so outputs under `--out-dir` mirror it.
 * Signatures (`*.p7s`) and our temp files are never picked up by directory or glob expansion.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { UsageError } from '../errors/index.js';
import { TEMP_SUFFIX } from '../files/index.js';

export interface InputSpec {
  /** Files, directories and glob patterns. */
  args: string[];
  recursive?: boolean;
  /** A list file path, or '-' for `stdin`. */
  filesFrom?: string;
  stdin?: NodeJS.ReadableStream;
  cwd?: string;
  /** Keep `*.p7s` files found in folders and patterns (verification). */
  includeSignatures?: boolean;
}

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the working directory (or to the argument's root when outside it). */
  rel: string;
}

const GLOB_CHARS = /[*?[\]{}]/;
const isTemp = (name: string) => name.endsWith(TEMP_SUFFIX);
const isSignature = (name: string) => name.endsWith('.p7s');

export function splitList(text: string): string[] {
  const sep = text.includes('\0') ? '\0' : /\r?\n/;
  return text.split(sep).filter((s) => s.length > 0);
}

async function readStream(s: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks).toString('utf8');
}

async function walk(
  dir: string,
  recursive: boolean,
  skip: (name: string) => boolean,
  out: string[],
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (recursive) await walk(full, true, skip, out);
    } else if (e.isFile() && !skip(e.name)) out.push(full);
  }
}

export async function collectInputs(spec: InputSpec): Promise<InputFile[]> {
  const cwd = spec.cwd ?? process.cwd();
  const skip = (name: string) => isTemp(name) || (!spec.includeSignatures && isSignature(name));
  const seen = new Set<string>();
  const out: InputFile[] = [];
  const add = (abs: string, root: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const fromCwd = path.relative(cwd, abs);
    const inside = fromCwd && !fromCwd.startsWith('..') && !path.isAbsolute(fromCwd);
    out.push({ path: abs, rel: inside ? fromCwd : path.relative(root, abs) || path.basename(abs) });
  };
  const args = [...spec.args];
  if (spec.filesFrom !== undefined) {
    const list = spec.filesFrom;
    const text =
      list === '-'
        ? await readStream(spec.stdin ?? process.stdin)
        : await readFile(list, 'utf8').catch(() => {
            throw new UsageError('SIGN_INPUT_MISSING', 'sign.error.inputMissing', {
              params: { paths: list },
            });
          });
    args.push(...splitList(text));
  }
  const missing: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const st = await stat(abs).catch(() => undefined);
    if (st?.isDirectory()) {
      const files: string[] = [];
      await walk(abs, spec.recursive ?? false, skip, files);
      for (const f of files) add(f, abs);
    } else if (st) add(abs, path.dirname(abs));
    else if (GLOB_CHARS.test(arg)) {
      const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false });
      matches.sort();
      for (const m of matches) if (!skip(path.basename(m))) add(path.resolve(m), cwd);
    } else missing.push(arg);
  }
  // A file that is not there is a usage error before anything is signed (exit 2), not a failed item.
  if (missing.length)
    throw new UsageError('SIGN_INPUT_MISSING', 'sign.error.inputMissing', {
      params: { paths: missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '') },
    });
  return out;
}

/** `a/b.pdf` → `a/b.pdf.p7s` beside it, or `<outDir>/<rel>.p7s`. */
export function outputFor(input: InputFile, outDir?: string): string {
  return outDir ? path.join(path.resolve(outDir), input.rel + '.p7s') : input.path + '.p7s';
}
