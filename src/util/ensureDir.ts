import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Create a folder and its parents. Unlike mkdirSync(..., { recursive: true }), which on Node 20
 * loops for ever where a parent exists but refuses children (/proc), it tries each level once
 * and throws the filesystem's error.
 */
export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (statSync(dir).isDirectory()) return;
      throw error;
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
  }
  ensureDir(dirname(dir));
  mkdirSync(dir); // once more, now that the parent exists; an error here is final
}
