import { linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/util/writeFileAtomic.js';
import { useTempDir } from '../helpers/fixtures.js';

// Progress files, notes, the cache and --output are all written this way: a reader sees the old
// file or the new one, never half of one, and a write that fails leaves the old file as it was.

const dir = useTempDir('delegate-atomic-');

/** A UserError's message and hint, or a failure if `write` does not throw one. */
function failure(write: () => void): string {
  try {
    write();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return `${error.message}\n${error.hint}`;
  }
  throw new Error('the write did not fail');
}

describe('writeFileAtomicSync', () => {
  test('the new file replaces the old one whole: another name for the old file still holds the old bytes', () => {
    const file = join(dir(), 'progress.json');
    writeFileSync(file, 'old progress');
    // A second name for the old file: a write in place would change it too, a rename does not.
    const held = join(dir(), 'held-open');
    linkSync(file, held);
    writeFileAtomicSync(file, 'new progress');
    expect(readFileSync(file, 'utf8')).toBe('new progress');
    expect(readFileSync(held, 'utf8')).toBe('old progress');
    expect(readdirSync(dir()).sort()).toEqual(['held-open', 'progress.json']);
  });

  test('the promise form writes the same way', async () => {
    const file = join(dir(), 'cheatsheet.html');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir())).toEqual(['cheatsheet.html']);
  });

  test('makes the folder when it is missing', () => {
    const file = join(dir(), 'a', 'b', 'note.md');
    writeFileAtomicSync(file, 'text');
    expect(readFileSync(file, 'utf8')).toBe('text');
    expect(readdirSync(join(dir(), 'a', 'b'))).toEqual(['note.md']);
  });

  test('a rename that fails (a folder in the way) is a plain error, and no temp file is left', () => {
    const target = join(dir(), 'cheatsheet.html');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    expect(failure(() => writeFileAtomicSync(target, 'new'))).toBe(`cannot write ${target} (EISDIR)\nCheck the folder exists and you can write to it.`);
    expect(readdirSync(dir())).toEqual(['cheatsheet.html']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept');
  });

  test('a file where the folder should be is a plain error, and nothing is written', () => {
    writeFileSync(join(dir(), 'notes'), 'a file, not a folder');
    const file = join(dir(), 'notes', 'hotel.md');
    expect(failure(() => writeFileAtomicSync(file, 'new'))).toMatch(new RegExp(`^cannot write ${file} \\((ENOTDIR|EEXIST)\\)\\n`));
    expect(readdirSync(dir())).toEqual(['notes']);
    expect(readFileSync(join(dir(), 'notes'), 'utf8')).toBe('a file, not a folder');
  });
});
