import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyPackage, tempHome } from '../helpers/fixtures.js';

// Anything that is not a UserError is a bug in delegate: it must say so, show the stack for the
// report, and exit 1, never 0 (house style, rule 9). A damaged install is a real way to get one:
// a part of the build (an island) from another build that lacks the function the bundle calls.

const sandbox = tempHome();
afterAll(() => sandbox.cleanup());

test('an unexpected error asks for a bug report, shows the stack, and exits 1', () => {
  const copy = copyPackage(join(sandbox.home, 'package'));
  writeFileSync(join(copy, 'dist', 'islands', 'plainText.cjs'), 'module.exports = {};\n');
  const result = spawnSync(process.execPath, [join(copy, 'bin', 'delegate.cjs'), 'read', 'reference-back'], {
    env: { ...process.env, ...sandbox.env, NO_COLOR: '1', DELEGATE_DEBUG: '' },
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^delegate: unexpected error\. This is a bug; please report it with the command you ran\.\nTypeError: .*renderMarkdownAsText.* is not a function\n/);
  expect(result.stderr).toMatch(/\n {4}at .*cli\.cjs:\d+:\d+\)?\n/);
});
