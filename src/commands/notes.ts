import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Context } from '../context.js';
import { contentPaths } from '../content/contentPaths.js';
import { FrontMatterError } from '../content/frontMatter.js';
import { formatWarning, loadPages, MAX_PAGE_BYTES, parsePage, type LoadedContent } from '../content/loadPages.js';
import { pageToJson, type Page } from '../content/page.js';
import { UserError } from '../errors.js';
import { composeNote, noteTemplate, oneLine } from '../notes/composeNote.js';
import { findNote, loadNotes } from '../notes/findNote.js';
import { importNotes } from '../notes/importNotes.js';
import { saveNote } from '../notes/saveNote.js';
import { trashNote } from '../notes/trashNote.js';
import { renderImportReport, renderNotesList, renderNotesTable } from '../render/notesView.js';
import { neutralise } from '../render/sanitize.js';
import { openInEditor } from '../ui/editor.js';
import { printJson, printPaged } from '../ui/output.js';
import { warn } from '../ui/warn.js';
import { writeFileAtomicSync } from '../util/writeFileAtomic.js';
import { slugify } from '../util/slug.js';
import { ensureDir } from '../util/ensureDir.js';
import { readStream } from '../util/readStream.js';
import { plural } from '../util/plural.js';

/** An ISO date-time to the second, for `created`. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function warnHiddenNotes(loaded: LoadedContent, ctx: Context): void {
  for (const warning of loaded.warnings) warn(ctx, `${formatWarning(warning)} (hidden from your notes until the file is fixed)`);
}

/** Page ids the other content paths use: a new note never takes one (it would hide that page). */
async function takenIds(ctx: Context): Promise<Set<string>> {
  const others = contentPaths(ctx.paths).filter((p) => p.origin !== 'personal');
  return new Set((await loadPages(others)).pages.map((p) => p.id));
}

/** A notes folder that cannot be written (a file in its place, no permission) as the delegate's error. */
function notesFolderProblem(error: unknown, ctx: Context): unknown {
  const { code, path } = (error as NodeJS.ErrnoException | null) ?? {};
  if (!code || error instanceof UserError) return error;
  // A file where delegate needs a folder inside the notes folder (a file named .trash): name it,
  // not the notes folder, which is fine.
  if (code === 'EEXIST' && path && path !== ctx.paths.notes) {
    return new UserError(`cannot write to ${path} in your notes folder: it is a file, where delegate keeps a folder (EEXIST)`, {
      hint: 'Rename or move that file, then run the command again.',
    });
  }
  return new UserError(`cannot write to your notes folder ${ctx.paths.notes} (${code})`, {
    hint: 'Check that it is a folder you can write to, or set DELEGATE_NOTES_DIR to one (see: delegate paths).',
  });
}

/** Run a step that writes in the notes folder, turning file system errors into a plain message. */
async function writingNotes<T>(ctx: Context, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw notesFolderProblem(error, ctx);
  }
}

/** A size as a delegate reads it: 2 MiB, 5120 KiB. */
function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function frontMatterProblem(error: FrontMatterError, where: string): string {
  return `${where}:${error.line}: ${error.message}`;
}

export interface NotesAddOptions {
  title: string;
  tag?: string[];
}

/** The text of a new note as written in the editor, and the draft file it was written in. */
async function writeInEditor(fields: { title: string; tags: string[]; created: string }, ctx: Context): Promise<{ text: string; draft: string }> {
  const notesDir = ctx.paths.notes;
  // A dot file: never read as a page while it is being written, and kept if the editor fails.
  const draft = join(notesDir, `.draft-${slugify(fields.title) || 'note'}-${randomBytes(3).toString('hex')}.md`);
  await writingNotes(ctx, () => {
    ensureDir(notesDir);
    writeFileAtomicSync(draft, noteTemplate(fields));
  });
  await openInEditor(draft, ctx);
  return { text: readFileSync(draft, 'utf8'), draft };
}

/** `delegate notes add`: write a note in the editor, or take it from standard input. */
export async function notesAdd(options: NotesAddOptions, ctx: Context): Promise<void> {
  const title = oneLine(options.title);
  const tags = options.tag ?? [];
  const created = timestamp(ctx.now());
  const { text, draft } = ctx.stdin.isTTY ? await writeInEditor({ title, tags, created }, ctx) : { text: (await readStream(ctx.stdin)).toString('utf8'), draft: undefined };
  let note;
  try {
    note = await composeNote(text, { ...(title ? { title } : {}), tags, created, fallbackTitle: `Note of ${created.slice(0, 16).replace('T', ' ')}` });
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    throw new UserError(`the note's front matter cannot be read: ${neutralise(frontMatterProblem(error, draft ?? 'standard input'))}`, {
      hint: draft ? `Nothing was saved; your text is kept in ${draft}.` : 'Nothing was saved.',
    });
  }
  if (!note) {
    if (draft) rmSync(draft, { force: true });
    throw new UserError('the note is empty, so it was not saved', {
      hint: draft ? 'Write something below the front matter next time.' : 'Pipe the text in, as in: pbpaste | delegate notes add "Economy composite"',
    });
  }
  // Every other command skips a page over the size limit, so a note that big is not saved.
  const bytes = Buffer.byteLength(note.render(note.name));
  if (bytes > MAX_PAGE_BYTES) {
    throw new UserError(`the note is ${sizeText(bytes)}, over the ${sizeText(MAX_PAGE_BYTES)} a page may be, so it was not saved`, {
      hint: `${draft ? `Your text is kept in ${draft}. ` : ''}Split it into smaller notes, or keep the long text as a file of its own.`,
    });
  }
  const taken = await takenIds(ctx);
  const saved = await writingNotes(ctx, () => saveNote(ctx.paths.notes, note, taken));
  if (draft) rmSync(draft, { force: true });
  ctx.stdout.write(neutralise(`Saved "${note.title}" as ${saved.id}: ${saved.file}\n`));
}

function noteNotFound(query: string, match: { ambiguous: Page[]; suggestions: string[] }, command: string): UserError {
  const many = match.ambiguous.length > 1;
  const list = match.suggestions.map((id) => `  delegate notes ${command} ${id}`).join('\n');
  return new UserError(many ? `"${neutralise(query)}" matches ${match.ambiguous.length} notes` : `no note called "${neutralise(query)}"`, {
    hint: list ? `${many ? 'Pick one' : 'Did you mean'}:\n${list}` : 'See your notes with: delegate notes list',
  });
}

/** Find a note or throw; a file whose front matter cannot be read comes back without a page. */
async function requireNote(query: string, command: string, ctx: Context): Promise<{ page?: Page; file: string }> {
  const loaded = await loadNotes(ctx.paths.notes);
  const match = findNote(loaded.pages, ctx.paths.notes, query);
  if (match.file === undefined) throw noteNotFound(query, match, command);
  if (!match.page) {
    const warning = loaded.warnings.find((w) => w.file === match.file);
    if (warning) warn(ctx, formatWarning(warning));
  }
  return match;
}

/** `delegate notes edit`: open a note in the editor, then check it still reads as a note. */
export async function notesEdit(options: { note: string }, ctx: Context): Promise<void> {
  const { file } = await requireNote(options.note, 'edit', ctx);
  const before = readFileSync(file, 'utf8');
  await openInEditor(file, ctx);
  const after = readFileSync(file, 'utf8');
  try {
    const page = await parsePage(after, file, 'personal');
    ctx.stdout.write(neutralise(after === before ? `No changes to ${page.id}.\n` : `Saved ${page.id}: ${file}\n`));
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    throw new UserError(`the note was saved, but its front matter cannot be read: ${neutralise(frontMatterProblem(error, file))}`, {
      hint: `It is left out of your notes and search until fixed: delegate notes edit ${basename(file, '.md')}`,
    });
  }
}

/** `delegate notes list`: the delegate's notes, newest first. */
export async function notesList(options: { tag?: string; json?: boolean }, ctx: Context): Promise<void> {
  const loaded = await loadNotes(ctx.paths.notes);
  warnHiddenNotes(loaded, ctx);
  const tag = options.tag?.toLowerCase();
  const notes = loaded.pages.filter((p) => !tag || p.tags.includes(tag));
  if (options.json) {
    printJson(notes.map((n) => pageToJson(n, false)), ctx);
    return;
  }
  if (!ctx.interactive) {
    ctx.stdout.write(renderNotesTable(notes));
    return;
  }
  if (notes.length === 0) {
    ctx.stdout.write(
      tag && loaded.pages.length > 0 ? `No notes are tagged "${neutralise(tag)}".\n` : `No notes yet. Add one with: delegate notes add "Economy composite"\n`,
    );
    return;
  }
  await printPaged(renderNotesList(notes, ctx.theme), ctx);
}

/** `delegate notes show`: a note, rendered like a handbook page. */
export async function notesShow(options: { note: string }, ctx: Context): Promise<void> {
  const { page, file } = await requireNote(options.note, 'show', ctx);
  if (!page) {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat && stat.size > MAX_PAGE_BYTES) {
      throw new UserError(`${neutralise(file)} is ${sizeText(stat.size)}, over the ${sizeText(MAX_PAGE_BYTES)} a page may be, so it is skipped`, {
        hint: 'Split it into smaller notes (each under the limit); then every command shows them.',
      });
    }
    throw new UserError(`${neutralise(file)} cannot be shown until its front matter is fixed`, { hint: `Fix it with: delegate notes edit ${basename(file, '.md')}` });
  }
  const { renderPage } = await import('./renderPage.js');
  await printPaged(renderPage(page, ctx), ctx);
}

/** `delegate notes rm`: move a note to the trash folder, from which it can be moved back. */
export async function notesRm(options: { note: string }, ctx: Context): Promise<void> {
  const { page, file } = await requireNote(options.note, 'rm', ctx);
  const target = await writingNotes(ctx, () => trashNote(ctx.paths.notes, file));
  const name = page ? `"${page.title}" (${page.id})` : file;
  const quote = (path: string) => `'${path.replace(/'/g, "'\\''")}'`;
  ctx.stdout.write(neutralise(`Moved ${name} to the trash: ${target}\nTo bring it back: mv ${quote(target)} ${quote(`${ctx.paths.notes}/`)}\n`));
}

/** `delegate notes import`: bring existing .md and .txt files in as notes. */
export async function notesImport(options: { sources: string[] }, ctx: Context): Promise<void> {
  const taken = await takenIds(ctx);
  const report = await writingNotes(ctx, () => importNotes(options.sources, { notesDir: ctx.paths.notes, taken }));
  const { out, err } = renderImportReport(report, ctx.theme);
  ctx.stdout.write(out);
  ctx.stderr.write(err);
  const where = ctx.paths.notes;
  if (report.imported.length > 0) ctx.stdout.write(neutralise(`Imported ${plural(report.imported.length, 'file')} into ${where}.\n`));
  if (report.already.length > 0) {
    const count = report.already.length;
    ctx.stdout.write(`${plural(count, 'file was', 'files were')} already in your notes, unchanged since an earlier import.\n`);
  }
  if (report.skipped.length > 0) {
    throw new UserError(`${plural(report.skipped.length, 'file was', 'files were')} not imported (see above)`, {
      hint: report.imported.length ? 'The others are in your notes; nothing was overwritten.' : 'Nothing was changed.',
    });
  }
  if (report.imported.length === 0 && report.already.length === 0) throw new UserError('there was nothing to import', { hint: 'Give .md or .txt files, or folders that hold them.' });
}

