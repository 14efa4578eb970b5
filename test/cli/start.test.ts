import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyPackage, tempHome } from '../helpers/fixtures.js';
import { repoRoot, run } from '../helpers/run.js';

// bin/delegate.cjs requires dist/cli.cjs, with Node's own compile cache where Node has one.

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

  test('without dist/cli.cjs the command says how to build it, and exits 1', () => {
    rmSync(join(copy, 'dist', 'cli.cjs'));
    const result = runCopy(['list']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `delegate: ${join(copy, 'dist', 'cli.cjs')} is missing: this copy of delegate was never built.\nRun \`npm install\` (or \`npm run build\`) in ${copy}, then try again.\n`,
    );
  });
});
