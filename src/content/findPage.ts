import { closest } from '../util/distance.js';
import type { Page } from './page.js';

export type FindResult =
  | { found: Page }
  | { found?: undefined; ambiguous: Page[]; suggestions: string[] };

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * Find a page by id, then by exact title, then by title words (every word of the query in the
 * title or id). Several candidates or none: the closest ids to suggest.
 */
export function findPage(pages: readonly Page[], query: string): FindResult {
  const q = query.trim().toLowerCase();
  const byId = pages.find((p) => p.id === q);
  if (byId) return { found: byId };
  const byTitle = pages.filter((p) => p.title.toLowerCase() === q);
  if (byTitle.length === 1) return { found: byTitle[0]! };

  const queryWords = words(q);
  if (queryWords.length > 0) {
    const matches = pages.filter((p) => {
      const hay = new Set([...words(p.title), ...words(p.id)]);
      const hayList = [...hay];
      return queryWords.every((w) => hay.has(w) || (w.length >= 3 && hayList.some((h) => h.startsWith(w))));
    });
    if (matches.length === 1) return { found: matches[0]! };
    if (matches.length > 1) return { ambiguous: matches, suggestions: matches.map((p) => p.id).slice(0, 8) };
  }
  const suggestions = closest(q.replace(/\s+/g, '-'), pages.map((p) => p.id), 3);
  return { ambiguous: [], suggestions };
}
