import { listFiles } from '../util/listFiles.js';

// NOTE: these subfolders of a content path hold other kinds of content (checklists) or
// recoverable deletions (.trash); they are never read as pages.
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['checklists']);

/** Every page file under a content path (checklists/ and dot folders such as .trash left out). */
export function listMarkdownFiles(dir: string): string[] {
  return listFiles(dir, { extensions: ['.md'], skipTopLevel: SKIPPED_DIRS });
}
