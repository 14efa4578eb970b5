import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { UserError } from '../../src/errors.js';
import { decodeMotion, firstInvalidUtf8, MAX_MOTION_BYTES, readMotionFile } from '../../src/motion/readMotionFile.js';
import { tempDir } from '../helpers/fixtures.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const refusal = (fn: () => unknown): UserError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
};

describe('decodeMotion', () => {
  test('returns UTF-8 text, without a byte order mark', () => {
    expect(decodeMotion(new TextEncoder().encode('\ufeffCouncil homes – now'), 'm.txt')).toBe('Council homes – now');
  });

  test('refuses empty and blank input', () => {
    expect(refusal(() => decodeMotion(bytes(), 'm.txt')).message).toBe('m.txt is empty');
    expect(refusal(() => decodeMotion(new TextEncoder().encode(' \n\n '), 'm.txt')).message).toBe('m.txt has no text in it, only blank space');
  });

  test('refuses binary files, naming PDFs and Word documents', () => {
    expect(refusal(() => decodeMotion(new TextEncoder().encode('%PDF-1.7 …'), 'm.pdf')).message).toBe('m.pdf is a PDF, not text');
    expect(refusal(() => decodeMotion(bytes(0x50, 0x4b, 3, 4, 0), 'm.docx')).message).toMatch(/Word document/);
    expect(refusal(() => decodeMotion(bytes(0x41, 0x42, 0, 0x43), 'm.bin')).message).toBe('m.bin is a binary file, not text (it has a NUL byte at byte 3)');
  });

  test('a file named as a PDF or Word file that is neither it nor text says so, and that it may be damaged', () => {
    const random = bytes(0x17, 0xa9, 0x00, 0x3c);
    const pdf = refusal(() => decodeMotion(random, 'agenda.PDF'));
    expect(pdf.message).toBe('agenda.PDF is named as a PDF but does not start as one, and it is not text either (it has a NUL byte at byte 3)');
    expect(pdf.hint).toMatch(/damaged, or only partly downloaded/);
    expect(refusal(() => decodeMotion(bytes(0x41, 0xff, 0x42), 'motions.docx')).message).toBe(
      'motions.docx is named as a Word document (.docx) but does not start as one, and it is not text either (byte 2 is not UTF-8)',
    );
    expect(refusal(() => decodeMotion(bytes(0x41, 0, 0x42), 'motions.odt')).message).toMatch(/^motions\.odt is named as an OpenDocument text \(\.odt\)/);
    // Text named .pdf is still read as the text it is.
    expect(decodeMotion(new TextEncoder().encode('Fair rents\n\nConference notes.'), 'pasted.pdf')).toBe('Fair rents\n\nConference notes.');
  });

  test('refuses text that is not UTF-8, saying where and what to do', () => {
    const latin1 = Uint8Array.from(Buffer.from('Conference notes\nthe caf\u00e9 closed', 'latin1'));
    const error = refusal(() => decodeMotion(latin1, 'm.txt'));
    expect(error.message).toBe('m.txt is not UTF-8 text: line 2 has a byte (0xE9) that UTF-8 does not allow');
    expect(error.hint).toMatch(/Save it as UTF-8/);
    expect(refusal(() => decodeMotion(bytes(0xff, 0xfe, 0x41, 0), 'm.txt')).message).toMatch(/UTF-16/);
  });
});

describe('firstInvalidUtf8', () => {
  test('finds overlong, truncated and surrogate sequences, and passes valid text', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('a–b😀'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0);
  });
});

describe('readMotionFile', () => {
  const folder = tempDir('delegate-motion-');
  const dir = folder.dir;
  afterAll(() => folder.cleanup());
  const stdin = Readable.from([]);

  test('reads a file, and standard input for -', async () => {
    writeFileSync(join(dir, 'm.txt'), 'Fair rents\n\nConference notes.');
    await expect(readMotionFile(join(dir, 'm.txt'), { stdin })).resolves.toEqual({ name: join(dir, 'm.txt'), text: 'Fair rents\n\nConference notes.', format: 'text' });
    await expect(readMotionFile('-', { stdin: Readable.from([Buffer.from('Conference notes.')]) })).resolves.toEqual({
      name: 'standard input',
      text: 'Conference notes.',
      format: 'text',
    });
  });

  test('refuses a missing file, a folder, and a file over 1 MB', async () => {
    await expect(readMotionFile(join(dir, 'nope.txt'), { stdin })).rejects.toThrow(`no such file: ${join(dir, 'nope.txt')}`);
    await expect(readMotionFile(dir, { stdin })).rejects.toThrow(`${dir} is a folder, not a file`);
    writeFileSync(join(dir, 'big.txt'), 'word '.repeat(MAX_MOTION_BYTES / 5 + 1));
    await expect(readMotionFile(join(dir, 'big.txt'), { stdin })).rejects.toThrow(/big\.txt is 1\.0 MB: far too long for a motion/);
  });

  test('stops reading standard input past 1 MB', async () => {
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(100 * 1024, 0x61));
    await expect(readMotionFile('-', { stdin: Readable.from(chunks) })).rejects.toThrow(/standard input is over 1 MB/);
  });
});
