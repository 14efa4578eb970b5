import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyPackage, tempHome } from '../helpers/fixtures.js';
import { repoRoot, run } from '../helpers/run.js';

// bin/delegate.cjs requires dist/cli.cjs, with Node's own compile cache where Node has one, and
// before Node 22.1 through dist/code-cache.cjs, with the V8 code the build kept (dist/cli.cache).

const sandbox = tempHome();
const copy = join(sandbox.home, 'package');

function runCopy(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(copy, 'bin', 'delegate.cjs'), ...args], {
    env: { PATH: process.env.PATH, ...sandbox.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
}

beforeAll(() => copyPackage(copy));
afterAll(() => sandbox.cleanup());

const hasCompileCache = typeof (process.getBuiltinModule('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('start-up', () => {
  test('stack traces name dist/cli.cjs where it is', () => {
    const result = run(['read', 'no-such-page'], { env: { ...sandbox.env, DELEGATE_DEBUG: '1' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`(${join(repoRoot, 'dist', 'cli.cjs')}:`);
  });

  // Node keeps the cache in <temporary folder>/node-compile-cache unless NODE_COMPILE_CACHE says
  // otherwise; a TMPDIR of the test's own shows whether the bin asked for it.
  test(`${hasCompileCache ? 'Node keeps' : 'Node 20 has no'} compiled code for the next start, and the command works`, () => {
    const tmp = join(sandbox.home, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const first = runCopy(['list'], { TMPDIR: tmp });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('chair-not-neutral');
    const cacheDir = join(tmp, 'node-compile-cache');
    expect(existsSync(cacheDir) && readdirSync(cacheDir, { recursive: true }).length > 0).toBe(hasCompileCache);
    const second = runCopy(['list'], { TMPDIR: tmp });
    expect(second.stdout).toBe(first.stdout);
  });

  // Built here, by the Node running the tests: CI builds with one Node and tests with two.
  test(`the build ${hasCompileCache ? 'keeps no code of its own on a Node with a compile cache' : 'keeps V8 code for cli.cjs, tagged with its build'}`, () => {
    const built = join(sandbox.home, 'built');
    copyPackage(built);
    cpSync(join(repoRoot, 'scripts'), join(built, 'scripts'), { recursive: true });
    for (const entry of ['src', 'tsconfig.json']) symlinkSync(join(repoRoot, entry), join(built, entry));
    const build = spawnSync(process.execPath, [join(built, 'scripts', 'build.mjs')], { cwd: built, encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const cache = join(built, 'dist', 'cli.cache');
    expect(existsSync(cache)).toBe(!hasCompileCache);
    if (hasCompileCache) return;
    const tag = /^"use strict";\/\*(delegate-build:[^*]+)\*\//.exec(readFileSync(join(built, 'dist', 'cli.cjs'), 'utf8'))?.[1];
    expect(tag).toMatch(/^delegate-build:\d+\.\d+\.\d+\+/);
    expect(readFileSync(cache, 'latin1').split('\n', 1)[0]).toBe(`${tag} ${join(built, 'dist', 'cli.cjs')}`);
  });

  describe('the kept code (dist/code-cache.cjs)', () => {
    // A module of the shape cli.cjs has, loaded as the bin loads cli.cjs on Node 20.
    const dir = join(sandbox.home, 'code-cache');
    const file = join(dir, 'cli.cjs');
    const load = () =>
      spawnSync(process.execPath, ['-e', `const used = require(${JSON.stringify(join(repoRoot, 'dist', 'code-cache.cjs'))}).loadWithCodeCache(${JSON.stringify(file)}); console.log('used the kept code: ' + used)`], {
        encoding: 'utf8',
      });
    const write = (build: string, says: string) =>
      writeFileSync(file, `"use strict";/*delegate-build:${build}*/console.log(${JSON.stringify(says)}, typeof require, __filename === ${JSON.stringify(file)});\n`);
    beforeAll(() => mkdirSync(dir, { recursive: true }));

    test('is used for the build it was made from, and the module runs with its own require', () => {
      write('one', 'first build');
      spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(repoRoot, 'dist', 'code-cache.cjs'))}).writeCodeCache(${JSON.stringify(file)})`]);
      expect(existsSync(join(dir, 'cli.cache'))).toBe(true);
      expect(load().stdout).toBe('first build function true\nused the kept code: true\n');
    });

    test('is not used for another build of the same length: the new code runs', () => {
      write('two', 'other build');
      expect(load().stdout).toBe('other build function true\nused the kept code: false\n');
    });

    test('is not used when damaged, or when missing', () => {
      write('one', 'first build');
      writeFileSync(join(dir, 'cli.cache'), Buffer.concat([Buffer.from(`delegate-build:one ${file}\n`), Buffer.alloc(4096, 7)]));
      const damaged = load();
      expect(damaged.stderr).toBe('');
      expect(damaged.stdout).toBe('first build function true\nused the kept code: false\n');
      rmSync(join(dir, 'cli.cache'));
      expect(load().stdout).toBe('first build function true\nused the kept code: false\n');
    });
  });

  test('a copy of the package elsewhere compiles afresh: its stack traces name where it is', () => {
    const result = runCopy(['read', 'no-such-page'], { DELEGATE_DEBUG: '1' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`(${join(copy, 'dist', 'cli.cjs')}:`);
  });

  test('without dist/cli.cjs the command says how to build it, and exits 1', () => {
    rmSync(join(copy, 'dist', 'cli.cjs'));
    const result = runCopy(['list']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `delegate: ${join(copy, 'dist', 'cli.cjs')} is missing: this copy of delegate was never built.\nRun \`npm install\` (or \`npm run build\`) in ${copy}, then try again.\n`,
    );
  });
});
