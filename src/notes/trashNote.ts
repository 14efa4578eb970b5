import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ensureDir } from '../util/ensureDir.js';

/** The folder inside the notes folder that removed notes go to (a dot folder: never read as pages). */
export const TRASH = '.trash';

/**
 * Move a note into the trash folder, under a name no other trashed note has, so it can be
 * brought back with a plain `mv`. Returns where it went.
 */
export function trashNote(notesDir: string, file: string): string {
  const trash = join(notesDir, TRASH);
  ensureDir(trash);
  const ext = extname(file);
  const stem = basename(file, ext);
  for (let n = 1; ; n++) {
    const target = join(trash, n === 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`);
    try {
      // A hard link claims the name without replacing an earlier trashed note of the same name.
      linkSync(file, target);
      rmSync(file);
      return target;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
      // No hard links on this file system: check the name is free, then move.
      if (existsSync(target)) continue;
      renameSync(file, target);
      return target;
    }
  }
}
