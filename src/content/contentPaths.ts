import { bundledManifestFile, type Paths } from '../paths.js';
import type { ContentPath } from './page.js';

/** Content paths in override order: bundled, then personal, then DELEGATE_PATH entries. */
export function contentPaths(paths: Paths): ContentPath[] {
  return [
    { dir: paths.bundled, origin: 'bundled', manifest: bundledManifestFile() },
    { dir: paths.notes, origin: 'personal' },
    ...paths.extra.map((dir) => ({ dir, origin: 'extra' as const })),
  ];
}
