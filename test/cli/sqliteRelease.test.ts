import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { preferredEngine } from '../../src/search/database.js';
import { copyPackage, tempHome } from '../helpers/fixtures.js';
import { repoRoot } from '../helpers/run.js';

// The build bundles better-sqlite3's JavaScript into dist/vendor/ and loads only its addon from
// node_modules (src/search/engines/betterSqlite3.ts). The two must come from one release: with
// another release installed, search must use that release whole, and still work. Only where
// search uses better-sqlite3 (before Node 24).

// NOTE: made in the describe block's beforeAll: where it is skipped, Jest runs none of its hooks,
// and a folder made at the top of the file would be left behind.
let sandbox: ReturnType<typeof tempHome>;
const realPackage = join(repoRoot, 'node_modules', 'better-sqlite3');
const installedVersion = (JSON.parse(readFileSync(join(realPackage, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * A copy of delegate whose node_modules holds a better-sqlite3 that says it is `version`. Its
 * files are the real ones, except that loading its JavaScript leaves a mark in `mark`.
 */
function installCopy(name: string, version: string, mark: string): string {
  const copy = copyPackage(join(sandbox.home, name), { except: ['better-sqlite3'] });
  mkdirSync(join(copy, 'node_modules', 'better-sqlite3', 'lib'), { recursive: true });
  const fake = join(copy, 'node_modules', 'better-sqlite3');
  for (const entry of readdirSync(realPackage)) {
    if (entry !== 'package.json' && entry !== 'lib') symlinkSync(join(realPackage, entry), join(fake, entry));
  }
  const pkg = JSON.parse(readFileSync(join(realPackage, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(fake, 'package.json'), JSON.stringify({ ...pkg, version }));
  writeFileSync(
    join(fake, 'lib', 'index.js'),
    `require('fs').writeFileSync(${JSON.stringify(mark)}, 'loaded');\nmodule.exports = require(${JSON.stringify(join(realPackage, 'lib', 'index.js'))});\n`,
  );
  return copy;
}

function search(copy: string, query: string[]) {
  return spawnSync(process.execPath, [join(copy, 'bin', 'delegate.cjs'), 'search', ...query], {
    env: { ...process.env, ...sandbox.env, NO_COLOR: '1', DELEGATE_NOTES_DIR: join(sandbox.home, 'notes') },
    encoding: 'utf8',
  });
}

(preferredEngine() === 'better-sqlite3' ? describe : describe.skip)('better-sqlite3 releases', () => {
  beforeAll(() => {
    sandbox = tempHome();
  });
  afterAll(() => sandbox.cleanup());

  test('the release the build bundled: its installed JavaScript is never loaded', () => {
    const mark = join(sandbox.home, 'same.mark');
    const result = search(installCopy('same', installedVersion, mark), ['reference', 'back']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^reference-back {2}Reference back/);
    expect(existsSync(mark)).toBe(false);
  });

  test('another release installed: search loads that release whole, and works', () => {
    const mark = join(sandbox.home, 'other.mark');
    const result = search(installCopy('other', `${installedVersion}-other`, mark), ['reference', 'back']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^reference-back {2}Reference back/);
    expect(existsSync(mark)).toBe(true);
  });
});
