import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as island from '../../src/motion/island.js';
import { repoRoot } from '../helpers/run.js';

// The build sends every import of src/motion/ from outside it to dist/islands/motion.cjs, whose
// entry is src/motion/island.ts: a name imported from src/motion but not exported there would be
// undefined at run time, and only in the built command (the tests import the modules themselves).
test('every value the rest of src/ imports from src/motion/ is exported by the island', () => {
  const src = join(repoRoot, 'src');
  const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.startsWith(`motion`));
  const wanted: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(src, file), 'utf8');
    for (const match of text.matchAll(/^import (type )?\{([^}]*)\} from '(?:\.\.\/)+motion\/[^']+\.js';$/gm)) {
      if (match[1]) continue; // types only: gone from the built code
      for (const name of match[2]!.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type '))) wanted.push(`${name} (${relative(src, join(src, file))})`);
    }
  }
  expect(wanted.length).toBeGreaterThan(10);
  const exported = new Set(Object.keys(island));
  expect(wanted.filter((w) => !exported.has(w.split(' ')[0]!))).toEqual([]);
});
