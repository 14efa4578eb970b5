import { openDatabase, type EngineName } from '../../src/search/database.js';

/**
 * The SQLite engines this Node can load: node:sqlite on Node 22 and later, better-sqlite3 where
 * its addon was built for this Node (`npm test` on the machine's Node 20; .ci/run runs the
 * search tests again on Node 24 for node:sqlite).
 */
export function loadableEngines(): EngineName[] {
  return (['node:sqlite', 'better-sqlite3'] as const).filter((engine) => {
    try {
      openDatabase(':memory:', { timeout: 0 }, engine).close();
      return true;
    } catch {
      return false;
    }
  });
}
