import { closest } from '../util/distance.js';
import type { Page } from './page.js';

/** Anything a delegate names by id or by words of its title: a page, a note, a checklist. */
export interface Named {
  id: string;
  title: string;
}

export type FindResult<T extends Named = Page> =
  | { found: T }
  | { found?: undefined; ambiguous: T[]; suggestions: string[] };

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * Find by id, then by exact title, then by title words (every word of the query in the title or
 * id, or the start of one: "compositing" finds compositing-meeting). Several candidates or none:
 * the closest ids to suggest.
 */
export function findPage<T extends Named>(items: readonly T[], query: string): FindResult<T> {
  const q = query.trim().toLowerCase();
  const byId = items.find((p) => p.id === q);
  if (byId) return { found: byId };
  const byTitle = items.filter((p) => p.title.toLowerCase() === q);
  if (byTitle.length === 1) return { found: byTitle[0]! };

  const queryWords = words(q);
  if (queryWords.length > 0) {
    const matches = items.filter((p) => {
      const hay = [...words(p.title), ...words(p.id)];
      return queryWords.every((w) => hay.some((h) => h === w || (w.length >= 3 && h.startsWith(w))));
    });
    if (matches.length === 1) return { found: matches[0]! };
    if (matches.length > 1) return { ambiguous: matches, suggestions: matches.map((p) => p.id).slice(0, 8) };
  }
  const suggestions = closest(q.replace(/\s+/g, '-'), items.map((p) => p.id), 3);
  return { ambiguous: [], suggestions };
}
