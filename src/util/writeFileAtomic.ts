import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
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

/**
 * Write `data` to a new temp file in the folder of `file`, flushed to disk, and return its path:
 * the first half of an atomic write, which the caller finishes by renaming or linking it.
 * Nothing is left behind when writing fails.
 */
export function writeTempBeside(file: string, data: string, mode = 0o644): string {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    // NOTE: not writeSync, which may write part of the text (a file size limit, a full disk) and
    // say so only in its return value; writeFileSync writes on until all is written or it fails.
    writeFileSync(fd, data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    // The temp file was made just above, so it is there to remove.
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  return temp;
}

export function writeFileAtomicSync(file: string, data: string, options: { mode?: number } = {}): void {
  let temp: string | undefined;
  try {
    ensureDir(dirname(file));
    temp = writeTempBeside(file, data, options.mode);
    renameSync(temp, file);
  } catch (error) {
    if (temp !== undefined) unlinkSync(temp);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new UserError(`cannot write ${file} (${code})`, { hint: 'Check the folder exists and you can write to it.' });
    throw error;
  }
}
