import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './run.js';

/** A fresh folder under the system's temp folder, and how to remove it. */
export function tempDir(prefix = 'delegate-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh folder for each test of the file (made before each, removed after each): call at the
 * top of a file or describe block, and call what it returns inside a test for the folder.
 */
export function useTempDir(prefix?: string): () => string {
  let made: ReturnType<typeof tempDir> | undefined;
  beforeEach(() => {
    made = tempDir(prefix);
  });
  afterEach(() => made?.cleanup());
  return () => made!.dir;
}

/** A fresh HOME with XDG folders inside it, so no test touches the real user's files. */
export function tempHome(): { home: string; env: Record<string, string>; cleanup: () => void } {
  const { dir: home, cleanup } = tempDir('delegate-test-');
  const env: Record<string, string> = {
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
  };
  return { home, env, cleanup };
}

/**
 * A fresh HOME (as tempHome) for each test of the file or describe block, made before each and
 * removed after each: call at the top, and read `home` and `env` inside a test.
 */
export function useTempHome(): { readonly home: string; readonly env: Record<string, string> } {
  let made: ReturnType<typeof tempHome> | undefined;
  beforeEach(() => {
    made = tempHome();
  });
  afterEach(() => made?.cleanup());
  return {
    get home() {
      return made!.home;
    },
    get env() {
      return made!.env;
    },
  };
}

/**
 * A copy of the built package in `dest`, as npm would install it: bin/, dist/ and package.json
 * copied (a test may change them), content/ linked. node_modules is linked whole, or, given
 * `except`, made a folder of links to every package but those (for the test to supply).
 */
export function copyPackage(dest: string, options: { except?: string[] } = {}): string {
  mkdirSync(dest, { recursive: true });
  cpSync(join(repoRoot, 'bin'), join(dest, 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'dist'), join(dest, 'dist'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(dest, 'package.json'));
  symlinkSync(join(repoRoot, 'content'), join(dest, 'content'));
  if (!options.except) {
    symlinkSync(join(repoRoot, 'node_modules'), join(dest, 'node_modules'));
    return dest;
  }
  mkdirSync(join(dest, 'node_modules'));
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (!options.except.includes(entry)) symlinkSync(join(repoRoot, 'node_modules', entry), join(dest, 'node_modules', entry));
  }
  return dest;
}
