import { parseChecklist } from '../checklist/parseChecklist.js';
import type { Page, PageKind } from '../content/page.js';
import type { ListedFile } from './listContent.js';

/**
 * A checklist indexed as a document of kind 'checklist': its title, its id as keywords, its
 * summary and when to use it, then its intro and every item with its explanation. Its page id is
 * `checklist:<id>`, so a delegate's checklist shadows the bundled one of the same id, never a page.
 */
export async function checklistAsPage(text: string, file: Pick<ListedFile, 'path' | 'origin'>): Promise<Page> {
  const { checklist } = await parseChecklist(text, file.path, file.origin);
  const items = checklist.items.map((item) => `${item.text}\n${item.explanation}`).join('\n\n');
  return {
    id: `${CHECKLIST_ID_PREFIX}${checklist.id}`,
    title: checklist.title,
    // NOTE: stored in the index's kind column as 'checklist' (IndexedKind); never a page of the handbook.
    kind: 'checklist' as PageKind,
    tags: ['checklist'],
    summary: `${checklist.summary} ${checklist.when}`.trim(),
    sources: [],
    body: `${checklist.intro}\n\n${items}`,
    bodyLine: 1,
    file: file.path,
    origin: file.origin,
  };
}

/** How a checklist's id is kept among page ids (a page id never has a colon). */
export const CHECKLIST_ID_PREFIX = 'checklist:';
