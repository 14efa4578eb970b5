import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { ensureDir } from './ensureDir.js';

/**
 * Write a file so that readers see the old content or the new, never half: a temp file in the
 * same folder, flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(file: string, data: string, options: { mode?: number } = {}): Promise<void> {
  writeFileAtomicSync(file, data, options);
}

export function writeFileAtomicSync(file: string, data: string, options: { mode?: number } = {}): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    ensureDir(dir);
    const fd = openSync(temp, 'wx', options.mode ?? 0o644);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new UserError(`cannot write ${file} (${code})`, { hint: 'Check the folder exists and you can write to it.' });
    throw error;
  }
}
