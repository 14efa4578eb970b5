import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Create a folder and its parents. Unlike mkdirSync(..., { recursive: true }), which on Node 20
 * loops for ever where a parent exists but refuses children (/proc), it tries each level once
 * and throws the filesystem's error. A folder that already exists, or that another process
 * makes meanwhile (two searches at once on an empty cache), is fine.
 */
export function ensureDir(dir: string): void {
  try {
    makeDir(dir);
    return;
  } catch (error) {
    const parent = dirname(dir);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir) throw error;
  }
  ensureDir(dirname(dir));
  makeDir(dir); // once more, now that the parent exists; an error here is final
}

/** mkdir, where a folder already there counts as made. */
function makeDir(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(dir).isDirectory()) return;
    throw error;
  }
}
