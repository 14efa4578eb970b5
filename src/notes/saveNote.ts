import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ComposedNote } from './composeNote.js';
import { writeNewFile } from './writeNewFile.js';
import { ensureDir } from '../util/ensureDir.js';

/** The longest file name tried before giving up (a folder with this many same-named notes is not a folder of notes). */
const MAX_TRIES = 10_000;

/**
 * Write a note under the first free name: `name.md`, then `name-2.md`, and so on. An id another
 * content path already uses (`taken`) is skipped too, so a note never hides a handbook page.
 * Nothing is ever overwritten.
 */
export function saveNote(dir: string, note: ComposedNote, taken: ReadonlySet<string> = new Set()): { id: string; file: string } {
  ensureDir(dir);
  for (const id of candidateIds(note.name, taken)) {
    const file = join(dir, `${id}.md`);
    if (writeNewFile(file, note.render(id))) return { id, file };
  }
  throw new Error(`no free file name for ${note.name} in ${dir}`);
}

/** The ids a note named `name` may take, in the order saveNote tries them. */
function* candidateIds(name: string, taken: ReadonlySet<string>): Generator<string> {
  for (let n = 1; n <= MAX_TRIES; n++) {
    const id = n === 1 ? name : `${name}-${n}`;
    if (!taken.has(id)) yield id;
  }
}

/**
 * The id under which this very note was saved before (`name`, `name-2`… with the same text),
 * or undefined: importing a file a second time finds the first copy instead of making another.
 */
export function savedAs(dir: string, note: ComposedNote, taken: ReadonlySet<string> = new Set()): string | undefined {
  for (const id of candidateIds(note.name, taken)) {
    const file = join(dir, `${id}.md`);
    const stat = statSync(file, { throwIfNoEntry: false });
    // saveNote takes names in order: past the first free one there are no more.
    if (stat === undefined) return undefined;
    // Only a file of the very size is read: never a pipe or a device someone named like a note.
    const text = note.render(id);
    if (stat.isFile() && stat.size === Buffer.byteLength(text) && readFileSync(file, 'utf8') === text) return id;
  }
  return undefined;
}
