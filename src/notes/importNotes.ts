import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { FrontMatterError } from '../content/frontMatter.js';
import { MAX_PAGE_BYTES, parsePage } from '../content/loadPages.js';
import { isInside } from '../util/isInside.js';
import { listFiles } from '../util/listFiles.js';
import { composeNote, type ComposedNote } from './composeNote.js';
import { savedAs, saveNote } from './saveNote.js';

export interface ImportedNote {
  source: string;
  id: string;
  file: string;
}

export interface SkippedFile {
  source: string;
  reason: string;
}

export interface ImportReport {
  imported: ImportedNote[];
  /** Files imported before, unchanged since: the note they became is still there, as it was. */
  already: ImportedNote[];
  skipped: SkippedFile[];
}

const IMPORTABLE = new Set(['.md', '.txt']);

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** "economy_composite (draft)" from "economy_composite (draft).txt": a title when the file has none. */
function titleFromName(file: string): string {
  return basename(file, extname(file)).replace(/[_]+/g, ' ').trim();
}

/** A file as a note ready to save, or why it cannot be one. Throws FrontMatterError or a read error. */
async function readNote(source: string): Promise<ComposedNote | string> {
  const stat = statSync(source);
  if (!stat.isFile()) return 'is not a regular file (a pipe, a device or a link to one)';
  if (stat.size > MAX_PAGE_BYTES) return `is ${Math.round(stat.size / 1024)} KiB, too large for a note`;
  const text = readFileSync(source, 'utf8');
  if (text.includes('\u0000')) return 'is a binary file, not text';
  const note = await composeNote(text, {
    created: stat.mtime.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    name: basename(source, extname(source)),
    fallbackTitle: titleFromName(source) || 'Imported note',
    ...(extname(source).toLowerCase() === '.txt' ? { title: titleFromName(source) } : {}),
  });
  if (!note) return 'is empty';
  // Check the note reads back as a page before it goes in.
  await parsePage(note.render(note.name), `${note.name}.md`, 'personal');
  return note;
}

/**
 * Copy existing .md and .txt files into the notes folder as notes: front matter added where
 * missing, file names made safe, and never over an existing note. A file imported before and
 * unchanged since is not copied again. Files that cannot be read as notes are skipped with the
 * reason. The originals are left where they are.
 */
export async function importNotes(
  sources: readonly string[],
  options: { notesDir: string; taken?: ReadonlySet<string> },
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], already: [], skipped: [] };
  const notesDir = realpath(options.notesDir);
  const files: string[] = [];
  for (const source of sources) {
    let stat;
    try {
      stat = statSync(source);
    } catch (error) {
      report.skipped.push({ source, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    if (isInside(realpath(source), notesDir)) {
      report.skipped.push({ source, reason: 'is already in your notes folder' });
    } else if (stat.isDirectory()) {
      const found = listFiles(source, { extensions: [...IMPORTABLE] });
      if (found.length === 0) report.skipped.push({ source, reason: 'has no .md or .txt files' });
      files.push(...found);
    } else if (!IMPORTABLE.has(extname(source).toLowerCase())) {
      report.skipped.push({ source, reason: 'is not a .md or .txt file' });
    } else if (!stat.isFile()) {
      report.skipped.push({ source, reason: 'is not a regular file' }); // a pipe or device would never end
    } else {
      files.push(source);
    }
  }

  const taken = new Set(options.taken ?? []);
  for (const source of files) {
    let note: ComposedNote;
    try {
      const read = await readNote(source);
      if (typeof read === 'string') {
        report.skipped.push({ source, reason: read });
        continue;
      }
      note = read;
    } catch (error) {
      if (error instanceof FrontMatterError) report.skipped.push({ source, reason: `line ${error.line}: ${error.message}` });
      else if ((error as NodeJS.ErrnoException).code) report.skipped.push({ source, reason: `cannot be read (${(error as NodeJS.ErrnoException).code})` });
      else throw error;
      continue;
    }
    const before = savedAs(options.notesDir, note, taken);
    if (before !== undefined) {
      report.already.push({ source, id: before, file: join(options.notesDir, `${before}.md`) });
      continue;
    }
    // NOTE: outside the try above: a notes folder that cannot be written stops the import.
    const saved = saveNote(options.notesDir, note, taken);
    taken.add(saved.id);
    report.imported.push({ source, ...saved });
  }
  return report;
}
