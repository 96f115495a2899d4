/**
 * Creating key files that must never replace anything (see `src/lib/files`): an existing name is
 * a typed refusal, any other failure a typed write error naming the file.
 */
import { writeFileAtomic } from '../files/index.js';
import { KeyUnusableError } from '../errors/index.js';

export class FileExistsError extends KeyUnusableError {}

export async function writeNewFile(file: string, data: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(file, data, { replace: false });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new FileExistsError('KEY_FILE_EXISTS', 'apply.error.fileExists', { params: { path: file } });
    throw new KeyUnusableError('KEY_WRITE_FAILED', 'apply.error.write', {
      params: { path: file, reason: code ?? String(e) },
      cause: e,
    });
  }
}
