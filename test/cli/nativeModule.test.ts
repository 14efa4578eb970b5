import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { preferredEngine } from '../../src/search/database.js';
import { copyPackage, tempHome } from '../helpers/fixtures.js';
import { repoRoot } from '../helpers/run.js';

// A delegate upgrades Node after installing: better-sqlite3's addon was built for the old one.
// Search must say so and what to run, exit 1, and every other command must keep working. The
// addon here is a real shared library that registers itself as built for another Node's module
// version, so Node refuses it exactly as it refuses a wrong build. Only where search uses
// better-sqlite3 (before Node 24).

// NOTE: made in the describe block's beforeAll: where it is skipped, Jest runs none of its hooks,
// and a folder made at the top of the file would be left behind.
let sandbox: ReturnType<typeof tempHome>;
const realPackage = join(repoRoot, 'node_modules', 'better-sqlite3');
const otherVersion = Number(process.versions.modules) === 137 ? 115 : 137;

// The struct Node's legacy addon registration reads (node.h, struct node_module).
const WRONG_BUILD = `
struct node_module { int nm_version; unsigned int nm_flags; void *nm_dso_handle; const char *nm_filename;
  void *nm_register_func; void *nm_context_register_func; const char *nm_modname; void *nm_priv; void *nm_link; };
extern void node_module_register(void *module);
static struct node_module module = { ${otherVersion}, 0, 0, "better_sqlite3.c", 0, 0, "better_sqlite3", 0, 0 };
__attribute__((constructor)) static void registered(void) { node_module_register(&module); }
`;

/** A copy of delegate, installed in `name`, with better-sqlite3 as `install` leaves it. */
function installCopy(name: string, install: (fake: string) => void): string {
  const copy = copyPackage(join(sandbox.home, name), { except: ['better-sqlite3'] });
  install(join(copy, 'node_modules', 'better-sqlite3'));
  return copy;
}

function delegate(copy: string, args: string[]) {
  return spawnSync(process.execPath, [join(copy, 'bin', 'delegate.cjs'), ...args], {
    env: { PATH: process.env.PATH, ...sandbox.env, NO_COLOR: '1', DELEGATE_NOTES_DIR: join(sandbox.home, 'notes') },
    encoding: 'utf8',
  });
}

(preferredEngine() === 'better-sqlite3' ? describe : describe.skip)('better-sqlite3 that does not fit this Node', () => {
  beforeAll(() => {
    sandbox = tempHome();
  });
  afterAll(() => sandbox.cleanup());

  test('built for another Node: search says to rebuild it, where, and exits 1; other commands work', () => {
    const copy = installCopy('upgraded', (fake) => {
      cpSync(realPackage, fake, { recursive: true, dereference: true });
      writeFileSync(join(sandbox.home, 'wrong-build.c'), WRONG_BUILD);
      const cc = spawnSync('cc', ['-shared', '-fPIC', '-o', join(fake, 'build', 'Release', 'better_sqlite3.node'), join(sandbox.home, 'wrong-build.c')], { encoding: 'utf8' });
      expect(cc.stderr).toBe('');
      expect(cc.status).toBe(0);
    });
    const result = delegate(copy, ['search', 'reference', 'back']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `delegate: search cannot start: its SQLite module (better-sqlite3) was built for another version of Node.js (module version ${otherVersion}; Node.js ${process.versions.node} needs ${process.versions.modules})\n` +
        'Rebuild it for this Node.js, in the folder where delegate is installed:\n' +
        `  cd ${copy} && npm rebuild better-sqlite3\n` +
        'This needs python3, make and a C++ compiler. Node.js 24 and later need no such module. The other commands work as they are.\n',
    );
    expect(result.status).toBe(1);
    for (const args of [['list'], ['read', 'reference-back'], ['cheatsheet']]) {
      const other = delegate(copy, args);
      expect([args, other.status, other.stderr]).toEqual([args, 0, '']);
      expect(other.stdout.length).toBeGreaterThan(100);
    }
  });

  test('not installed at all (an optional dependency that did not build): search says how to install it, exit 1', () => {
    const copy = installCopy('without', () => undefined);
    const result = delegate(copy, ['search', 'reference', 'back']);
    expect(result.stderr).toBe(
      `delegate: search cannot start: it needs the SQLite module better-sqlite3 on Node.js ${process.versions.node}, and it is not installed\n` +
        'Install it in the folder where delegate is installed:\n' +
        `  cd ${copy} && npm install better-sqlite3\n` +
        'This needs python3, make and a C++ compiler. Or use Node.js 24 or later, which has SQLite built in. The other commands work as they are.\n',
    );
    expect(result.status).toBe(1);
    expect(delegate(copy, ['list']).status).toBe(0);
  });
});
