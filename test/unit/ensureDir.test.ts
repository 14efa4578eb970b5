import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir } from '../../src/util/ensureDir.js';
import { tempDir } from '../helpers/fixtures.js';

describe('ensureDir', () => {
  test('creates a folder and its parents, and accepts one that exists', () => {
    const { dir: base, cleanup } = tempDir('delegate-dir-');
    try {
      const deep = join(base, 'a', 'b', 'c');
      ensureDir(deep);
      ensureDir(deep);
      expect(statSync(deep).isDirectory()).toBe(true);
      writeFileSync(join(base, 'file'), 'x');
      expect(() => ensureDir(join(base, 'file'))).toThrow(/EEXIST/);
      expect(() => ensureDir(join(base, 'file', 'below'))).toThrow(/ENOTDIR/);
    } finally {
      cleanup();
    }
  });

  // NOTE: the folder exists by the time its own mkdir runs, as when another process makes it
  // meanwhile (two searches at once on an empty cache); here "a/b/.." is made on the way to it.
  test('a folder that is there by the time it is made, as another process made it, is accepted', () => {
    const { dir: base, cleanup } = tempDir('delegate-dir-');
    try {
      const roundabout = `${base}/a/b/../c`;
      expect(() => ensureDir(roundabout)).not.toThrow();
      expect(statSync(join(base, 'a', 'c')).isDirectory()).toBe(true);
    } finally {
      cleanup();
    }
  });

  // Node 20's recursive mkdirSync never returns here.
  (existsSync('/proc/self') ? test : test.skip)('fails at once where the system refuses, as under /proc', () => {
    expect(() => ensureDir('/proc/no-such-folder/delegate')).toThrow(/ENOENT/);
  });
});
