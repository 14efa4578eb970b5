import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
