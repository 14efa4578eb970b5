import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface ListFilesOptions {
  /** File endings to keep, lower case with the dot: ['.md']. */
  extensions: readonly string[];
  /** Folder names left out at the top level only (e.g. checklists/ in a content path). */
  skipTopLevel?: ReadonlySet<string>;
  maxDepth?: number;
}

/**
 * Every file under `dir` with one of the endings, depth first in name order. Dot folders and
 * files (such as .trash) and node_modules are left out; a folder that cannot be read is
 * skipped. Symbolic links are listed: whoever reads them checks what they point to.
 */
export function listFiles(dir: string, options: ListFilesOptions): string[] {
  const out: string[] = [];
  const maxDepth = options.maxDepth ?? 8;
  const walk = (current: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return; // a missing personal folder is the normal first-run case
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (depth === 0 && options.skipTopLevel?.has(entry.name)) continue;
        if (depth < maxDepth) walk(full, depth + 1);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && options.extensions.includes(extname(entry.name).toLowerCase())) {
        out.push(full);
      }
    }
  };
  walk(dir, 0);
  return out;
}
