// NOTE: the one module that imports jsdiff. The build makes it a file of its own
// (dist/islands/wordDiff.cjs), read only when an amendment is drafted.
import { diffArrays, diffWordsWithSpace } from 'diff';

/** A stretch both texts share, or one only the first (removed) or only the second (added) has. */
export interface Change<T> {
  value: T;
  added: boolean;
  removed: boolean;
}

/** Two texts compared word by word (jsdiff's word diff, spaces kept as they are). */
export function wordChanges(from: string, to: string): Array<Change<string>> {
  return diffWordsWithSpace(from, to).map((c) => ({ value: c.value, added: c.added, removed: c.removed }));
}

/** Two lists compared item by item (paragraphs, points). */
export function itemChanges(from: string[], to: string[]): Array<Change<string[]>> {
  return diffArrays(from, to).map((c) => ({ value: c.value, added: c.added, removed: c.removed }));
}
