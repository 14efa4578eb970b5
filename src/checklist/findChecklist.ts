import { findPage, type FindResult } from '../content/findPage.js';
import { closest, editDistance } from '../util/distance.js';
import type { Checklist, ChecklistItem } from './checklist.js';

/** A checklist by id, or by words of its id or title (the same rules as finding a page). */
export function findChecklist(checklists: readonly Checklist[], query: string): FindResult<Checklist> {
  return findPage(checklists, query);
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

/** Item ids close to a mistyped one: near the whole id, or near one of its words ("remitt"). */
export function nearItems(checklist: Checklist, query: string): string[] {
  const q = query.replace(/^#/, '').toLowerCase();
  const ids = checklist.items.map((item) => item.id);
  const byWord = q.length >= 4 ? ids.filter((id) => id.split('-').some((word) => editDistance(q, word, 2) <= 2)) : [];
  return [...new Set([...closest(q, ids, 2), ...byWord])].slice(0, 3);
}
