import { linkSync, rmSync, writeFileSync } from 'node:fs';
import { writeTempBeside } from '../util/writeFileAtomic.js';

/**
 * Write a new file that must not exist yet: false (and nothing written) when it does. Readers
 * never see it half-written: the text goes to a temp file first, then a hard link gives it its
 * name, which fails rather than replace a file. On a file system without hard links, an
 * exclusive create is used instead.
 */
export function writeNewFile(file: string, text: string): boolean {
  const temp = writeTempBeside(file, text);
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
    try {
      writeFileSync(file, text, { flag: 'wx', mode: 0o644 });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    rmSync(temp, { force: true });
  }
}
