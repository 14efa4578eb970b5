import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDir } from '../../src/util/ensureDir.js';

describe('ensureDir', () => {
  test('creates a folder and its parents, and accepts one that exists', () => {
    const base = mkdtempSync(join(tmpdir(), 'delegate-dir-'));
    try {
      const deep = join(base, 'a', 'b', 'c');
      ensureDir(deep);
      ensureDir(deep);
      expect(statSync(deep).isDirectory()).toBe(true);
      writeFileSync(join(base, 'file'), 'x');
      expect(() => ensureDir(join(base, 'file'))).toThrow(/EEXIST/);
      expect(() => ensureDir(join(base, 'file', 'below'))).toThrow(/ENOTDIR/);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  // Node 20's recursive mkdirSync never returns here.
  (existsSync('/proc/self') ? test : test.skip)('fails at once where the system refuses, as under /proc', () => {
    expect(() => ensureDir('/proc/no-such-folder/delegate')).toThrow(/ENOENT/);
  });
});
