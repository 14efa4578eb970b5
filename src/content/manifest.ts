import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listMarkdownFiles, loadPages } from './loadPages.js';
import type { Page } from './page.js';

/**
 * The bundled pages, parsed at build time. Reading it saves parsing every page at each start;
 * it is used only while every file still has the size and time it had then, so an edited page
 * is never shown stale.
 */
export interface Manifest {
  schema: 1;
  files: Array<{ path: string; size: number; mtimeMs: number }>;
  pages: Array<Omit<Page, 'file'> & { path: string }>;
}

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

/** The pages of a manifest file, if it exists and still matches every file in `dir`. */
export function pagesFromManifest(manifestFile: string, dir: string): Page[] | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.schema !== 1) return undefined;
  const files = listMarkdownFiles(dir);
  if (files.length !== manifest.files.length) return undefined;
  for (let i = 0; i < files.length; i++) {
    const expected = manifest.files[i]!;
    if (files[i] !== join(dir, expected.path)) return undefined;
    try {
      const { size, mtimeMs } = statSync(files[i]!);
      if (size !== expected.size || mtimeMs !== expected.mtimeMs) return undefined;
    } catch {
      return undefined;
    }
  }
  return manifest.pages.map(({ path, ...page }) => ({ ...page, file: join(dir, path) }));
}
