import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyPackage, tempHome } from '../helpers/fixtures.js';
import { repoRoot, run } from '../helpers/run.js';

// bin/delegate.cjs runs dist/cli.cjs through dist/code-cache.cjs (src/startup/codeCache.ts):
// with the V8 code the command's last run kept in the cache folder, or compiled afresh, and
// then keeping that code for the next run.

const sandbox = tempHome();
const copy = join(sandbox.home, 'package');
const copyCli = join(copy, 'dist', 'cli.cjs');

function runCopy(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(copy, 'bin', 'delegate.cjs'), ...args], {
    env: { PATH: process.env.PATH, ...sandbox.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
}

/** Where the copy keeps a command's code, under a cache folder (XDG_CACHE_HOME) of its own. */
const codeFile = (cacheHome: string, command: string) => join(cacheHome, 'delegate', 'code', `${process.version}-${process.arch}`, `${command}.bin`);
const buildTag = (cli: string) => /^\/\*(delegate-build:[^*]+)\*\/\(function \(/.exec(readFileSync(cli, 'utf8'))?.[1];
const headerOf = (file: string) => readFileSync(file, 'latin1').split('\n', 1)[0] ?? '';

beforeAll(() => copyPackage(copy));
afterAll(() => sandbox.cleanup());

describe('start-up', () => {
  test('stack traces name dist/cli.cjs where it is, compiled afresh and from kept code alike', () => {
    for (let i = 0; i < 2; i++) {
      const result = run(['read', 'no-such-page'], { env: { ...sandbox.env, DELEGATE_DEBUG: '1' } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`(${join(repoRoot, 'dist', 'cli.cjs')}:`);
    }
  });

  describe("the V8 code a command's run keeps for the next", () => {
    let cacheHome = '';
    let n = 0;
    beforeEach(() => {
      cacheHome = join(sandbox.home, `cache-${n++}`);
    });

    test('is kept after the first run, tagged with the build and the place, and taken as it is by the next run', () => {
      const first = runCopy(['list'], { XDG_CACHE_HOME: cacheHome });
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('chair-not-neutral');
      const file = codeFile(cacheHome, 'list');
      // Padded with spaces so that the code after it starts at a multiple of 8 bytes: V8 copies code it is given elsewhere.
      expect(headerOf(file).trimEnd()).toBe(`${buildTag(copyCli)} ${copyCli}`);
      expect((headerOf(file).length + 1) % 8).toBe(0);
      expect(buildTag(copyCli)).toMatch(/^delegate-build:\d+\.\d+\.\d+\+/);
      const kept = readFileSync(file);
      expect(kept.length).toBeGreaterThan(50_000);
      // Code V8 rejected would be kept again at exit: the same bytes show it was taken.
      const second = runCopy(['list'], { XDG_CACHE_HOME: cacheHome });
      expect(second.stdout).toBe(first.stdout);
      expect(readFileSync(file).equals(kept)).toBe(true);
    });

    test('damaged code is not used: the command works, and its code is kept again', () => {
      const file = codeFile(cacheHome, 'list');
      mkdirSync(dirname(file), { recursive: true });
      const damaged = Buffer.concat([Buffer.from(`${buildTag(copyCli)} ${copyCli}\n`), Buffer.alloc(4096, 7)]);
      writeFileSync(file, damaged);
      const result = runCopy(['list'], { XDG_CACHE_HOME: cacheHome });
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('chair-not-neutral');
      expect(headerOf(file).trimEnd()).toBe(`${buildTag(copyCli)} ${copyCli}`);
      expect(readFileSync(file).length).toBeGreaterThan(50_000);
    });

    test('code kept for another build, or for a copy elsewhere, is not used, and is replaced', () => {
      const file = codeFile(cacheHome, 'list');
      expect(runCopy(['list'], { XDG_CACHE_HOME: cacheHome }).status).toBe(0);
      const data = readFileSync(file).subarray(headerOf(file).length);
      const others = [
        `delegate-build:0.0.1+other ${copyCli}`,
        `${buildTag(copyCli)} ${join(sandbox.home, 'elsewhere', 'dist', 'cli.cjs')}`,
        `${buildTag(copyCli)} ${copyCli}.old`,
        `${buildTag(copyCli)} ${copyCli} [Corrected]`,
        `${buildTag(copyCli)} ${copyCli} [corrected`,
      ];
      for (const header of others) {
        writeFileSync(file, Buffer.concat([Buffer.from(header), data]));
        const result = runCopy(['list'], { XDG_CACHE_HOME: cacheHome });
        expect(result.stdout).toContain('chair-not-neutral');
        expect(headerOf(file).trimEnd()).toBe(`${buildTag(copyCli)} ${copyCli}`);
      }
    });

    // `motion compare` over this much text switches off TurboFan on Node before 24 (src/util/shortJob.ts),
    // and V8 writes the flags in force into the code it keeps.
    test('a command that switches V8 flags mid-run keeps code the next run takes', () => {
      const topics = ['bus routes', 'school meals', 'council housing', 'library hours', 'park wardens', 'river cleaning', 'youth clubs', 'street lighting'];
      const motions = topics.map(
        (topic, i) =>
          `## Motion ${i + 1}: ${topic}\n\nSubmitted by Example Ward ${i + 1} CLP\n\nConference notes that ${topic} in our towns have been cut for three years running. ` +
          `${'Residents have written to us about the waiting lists, the closed offices and the missed visits. '.repeat(12)}\n\nConference resolves:\n\n` +
          [1, 2, 3].map((n) => `${n}. To ask the council to restore ${topic} to the level of ${2015 + n}, and to report each quarter.`).join('\n'),
      );
      const file = join(sandbox.home, 'eight-motions.md');
      writeFileSync(file, `${motions.join('\n\n')}\n`);
      expect(readFileSync(file, 'utf8').length).toBeGreaterThan(10_000);
      const first = runCopy(['motion', 'compare', file], { XDG_CACHE_HOME: cacheHome });
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      const kept = readFileSync(codeFile(cacheHome, 'motion-compare'));
      const second = runCopy(['motion', 'compare', file], { XDG_CACHE_HOME: cacheHome });
      expect(second.stdout).toBe(first.stdout);
      expect(readFileSync(codeFile(cacheHome, 'motion-compare')).equals(kept)).toBe(true);
    });

    test('--version, which runs no command, keeps its code too, and a command that starts with an option leaves it be', () => {
      expect(runCopy(['--version'], { XDG_CACHE_HOME: cacheHome }).status).toBe(0);
      const kept = readFileSync(codeFile(cacheHome, 'options'));
      expect(runCopy(['--width', '60', 'list'], { XDG_CACHE_HOME: cacheHome }).status).toBe(0);
      expect(runCopy(['--version'], { XDG_CACHE_HOME: cacheHome }).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
      expect(readFileSync(codeFile(cacheHome, 'options')).equals(kept)).toBe(true);
      expect(existsSync(codeFile(cacheHome, 'list'))).toBe(true);
    });

    test('a run that fails keeps nothing', () => {
      const result = runCopy(['read', 'no-such-page'], { XDG_CACHE_HOME: cacheHome });
      expect(result.status).toBe(1);
      expect(existsSync(join(cacheHome, 'delegate', 'code'))).toBe(false);
    });

    test('a cache folder that cannot be written: the command works and says nothing of it', () => {
      writeFileSync(cacheHome, 'a file where the cache folder would be');
      const result = runCopy(['list'], { XDG_CACHE_HOME: cacheHome });
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('chair-not-neutral');
    });
  });

  test('a search that builds the index keeps no code; the next search, on the index built, keeps its own', () => {
    const cacheHome = join(sandbox.home, 'cache-search');
    const first = runCopy(['search', 'reference', 'back'], { XDG_CACHE_HOME: cacheHome });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('reference-back');
    expect(existsSync(join(cacheHome, 'delegate', 'search.db'))).toBe(true);
    expect(existsSync(codeFile(cacheHome, 'search'))).toBe(false);
    const second = runCopy(['search', 'reference', 'back'], { XDG_CACHE_HOME: cacheHome });
    expect(second.stdout).toBe(first.stdout);
    expect(headerOf(codeFile(cacheHome, 'search')).trimEnd()).toBe(`${buildTag(copyCli)} ${copyCli}`);
  });

  test('a search that takes a part of the code its kept code lacks keeps it again, with that part; then the file stays as it is', () => {
    const cacheHome = join(sandbox.home, 'cache-search-parts');
    const file = codeFile(cacheHome, 'search');
    const plain = ['search', 'reference', 'back'];
    // Words no page has together: corrected ("refrence", "vot"), one in no page ("whip"), and relaxed.
    const question = ['search', 'who', 'spoke', 'about', 'grenfell', 'at', 'the', 'refrence', 'back', 'card', 'vot', 'whip'];
    for (let i = 0; i < 2; i++) expect(runCopy(plain, { XDG_CACHE_HOME: cacheHome }).status).toBe(0);
    expect(headerOf(file).trimEnd()).toBe(`${buildTag(copyCli)} ${copyCli}`);
    const plainCode = readFileSync(file);

    const asked = runCopy(question, { XDG_CACHE_HOME: cacheHome });
    expect(asked.status).toBe(0);
    expect(asked.stdout).toContain('Showing results for');
    expect(headerOf(file).trimEnd()).toBe(`${buildTag(copyCli)} ${copyCli} [corrected,relaxed]`);
    expect((headerOf(file).length + 1) % 8).toBe(0);
    const both = readFileSync(file);
    // The plain search's functions and the question's: more than either alone.
    expect(both.length).toBeGreaterThan(plainCode.length);

    for (const args of [question, plain, question]) {
      const again = runCopy(args, { XDG_CACHE_HOME: cacheHome });
      expect(again.status).toBe(0);
      expect(readFileSync(file).equals(both)).toBe(true);
    }
    expect(runCopy(question, { XDG_CACHE_HOME: cacheHome }).stdout).toBe(asked.stdout);
  });

  // Built here, by the Node running the tests: CI builds with one Node and tests with two.
  test('the build keeps no code of its own, and writes a bundle V8 can hold as one-byte text', () => {
    const built = join(sandbox.home, 'built');
    copyPackage(built);
    cpSync(join(repoRoot, 'scripts'), join(built, 'scripts'), { recursive: true });
    for (const entry of ['src', 'tsconfig.json']) symlinkSync(join(repoRoot, entry), join(built, entry));
    const build = spawnSync(process.execPath, [join(built, 'scripts', 'build.mjs')], { cwd: built, encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(readdirSync(join(built, 'dist')).filter((f) => !f.endsWith('.cjs') && !f.endsWith('.json')).sort()).toEqual(['islands', 'vendor']);
    expect(/[^\x00-\x7f]/.exec(readFileSync(join(built, 'dist', 'cli.cjs'), 'latin1'))).toBeNull();
  });

  describe('dist/code-cache.cjs, on a module of the shape cli.cjs has', () => {
    const dir = join(sandbox.home, 'code-cache');
    const file = join(dir, 'cli.cjs');
    const cacheHome = join(dir, 'cache');
    const load = () =>
      spawnSync(
        process.execPath,
        [
          '-e',
          `const used = require(${JSON.stringify(join(repoRoot, 'dist', 'code-cache.cjs'))}).runWithCodeCache(${JSON.stringify(file)}, { argv: ['node', 'bin', 'list'], env: { HOME: ${JSON.stringify(dir)}, XDG_CACHE_HOME: ${JSON.stringify(cacheHome)} }, platform: 'linux', version: process.version, arch: process.arch }); console.log('used the kept code: ' + used)`,
        ],
        // Node's compile cache, if a test turns it on, in the sandbox (and off at start).
        { encoding: 'utf8', env: { ...process.env, TMPDIR: dir, NODE_COMPILE_CACHE: undefined } },
      );
    const write = (build: string, says: string) =>
      writeFileSync(
        file,
        `/*delegate-build:${build}*/(function (exports, require, module, __filename, __dirname) {"use strict";globalThis[Symbol.for('delegate.commandRan')] = 'list'; console.log(${JSON.stringify(says)}, typeof require, __filename === ${JSON.stringify(file)});\n})`,
      );
    beforeAll(() => mkdirSync(dir, { recursive: true }));

    test('runs the module with its own require, keeps its code, and uses it for the same build', () => {
      write('one', 'first build');
      expect(load().stdout).toBe('first build function true\nused the kept code: false\n');
      expect(existsSync(codeFile(cacheHome, 'list'))).toBe(true);
      expect(load().stdout).toBe('first build function true\nused the kept code: true\n');
    });

    test('does not use it for another build of the same length: the new code runs', () => {
      write('two', 'other build');
      expect(load().stdout).toBe('other build function true\nused the kept code: false\n');
      expect(headerOf(codeFile(cacheHome, 'list')).trimEnd()).toBe(`delegate-build:two ${file}`);
    });

    test("turns on Node's compile cache only when it first reads one of our other files", () => {
      writeFileSync(join(dir, 'sibling.cjs'), 'module.exports = 1;\n');
      writeFileSync(
        file,
        `/*delegate-build:cc*/(function (exports, require, module, __filename, __dirname) {"use strict";globalThis[Symbol.for('delegate.commandRan')] = 'list'; const m = require('node:module'); const on = () => m.getCompileCacheDir?.() !== undefined; const atStart = on(); require('node:path'); const afterBuiltin = on(); require('./sibling.cjs'); console.log(JSON.stringify([atStart, afterBuiltin, on(), typeof m.getCompileCacheDir]));\n})`,
      );
      const [atStart, afterBuiltin, afterOurs, api] = JSON.parse(load().stdout.split('\n')[0]!) as [boolean, boolean, boolean, string];
      expect([atStart, afterBuiltin]).toEqual([false, false]);
      // Node 20 has no compile cache: nothing to turn on.
      expect(afterOurs).toBe(api === 'function');
    });

    test('runs the motion island with code of its own, kept beside the command\'s and used the next time', () => {
      mkdirSync(join(dir, 'islands'), { recursive: true });
      writeFileSync(
        file,
        `/*delegate-build:three*/(function (exports, require, module, __filename, __dirname) {"use strict";globalThis[Symbol.for('delegate.commandRan')] = 'list'; console.log(require('./islands/motion.cjs').says, require('./islands/motion.cjs') === require('./islands/motion.cjs'));\n})`,
      );
      writeFileSync(
        join(dir, 'islands', 'motion.cjs'),
        `/*delegate-build:three*/(function (exports, require, module, __filename, __dirname) {"use strict";module.exports = { says: 'island ' + (__filename === ${JSON.stringify(join(dir, 'islands', 'motion.cjs'))}) };\n})`,
      );
      const islandCode = join(cacheHome, 'delegate', 'code', `${process.version}-${process.arch}`, 'list.motion.bin');
      expect(load().stdout).toBe('island true true\nused the kept code: false\n');
      expect(headerOf(islandCode).trimEnd()).toBe(`delegate-build:three ${join(dir, 'islands', 'motion.cjs')}`);
      const kept = statSync(islandCode).mtimeMs;
      // Taken the next time: not made again (a file V8 rejected would be written anew).
      expect(load().stdout).toBe('island true true\nused the kept code: true\n');
      expect(statSync(islandCode).mtimeMs).toBe(kept);
    });

    test('keeps nothing for a module without a build id', () => {
      rmSync(cacheHome, { recursive: true, force: true });
      writeFileSync(file, `globalThis[Symbol.for('delegate.commandRan')] = 'list'; console.log("no build id")\n`);
      expect(load().stdout).toBe('no build id\nused the kept code: false\n');
      expect(existsSync(cacheHome)).toBe(false);
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
