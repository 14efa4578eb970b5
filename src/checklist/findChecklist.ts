import { closest } from '../util/distance.js';
import type { Checklist, ChecklistItem } from './checklist.js';

export type FindChecklistResult = { found: Checklist } | { found?: undefined; suggestions: string[] };

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * A checklist by id, or by words of its id or title when they fit exactly one ("compositing"
 * finds compositing-meeting). Otherwise the nearest ids, to suggest.
 */
export function findChecklist(checklists: readonly Checklist[], query: string): FindChecklistResult {
  const q = query.trim().toLowerCase();
  const byId = checklists.find((c) => c.id === q);
  if (byId) return { found: byId };
  const queryWords = words(q);
  if (queryWords.length > 0) {
    const matches = checklists.filter((c) => {
      const hay = [...words(c.id), ...words(c.title)];
      return queryWords.every((w) => hay.some((h) => h === w || (w.length >= 3 && h.startsWith(w))));
    });
    if (matches.length === 1) return { found: matches[0]! };
    if (matches.length > 1) return { suggestions: matches.map((c) => c.id) };
  }
  return { suggestions: closest(q.replace(/\s+/g, '-'), checklists.map((c) => c.id), 3) };
}

/**
 * An item by id (a leading # is allowed) or by its 1-based number on the list; undefined when
 * neither fits.
 */
export function findItem(checklist: Checklist, query: string): ChecklistItem | undefined {
  const q = query.trim().replace(/^\{?#/, '').replace(/\}$/, '').toLowerCase();
  if (/^\d+$/.test(q)) return checklist.items[Number(q) - 1];
  return checklist.items.find((item) => item.id === q);
}
