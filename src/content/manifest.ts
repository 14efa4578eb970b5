import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listMarkdownFiles } from './pageFiles.js';
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
