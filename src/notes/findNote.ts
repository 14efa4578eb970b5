import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findPage } from '../content/findPage.js';
import { loadPages, type LoadedContent } from '../content/loadPages.js';
import type { Page } from '../content/page.js';
import { slugify } from '../util/slug.js';

// Code-point order: Intl collation is slow to start, and this is only a listing order.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The delegate's notes: every page in the notes folder, newest first. */
export async function loadNotes(notesDir: string): Promise<LoadedContent> {
  const loaded = await loadPages([{ dir: notesDir, origin: 'personal' }]);
  loaded.pages.sort((a, b) => compareText(b.created ?? '', a.created ?? '') || compareText(a.title.toLowerCase(), b.title.toLowerCase()));
  return loaded;
}

export type NoteMatch =
  | { page: Page; file: string }
  | { page?: undefined; file: string }
  | { page?: undefined; file?: undefined; ambiguous: Page[]; suggestions: string[] };

/**
 * Find a note by id or title words. A file whose front matter cannot be read is not a page, but
 * it can still be named by its file name, so that it can be edited or removed.
 */
export function findNote(notes: readonly Page[], notesDir: string, query: string): NoteMatch {
  const result = findPage(notes, query);
  if (result.found) return { page: result.found, file: result.found.file };
  const slug = slugify(query.replace(/\.md$/i, ''));
  const file = slug ? join(notesDir, `${slug}.md`) : '';
  if (file && existsSync(file)) return { file };
  return { ambiguous: result.ambiguous, suggestions: result.suggestions };
}
