import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UserError } from '../errors.js';
import { readStream } from '../util/readStream.js';

// NOTE: the one module of the motion workbench that touches files, and the one place its readers
// meet: text, Markdown, PDF and Word all come out of readMotionFile as text, with the pages it
// came from. Everything it returns is checked text: the analysis never sees bytes. The PDF and
// Word libraries are behind pdfText.ts and docxText.ts, loaded only when such a file is read.

/** A motion is a page of text; a megabyte is thousands of motions, so anything larger is the wrong file. */
export const MAX_MOTION_BYTES = 1024 * 1024;
/** A PDF or Word file carries fonts and pictures: a conference's whole agenda fits in this. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const STDIN = 'standard input';

/** What a file was, told by its first bytes rather than its name. */
export type MotionFormat = 'text' | 'pdf' | 'docx';

export interface MotionFile {
  /** How to name it in messages: the path as given, or "standard input" for -. */
  name: string;
  text: string;
  format: MotionFormat;
  /** For a PDF, where each page starts in `text` (page 1 at 0); see pageAt. */
  pageStarts?: number[];
}

/**
 * Read a motion, or a document of motions, from a file, or from standard input when `file` is
 * "-": UTF-8 text or Markdown, a PDF, or a Word .docx, told apart by their first bytes. Refuses,
 * with a message saying what to do, anything else (a scan, a locked PDF, a file too large).
 */
export async function readMotionFile(
  file: string,
  io: { stdin: NodeJS.ReadableStream & { isTTY?: boolean }; waitingForTyping?: () => void },
): Promise<MotionFile> {
  if (file === '-') {
    if (io.stdin.isTTY) io.waitingForTyping?.();
    return fromBytes(await readStream(io.stdin, { bytes: MAX_DOCUMENT_BYTES, tooBig: (size) => tooBig(STDIN, size) }), STDIN);
  }
  return fromBytes(readPath(file), file);
}

/** The page (from 1) that the text at `offset` of a file is on, or undefined when it has no pages. */
export function pageAt(file: Pick<MotionFile, 'pageStarts'>, offset: number): number | undefined {
  const starts = file.pageStarts;
  if (!starts || starts.length === 0) return undefined;
  let page = 1;
  for (let i = 1; i < starts.length && starts[i]! <= offset; i++) page = i + 1;
  return page;
}

/** What the first bytes say a file is. */
export function sniffFormat(bytes: Uint8Array): MotionFormat | 'zip' | 'odt' {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) {
    // An OpenDocument file starts with an entry "mimetype" holding its type, unzipped.
    const entry = Buffer.from(bytes.subarray(30, 100)).toString('latin1');
    if (entry.startsWith('mimetype') && entry.includes('opendocument')) return 'odt';
    return 'zip';
  }
  return 'text';
}

async function fromBytes(bytes: Buffer, name: string): Promise<MotionFile> {
  const format = sniffFormat(bytes);
  if (format === 'text') {
    if (bytes.length > MAX_MOTION_BYTES) throw tooBig(name, name === STDIN ? undefined : bytes.length);
    return { name, text: decodeMotion(bytes, name), format: 'text' };
  }
  if (format === 'pdf') {
    const { pdfText } = await import('./pdfText.js');
    const read = await pdfText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (read.ok) return { name, text: hasText(read.text, name), format: 'pdf', pageStarts: read.pageStarts };
    if (read.problem === 'no-text') {
      throw new UserError(`${name}: this PDF has no text: was it scanned?`, {
        hint: 'A scan is a picture of the pages. Run it through text recognition (OCR) first, or copy the motions into a text file and give that.',
      });
    }
    if (read.problem === 'password') {
      throw new UserError(`${name} is a PDF locked with a password`, { hint: 'Open it with its password and save (or print) a copy without one, then give that.' });
    }
    throw new UserError(`${name} is a damaged PDF: it cannot be read (${read.detail.replace(/\.$/, '')})`, {
      hint: 'Download it again, or open it in a PDF viewer and save a new copy.',
    });
  }
  if (format === 'odt') {
    throw new UserError(`${name} is an OpenDocument file (.odt), which the motion workbench does not read`, { hint: 'Save it as a Word document (.docx) or a PDF, and give that.' });
  }
  const { docxText } = await import('./docxText.js');
  const read = await docxText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (read.ok) return { name, text: hasText(read.text, name), format: 'docx' };
  if (read.problem === 'not-word') {
    throw new UserError(`${name} is a zip file, not a Word document (.docx)`, { hint: 'Give the Word document itself (.docx), or save the motions as PDF or text.' });
  }
  throw new UserError(`${name} is a damaged Word document: it cannot be read (${read.detail.replace(/\.$/, '')})`, {
    hint: 'Open it in Word or LibreOffice and save a new copy, or save it as PDF.',
  });
}

function hasText(text: string, name: string): string {
  if (text.trim() === '') throw new UserError(`${name} has no text in it`, { hint: 'Check that it is the file with the motions.' });
  return text;
}

// Synchronous on purpose: a motion is a few kilobytes, and compare may read forty of them; each
// asynchronous open, stat, read and close would wait its turn on the thread pool.
function readPath(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw openError(error, file);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UserError(`${file} is a folder, not a file`, { hint: 'Give the file that holds the motion.' });
    if (stat.isFile() && stat.size > MAX_DOCUMENT_BYTES) throw tooBig(file, stat.size);
    // Not a plain file (a pipe, /dev/stdin): read up to the limit and no further. Text has a
    // lower limit, checked once the first bytes say what the file is.
    const buffer = Buffer.alloc(stat.isFile() ? stat.size + 1 : MAX_DOCUMENT_BYTES + 1);
    let filled = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > MAX_DOCUMENT_BYTES) throw tooBig(file, filled);
      if (filled === buffer.length) break;
    }
    return buffer.subarray(0, filled);
  } catch (error) {
    throw error instanceof UserError ? error : openError(error, file);
  } finally {
    closeSync(fd);
  }
}

function openError(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError(`no such file: ${file}`, { hint: 'Check the name and the folder, or give - to read the motion from standard input.' });
  if (code === 'EISDIR') return new UserError(`${file} is a folder, not a file`, { hint: 'Give the file that holds the motion.' });
  if (code === 'EACCES' || code === 'EPERM') return new UserError(`cannot read ${file}: permission denied`);
  return error;
}

function tooBig(name: string, size?: number): UserError {
  const limits = 'The motion workbench reads text files of up to 1 MB, and PDF and Word files of up to 20 MB.';
  if (size !== undefined && size > MAX_DOCUMENT_BYTES) {
    return new UserError(`${name} is ${(size / (1024 * 1024)).toFixed(1)} MB: larger than the 20 MB limit for a PDF or Word file of motions`, {
      hint: `${limits} Save the pages with the motions as a new PDF, or copy the motions into a text file.`,
    });
  }
  const mb = size === undefined ? 'over 1 MB' : `${(size / (1024 * 1024)).toFixed(1)} MB`;
  return new UserError(`${name} is ${mb}: far too long for a motion (250 words is about 2 KB), so it is probably not the file you meant`, {
    hint: limits,
  });
}

/**
 * Bytes to text, refusing what is not text: empty input, binary files (a PDF, a Word document,
 * anything with NUL bytes), UTF-16, and bytes that are not valid UTF-8. A UTF-8 byte order mark
 * is dropped.
 */
export function decodeMotion(bytes: Uint8Array, name: string): string {
  const saveAsText = 'Copy the motion into a plain text file (.txt, saved as UTF-8) and give that instead.';
  const fill = name === STDIN ? 'Pipe the text of the motion in, or give the file that holds it.' : 'Put the text of the motion in it, or pipe the text in and give -.';
  if (bytes.length === 0) throw new UserError(`${name} is empty`, { hint: fill });
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('%PDF')) throw new UserError(`${name} is a PDF, not text`, { hint: saveAsText });
  if (head.startsWith('PK\u0003\u0004')) throw new UserError(`${name} is a Word document or other zipped file, not text`, { hint: saveAsText });
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) {
    throw new UserError(`${name} is an old Word document (.doc), which the motion workbench does not read`, { hint: 'Save it as a Word document (.docx) or a PDF, and give that.' });
  }
  if (head.startsWith('\u00ff\u00fe') || head.startsWith('\u00fe\u00ff')) {
    throw new UserError(`${name} is UTF-16 text; the motion workbench reads UTF-8`, { hint: 'Save it again as UTF-8 (Save As, then choose UTF-8) and try again.' });
  }
  // Named as a PDF or Word file, but it does not start as one: it is neither that nor text.
  const claimed = /\.pdf$/i.test(name) ? 'a PDF' : /\.docx$/i.test(name) ? 'a Word document (.docx)' : /\.odt$/i.test(name) ? 'an OpenDocument text (.odt)' : undefined;
  const notClaimed = (why: string) =>
    new UserError(`${name} is named as ${claimed} but does not start as one, and it is not text either (${why})`, {
      hint: 'It may be damaged, or only partly downloaded or copied: download or save it again. Or copy the motions into a plain text file (.txt, saved as UTF-8) and give that.',
    });
  const nul = bytes.indexOf(0);
  if (nul !== -1 && claimed) throw notClaimed(`it has a NUL byte at byte ${nul + 1}`);
  if (nul !== -1) throw new UserError(`${name} is a binary file, not text (it has a NUL byte at byte ${nul + 1})`, { hint: saveAsText });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    if (claimed) throw notClaimed(`byte ${bad + 1} is not UTF-8`);
    const line = bytes.subarray(0, bad).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new UserError(`${name} is not UTF-8 text: line ${line} has a byte (0x${byte}) that UTF-8 does not allow`, {
      hint: 'It is probably in an older encoding such as Windows-1252. Save it as UTF-8 (Save As, then choose UTF-8) and try again.',
    });
  }
  text = text.replace(/^\ufeff/, '');
  if (text.trim() === '') throw new UserError(`${name} has no text in it, only blank space`, { hint: fill });
  return text;
}

/** The offset of the first byte that breaks UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i; // cut off at the end
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
