import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { loadPages } from './loadPages.js';
import type { Manifest } from './manifest.js';
import { listMarkdownFiles } from './pageFiles.js';

/** Parse the bundled content into a manifest; undefined if any page has a problem. */
export async function createManifest(dir: string): Promise<Manifest | undefined> {
  const files = listMarkdownFiles(dir);
  const { pages, warnings } = await loadPages([{ dir, origin: 'bundled' }]);
  if (warnings.length > 0) return undefined;
  return {
    schema: 1,
    files: files.map((file) => {
      const { size, mtimeMs } = statSync(file);
      return { path: relative(dir, file), size, mtimeMs };
    }),
    pages: pages.map(({ file, ...page }) => ({ ...page, path: relative(dir, file) })),
  };
}
