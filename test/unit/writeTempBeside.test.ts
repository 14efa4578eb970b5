import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { writeFileAtomicSync, writeTempBeside } from '../../src/util/writeFileAtomic.js';
import { useTempDir } from '../helpers/fixtures.js';

// The first half of an atomic write: the temp file beside the target. A write that fails after
// the temp file is made (a full disk, a file size limit) must take the temp file with it.

const dir = useTempDir('delegate-temp-beside-');

describe('writeTempBeside', () => {
  test('writes the text to a hidden temp file beside the target and leaves the target alone', () => {
    const file = join(dir(), 'progress.json');
    writeFileSync(file, 'old');
    const temp = writeTempBeside(file, 'new text');
    expect(readFileSync(temp, 'utf8')).toBe('new text');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir()).sort()).toEqual([temp.slice(dir().length + 1), 'progress.json'].sort());
    expect(temp.slice(dir().length + 1)).toMatch(new RegExp(`^\\.progress\\.json\\.${process.pid}\\.[a-z0-9]+\\.tmp$`));
  });

  // Data that cannot be written stands in for a disk that fills: the same catch runs.
  test('a write that fails after the temp file is made leaves no temp file behind', () => {
    const file = join(dir(), 'progress.json');
    writeFileSync(file, 'old');
    expect(() => writeTempBeside(file, 42 as unknown as string)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
    expect(readdirSync(dir())).toEqual(['progress.json']);
  });

  test('through writeFileAtomicSync, the old file stays as it was and the error names the file', () => {
    const file = join(dir(), 'progress.json');
    writeFileSync(file, 'old');
    let error: unknown;
    try {
      writeFileAtomicSync(file, 42 as unknown as string);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(`cannot write ${file} (ERR_INVALID_ARG_TYPE)`);
    expect(readdirSync(dir())).toEqual(['progress.json']);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  test('a file asked for as private (mode 0600) is readable by its owner only', () => {
    const file = join(dir(), 'private.json');
    writeFileAtomicSync(file, 'secret', { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
