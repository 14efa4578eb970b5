import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, run, tempHome } from '../helpers/run.js';

// bin/delegate.cjs hands V8 the compiled code the build left in dist/cli.cache. A cache that
// is damaged, from another build, empty or missing must cost speed, never the command.

const sandbox = tempHome();
const copy = join(sandbox.home, 'package');

function runCopy(args: string[]) {
  return spawnSync(process.execPath, [join(copy, 'bin', 'delegate.cjs'), ...args], {
    env: { ...process.env, ...sandbox.env, NO_COLOR: '1' },
    encoding: 'utf8',
  });
}

beforeAll(() => {
  mkdirSync(copy, { recursive: true });
  cpSync(join(repoRoot, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'dist'), join(copy, 'dist'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(copy, 'package.json'));
  symlinkSync(join(repoRoot, 'content'), join(copy, 'content'));
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
});
afterAll(() => sandbox.cleanup());

const cache = () => join(copy, 'dist', 'cli.cache');
const expected = () => run(['list'], { env: { ...sandbox.env, NO_COLOR: '1' } }).stdout;

describe('the code cache', () => {
  // V8 keeps the name the code was compiled under in the cache; the build compiles cli.cjs
  // elsewhere first (dist.build-…), and a bug report must not point there.
  test('stack traces of the cached code name dist/cli.cjs where it is', () => {
    const result = run(['read', 'no-such-page'], { env: { ...sandbox.env, DELEGATE_DEBUG: '1' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`(${join(repoRoot, 'dist', 'cli.cjs')}:`);
    expect(result.stderr).not.toContain('dist.build-');
  });

  test('the build makes one, headed by the build id that heads cli.cjs', () => {
    const source = readFileSync(join(repoRoot, 'dist', 'cli.cjs'), 'utf8');
    const id = /^"use strict";\/\*(delegate-build:[^*]+)\*\//.exec(source)?.[1];
    expect(id).toBeDefined();
    expect(readFileSync(join(repoRoot, 'dist', 'cli.cache')).toString('latin1', 0, id!.length + 1)).toBe(`${id}\n`);
  });

  // A cache V8 turns down costs every start a compile, and nothing says so. V8 writes the flags
  // in force into a cache and turns it down where they differ: a `motion compare` in training
  // that switches TurboFan off must not leave its mark.
  const accepts = (cacheFile: string, source = join(repoRoot, 'dist', 'cli.cjs')) =>
    spawnSync(
      process.execPath,
      [
        '-e',
        `const { readFileSync } = require('node:fs'); const { Script } = require('node:vm');
         const data = readFileSync(process.argv[2]);
         const script = new Script(readFileSync(process.argv[1], 'latin1'), { filename: process.argv[1], cachedData: data.subarray(data.indexOf(10) + 1) });
         process.stdout.write(script.cachedDataRejected ? 'rejected' : 'accepted');`,
        source,
        cacheFile,
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH } },
    ).stdout;

  test('each group of commands has a cache of its own, and V8 takes every one', () => {
    const caches = readdirSync(join(repoRoot, 'dist')).filter((f) => f.endsWith('.cache')).sort();
    expect(caches).toEqual([
      'cli.cache',
      'cli.checklist.cache',
      'cli.motion-amendment.cache',
      'cli.motion-apply.cache',
      'cli.motion-compare.cache',
      'cli.motion-composite.cache',
      'cli.motion.cache',
      'cli.notes.cache',
      'cli.search.cache',
    ]);
    for (const file of caches) expect(`${file}: ${accepts(join(repoRoot, 'dist', file))}`).toBe(`${file}: accepted`);
  });

  test('a cache trained on a compare that turns TurboFan off is still taken', () => {
    // Thirty motions of a hundred words: inside the range where compare does without TurboFan.
    const motions = Array.from({ length: 30 }, (_, i) => `## Motion ${i + 1}\n\nConference notes ${'that the rent rises again '.repeat(20)}\n`).join('\n');
    writeFileSync(join(sandbox.home, 'thirty.md'), motions);
    writeFileSync(join(sandbox.home, 'runs.json'), JSON.stringify([['motion', 'compare', join(sandbox.home, 'thirty.md')]]));
    const source = join(repoRoot, 'dist', 'cli.cjs');
    const raw = join(sandbox.home, 'trained.cache');
    const trained = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'train-code-cache.cjs'), source, raw, join(sandbox.home, 'runs.json')], {
      env: { PATH: process.env.PATH, ...sandbox.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(trained.stderr).toBe('');
    expect(trained.status).toBe(0);
    const headed = join(sandbox.home, 'headed.cache');
    writeFileSync(headed, Buffer.concat([Buffer.from('head\n'), readFileSync(raw)]));
    expect(accepts(headed, source)).toBe('accepted');
  });

  test('a damaged cache for motion compare is ignored, and compare works', () => {
    const fixture = join(repoRoot, 'test', 'fixtures', 'motions', 'housing-cac.md');
    const before = runCopy(['motion', 'compare', fixture]);
    writeFileSync(join(copy, 'dist', 'cli.motion-compare.cache'), Buffer.alloc(3000, 0x5a));
    const after = runCopy(['motion', 'compare', fixture]);
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout).toContain('Comparing 5 motions');
  });

  test.each([
    ['from another build', (real: Buffer) => Buffer.concat([Buffer.from('delegate-build:0.0.0+other\n'), real.subarray(real.indexOf(10) + 1)])],
    ['damaged after its head', (real: Buffer) => Buffer.concat([real.subarray(0, real.indexOf(10) + 1), Buffer.alloc(5000, 0xab)])],
    ['cut short', (real: Buffer) => real.subarray(0, real.indexOf(10) + 100)],
    ['that is empty', () => Buffer.alloc(0)],
  ])('a cache %s is ignored and the command works', (_, damage) => {
    const real = readFileSync(join(repoRoot, 'dist', 'cli.cache'));
    writeFileSync(cache(), damage(real));
    const result = runCopy(['list']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected());
  });

  test('without a cache the command works', () => {
    rmSync(cache(), { force: true });
    const result = runCopy(['list']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected());
  });

  test('without dist/cli.cjs the command says how to build it, and exits 1', () => {
    rmSync(join(copy, 'dist', 'cli.cjs'));
    const result = runCopy(['list']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`delegate: ${join(copy, 'dist', 'cli.cjs')} is missing: this copy of delegate was never built.`);
    expect(result.stderr).toContain('Run `npm install` (or `npm run build`)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
