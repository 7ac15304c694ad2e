// Atomic file replacement: write a temp file in the same directory, fsync it, rename it over the target,
// so a reader (or a crash) sees either the old or the new content, never a partial file.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { LocalFileError } from '../errors.js';

/** Replace `file` with `text` atomically (creates the parent directory; mode defaults to 0o644). */
export async function writeFileAtomic(file: string, text: string, mode = 0o644): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new LocalFileError(`cannot write "${file}" (${code})`, 'E_WRITE', { cause: error });
  }
}
